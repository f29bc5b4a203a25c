import type { Rule } from '../rule.js';
import { assignmentRange, assignments } from '../support/assignments.js';
import { isFalse, isTrue } from '../support/values.js';
import { nameWords } from '../support/names.js';
import { commandsIn, effectiveProgram, hasFlag } from '../support/commands.js';
import { replaceValue } from '../support/source-lines.js';
import { TLS_SKIP_SETTINGS, TLS_VERIFY_MODE_SETTINGS, TLS_VERIFY_NONE, TLS_VERIFY_SETTINGS, endsWithSetting } from '../knowledge/settings.js';

/** What each client calls "do not check the certificate". */
function insecureClientFlag(name: string, args: readonly string[]): string | undefined {
  if (name === 'curl' && hasFlag(args, 'k', '--insecure')) return 'curl -k';
  if (name === 'wget' && hasFlag(args, undefined, '--no-check-certificate')) return 'wget --no-check-certificate';
  if ((name === 'pip' || name === 'pip3') && hasFlag(args, undefined, '--trusted-host')) return 'pip --trusted-host';
  if (name === 'git' && args.some((arg) => /^http\.sslverify=(false|0|no)$/i.test(arg))) return 'git http.sslVerify=false';
  if (name === 'npm' && args.includes('strict-ssl') && args.some((arg) => /^false$/i.test(arg))) return 'npm strict-ssl false';
  if ((name === 'helm' || name === 'kubectl') && hasFlag(args, undefined, '--insecure-skip-tls-verify')) return `${name} --insecure-skip-tls-verify`;
  return undefined;
}

/** The same literal flipped: `no` → `yes`, `false` → `true`, `0` → `1`, keeping quotes. */
function flipped(text: string): string | undefined {
  const flips: Record<string, string> = { no: 'yes', false: 'true', off: 'on', '0': '1', No: 'Yes', False: 'True', NO: 'YES', FALSE: 'TRUE' };
  const match = /^(['"]?)([^'"]*)(['"]?)$/.exec(text);
  const word = match?.[2];
  const replacement = word === undefined ? undefined : flips[word];
  return replacement === undefined ? undefined : `${match?.[1] ?? ''}${replacement}${match?.[3] ?? ''}`;
}

export const tlsVerificationDisabled: Rule = {
  meta: {
    id: 'tls-verification-disabled',
    title: 'TLS certificate verification disabled',
    severity: 'high',
    category: 'tls-verification-disabled',
    languages: ['ansible', 'puppet', 'chef'],
    description:
      'Certificate checking is turned off for a download, API call, repository or client (`validate_certs: no`, `sslverify=0`, `curl -k`, `wget --no-check-certificate`). The connection is still encrypted, but to whoever answers: a man in the middle can serve anything.',
    remediation:
      'Keep verification on. If the server uses a private CA, give the client that CA (`ca_path`, `sslcacert`, `--cacert`) instead of turning checks off.',
    cwe: 'CWE-295',
  },
  check({ file, report }) {
    for (const assignment of assignments(file)) {
      const words = nameWords(assignment.name);
      const mode = assignment.value.text.trim();
      const verifyOff =
        (endsWithSetting(words, TLS_VERIFY_SETTINGS) && isFalse(assignment.value)) ||
        (endsWithSetting(words, TLS_VERIFY_MODE_SETTINGS) && TLS_VERIFY_NONE.test(mode));
      const skipOn = endsWithSetting(words, TLS_SKIP_SETTINGS) && isTrue(assignment.value);
      if (!verifyOff && !skipOn) continue;
      const replacement = verifyOff ? flipped(assignment.value.text) : undefined;
      const suggestion = replacement ? replaceValue(file, assignment.value, replacement) : undefined;
      report({
        range: assignmentRange(assignment),
        message: `\`${assignment.name}\` set to \`${assignment.value.text}\` turns certificate verification off`,
        ...(suggestion ? { suggestion } : {}),
      });
    }
    for (const command of commandsIn(file)) {
      for (const step of command.script.commands) {
        const { name, args } = effectiveProgram(step);
        const flag = insecureClientFlag(name, args);
        if (flag) report({ range: command.rangeOf(step), message: `\`${flag}\` turns certificate verification off` });
      }
      if (/\bGIT_SSL_NO_VERIFY=(1|true)\b|\bPYTHONHTTPSVERIFY=0\b|\bNODE_TLS_REJECT_UNAUTHORIZED=0\b/.test(command.text)) {
        report({ range: command.range, message: 'an environment variable turns certificate verification off' });
      }
    }
  },
};
