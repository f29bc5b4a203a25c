import { globMatches, HOST_GLOB_OPTIONS } from '../../shared/globs.js';
import type { Rule } from '../rule.js';
import { assignments, type Assignment } from '../support/assignments.js';
import { removesResource, stringText } from '../support/values.js';
import { nameWords } from '../support/names.js';
import { commandsIn, isCommandAttribute } from '../support/commands.js';
import { isSwitchedOff, neighboursOf, turnSignaturesOff } from '../support/package-signatures.js';
import { quote, rangeOfText } from '../support/source-lines.js';
import { isIdentifierUrl, isLocalHost, plainHttpUrls } from '../support/urls.js';
import { exposureOf, isThisHost, readUrl, type Exposure } from './exposure.js';
import { downloadOf } from '../support/downloads.js';
import type { RuleContext } from '../rule.js';
import { meta } from './meta.js';

/** Keys whose text documents something for people; a link there is never fetched by the host. */
const DOCUMENTATION_WORDS = new Set([
  'description',
  'summary',
  'doc',
  'docs',
  'documentation',
  'help',
  'comment',
  'comments',
  'note',
  'notes',
  'homepage',
  'msg',
  'message',
  'issue',
  'tracker',
]);

/** Calls that only print or raise a message: a link there is for people, like a documentation key. */
const MESSAGE_CALLS = new Set([
  'info',
  'warn',
  'warning',
  'debug',
  'error',
  'fatal',
  'puts',
  'print',
  'p',
  'raise',
  'fail',
  'log',
  'description',
  'notify',
]);

/** Plain HTTP that carries nothing at risk is one of GLITCH's smells, not a security finding. */
const GLITCH_ONLY = ['glitch'] as const;

interface RemoteUrl {
  url: string;
  host: string;
}

function* remoteHttpUrls(text: string, allowedHosts: readonly string[]): Generator<RemoteUrl> {
  for (const match of plainHttpUrls(text)) {
    const { url, host } = readUrl(text, match.index);
    const lower = host.toLowerCase();
    if (isLocalHost(lower) || isIdentifierUrl({ url, host: lower, index: match.index })) continue;
    if (allowedHosts.some((allowed) => globMatches(lower, allowed, HOST_GLOB_OPTIONS))) continue;
    yield { url, host };
  }
}

function firstRemoteHttpUrl(text: string, allowedHosts: readonly string[]): RemoteUrl | undefined {
  for (const found of remoteHttpUrls(text, allowedHosts)) return found;
  return undefined;
}

/** Exposures from the most to the least at risk. */
const EXPOSURE_ORDER: readonly Exposure['kind'][] = [
  'at-risk',
  'signature-checked',
  'nothing-at-risk',
];

/** Of the URLs in a string, the one whose exposure is the most at risk. */
function mostAtRisk(
  found: ReadonlyArray<RemoteUrl & { exposure: Exposure }>,
): (RemoteUrl & { exposure: Exposure }) | undefined {
  return [...found].sort(
    (a, b) => EXPOSURE_ORDER.indexOf(a.exposure.kind) - EXPOSURE_ORDER.indexOf(b.exposure.kind),
  )[0];
}

/** What a message calls the setting: its key, or for an `option`/`value` pair (`ini_file`), the option. */
function settingName({ name, siblings }: Assignment): string {
  const option =
    name === 'value'
      ? siblings.find((sibling) => sibling.name === 'option')?.value.value
      : undefined;
  return typeof option === 'string' ? option : name;
}

/** The message and, when less than the rule's, the severity of a finding about a URL in a value. */
function describe(
  name: string,
  url: string,
  exposure: Exposure,
): { message: string; severity?: 'low'; profiles?: typeof GLITCH_ONLY } {
  switch (exposure.kind) {
    case 'nothing-at-risk':
      return {
        message: `\`${name}\` uses plain HTTP (${quote(url)}), though nothing is at risk: ${exposure.why}`,
        profiles: GLITCH_ONLY,
      };
    case 'signature-checked':
      return {
        message: `\`${name}\` reaches a package repository over plain HTTP (${quote(url)}); its packages are still signature-checked by ${exposure.checkedBy}, so the network can see what the host installs but not change it`,
        severity: 'low',
      };
    case 'at-risk':
      return exposure.what
        ? {
            message: `\`${name}\` fetches ${exposure.what} over plain HTTP (${quote(url)}): whoever can tamper with the network path can replace it`,
          }
        : { message: `\`${name}\` uses plain HTTP: ${quote(url)}` };
  }
}

/** Whether the value is the source of a download, and whether a checksum verifies what arrives. */
function downloadSource(
  context: RuleContext,
  assignment: Assignment,
): 'verified' | 'unverified' | undefined {
  const { unit } = assignment;
  if (!unit || assignment.path.length !== 1) return undefined;
  const download = downloadOf(context, unit);
  if (download?.source.name !== assignment.name) return undefined;
  return download.verified ? 'verified' : 'unverified';
}

export const httpWithoutTls: Rule = {
  meta,
  check(context) {
    const { file, report, options } = context;
    const allowedHosts = options['allowed_hosts'] ?? [];
    const all = assignments(file);
    for (const assignment of all) {
      const { name, value, unit } = assignment;
      const text = stringText(value);
      if (text === undefined || value.kind !== 'string') continue;
      // First what rules out most strings: they hold no plain HTTP URL.
      const urls = [...remoteHttpUrls(text, allowedHosts)];
      if (urls.length === 0) continue;
      if (nameWords(name).some((word) => DOCUMENTATION_WORDS.has(word))) continue;
      if (unit && (isCommandAttribute(file, unit, name) || removesResource(unit, file.language)))
        continue;
      const neighbours = neighboursOf(all, assignment);
      if (isSwitchedOff(neighbours)) continue;
      const signaturesOff = turnSignaturesOff(file, neighbours);
      const found = mostAtRisk(
        urls.map((url) => ({
          ...url,
          exposure: exposureOf(assignment, file.language, text, url.host, signaturesOff),
        })),
      );
      if (!found) continue;
      const range = rangeOfText(file, value.range, found.url);
      const download = downloadSource(context, assignment);
      if (download === 'verified') {
        report({
          range,
          message: `\`${settingName(assignment)}\` downloads over plain HTTP (${quote(found.url)}); the checksum still catches a replaced file, but the network sees what the host fetches`,
          severity: 'low',
        });
      } else if (download === 'unverified') {
        // One cause, one finding: missing-integrity-check reports an unverified download over HTTP.
        report({
          range,
          ...describe(settingName(assignment), found.url, found.exposure),
          profiles: GLITCH_ONLY,
        });
      } else {
        report({ range, ...describe(settingName(assignment), found.url, found.exposure) });
      }
    }
    for (const call of file.units) {
      if (
        call.kind !== 'call' ||
        MESSAGE_CALLS.has(call.type) ||
        isCommandAttribute(file, call, 'argument')
      )
        continue;
      for (const argument of call.attributes) {
        const found =
          typeof argument.value.value === 'string'
            ? firstRemoteHttpUrl(argument.value.value, allowedHosts)
            : undefined;
        if (!found) continue;
        const local = isThisHost(found.host) ? { profiles: GLITCH_ONLY } : {};
        report({
          range: rangeOfText(file, argument.value.range, found.url),
          message: `\`${call.typeAsWritten}\` is given a plain HTTP URL: ${quote(found.url)}`,
          ...local,
        });
      }
    }
    for (const command of commandsIn(file)) {
      const found = firstRemoteHttpUrl(command.text, allowedHosts);
      if (!found) continue;
      const start = command.text.indexOf(found.url);
      const local = isThisHost(found.host) ? { profiles: GLITCH_ONLY } : {};
      const range = rangeOfText(
        file,
        command.rangeOf({ start, end: start + found.url.length }),
        found.url,
      );
      report({ range, message: `command reaches ${quote(found.url)} over plain HTTP`, ...local });
    }
  },
};
