import { minimatch } from 'minimatch';
import type { Rule } from '../rule.js';
import { assignmentRange, assignments } from '../support/assignments.js';
import { stringText } from '../support/values.js';
import { nameWords } from '../support/names.js';
import { commandsIn, isCommandAttribute } from '../support/commands.js';
import { isIdentifierUrl, isLocalHost, plainHttpUrls } from '../support/urls.js';

/** Keys whose text documents something for people; a link there is never fetched by the host. */
const DOCUMENTATION_WORDS = new Set(['description', 'summary', 'doc', 'docs', 'documentation', 'help', 'comment', 'comments', 'note', 'notes', 'homepage', 'msg', 'message', 'issue', 'tracker']);

/** Calls that only print or raise a message: a link there is for people, like a documentation key. */
const MESSAGE_CALLS = new Set(['info', 'warn', 'warning', 'debug', 'error', 'fatal', 'puts', 'print', 'p', 'raise', 'fail', 'log', 'description', 'notify']);

function firstRemoteHttpUrl(text: string, allowedHosts: readonly string[]): string | undefined {
  for (const match of plainHttpUrls(text)) {
    if (isLocalHost(match.host) || isIdentifierUrl(match)) continue;
    if (allowedHosts.some((host) => minimatch(match.host, host, { nocase: true }))) continue;
    return match.url;
  }
  return undefined;
}

export const httpWithoutTls: Rule = {
  meta: {
    id: 'http-without-tls',
    title: 'Plain HTTP URL',
    severity: 'medium',
    category: 'http-without-tls',
    languages: ['ansible', 'puppet', 'chef'],
    description:
      'A URL uses plain `http://` to reach another host. Whatever travels over it (packages, scripts, credentials, API calls) can be read and changed by anyone on the network path.',
    remediation:
      'Use `https://` (and keep certificate validation on). If the endpoint cannot serve TLS, verify what it delivers with a checksum or signature, and keep it on a trusted network.',
    cwe: 'CWE-319',
    options: {
      allowed_hosts: {
        description: 'hosts (globs) that may be reached over plain HTTP, such as an internal mirror on a trusted network',
        default: [],
      },
    },
  },
  check({ file, report, options }) {
    const allowedHosts = options['allowed_hosts'] ?? [];
    for (const assignment of assignments(file)) {
      const text = stringText(assignment.value);
      if (text === undefined || assignment.value.kind !== 'string') continue;
      if (nameWords(assignment.name).some((word) => DOCUMENTATION_WORDS.has(word))) continue;
      if (assignment.unit && isCommandAttribute(file, assignment.unit, assignment.name)) continue;
      const url = firstRemoteHttpUrl(text, allowedHosts);
      if (url) report({ range: assignmentRange(assignment), message: `\`${assignment.name}\` uses plain HTTP: ${url}` });
    }
    for (const unit of file.units) {
      if (unit.kind !== 'call' || MESSAGE_CALLS.has(unit.type) || isCommandAttribute(file, unit, 'argument')) continue;
      for (const argument of unit.attributes) {
        const url = typeof argument.value.value === 'string' ? firstRemoteHttpUrl(argument.value.value, allowedHosts) : undefined;
        if (url) report({ range: argument.range, message: `\`${unit.typeAsWritten}\` is given a plain HTTP URL: ${url}` });
      }
    }
    for (const command of commandsIn(file)) {
      const url = firstRemoteHttpUrl(command.text, allowedHosts);
      if (!url) continue;
      const start = command.text.indexOf(url);
      report({ range: command.rangeOf({ start, end: start + url.length }), message: `command reaches ${url} over plain HTTP` });
    }
  },
};
