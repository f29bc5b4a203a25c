import type { Rule, RuleContext } from '../rule.js';
import type { Value } from '../../model/model.js';
import { assignments, keyLabel, valueRange, type Assignment } from '../support/assignments.js';
import { ownStrings } from '../support/values.js';
import { commandsIn, effectiveProgram } from '../support/commands.js';
import { isPasswordName, nameWords } from '../support/names.js';
import { isCipherSetting, weakCipher } from '../support/cipher-strings.js';
import { checkSettings, type Verdict } from '../support/config-settings.js';
import { namedSettingAssignments } from '../support/named-settings.js';
import {
  enabledVersions,
  listVersions,
  PROTOCOL_VERSIONS,
  protocolSetting,
  WEAK_VERSIONS,
} from '../support/tls-protocols.js';
import { SERVER_FORMATS, weakServerTls } from './server-tls.js';
import { DATABASE_FORMATS, weakDatabaseSetting } from './database-settings.js';
import { checkKeyGenerators, shortKeyCommand } from './short-keys.js';
import { meta } from './meta.js';

/** Algorithms broken for security use; longer names first, so that 3DES is not read as DES. */
const WEAK_ALGORITHM =
  /(?<![a-z0-9])(des-ede3(-cbc)?|des-cbc3|3des|md5|md4|sha1|sha-1|des|rc4|arcfour(128|256)?|rc2|blowfish-cbc|null|export|anull|enull|sslv2|sslv3|tlsv1|tlsv1\.0|tlsv1\.1|hmac-md5|hmac-sha1|diffie-hellman-group1-sha1)(?![a-z0-9.])/i;
/** Functions and methods that compute a broken digest (Puppet `md5()`, Ruby `Digest::MD5`). */
const WEAK_CALL = /^(md5|sha1|Digest::(MD5|SHA1)(\.\w+)?|OpenSSL::Digest::(MD5|SHA1)(\.\w+)?)$/;
/**
 * A digest is a security problem when it protects something: a checksum or signature, or a
 * password, token or key it is computed from. `md5($location)` to name a file is not.
 */
const SECURITY_PURPOSE =
  /pass(word|wd)?|secret|token|checksum|digest|signature|\bsig\b|\bauth\b|hash|credential/i;
/** Keys whose value names an algorithm, digest, MAC or key exchange. */
const ALGORITHM_KEY_WORDS = new Set([
  'algorithm',
  'algorithms',
  'algo',
  'digest',
  'hash',
  'checksum',
  'macs',
  'mac',
  'kexalgorithms',
  'kex',
  'encryption',
  'crypt',
  'scheme',
  'method',
]);
/** A digest named inside a value: `md5:...` checksums, `password_hash('md5')`. */
const WEAK_IN_TEXT =
  /^(md5|sha1):[0-9a-f]+$|password_hash\(\s*['"](md5|md5_crypt|des|des_crypt|bsd_nthash)['"]/i;
/** The digest a checksum names before a value the code computes: `md5:{{ tool_md5 }}`. */
const WEAK_BEFORE_TEMPLATE = /^(md5|sha1):\s*\{\{[^}]*\}\}\s*$/i;
/** A password hashed with MD5 crypt (`$1$salt$...`) or Apache's variant (`$apr1$`). */
const MD5_CRYPT = /^\$(1|apr1)\$[^$]*\$/;

/**
 * HMAC-SHA1 is still a sound MAC: collisions in SHA-1 do not forge HMACs, and NIST SP 800-131A
 * keeps HMAC-SHA-1 acceptable for message authentication. It is only weak as a bare digest.
 */
const SOUND_MAC = /^hmac-sha1(-etm@openssh\.com)?$/i;
/** Keys listing MACs (`ssh_macs`, `MACs`). */
const MAC_KEY_WORDS = new Set(['macs', 'mac']);

/** GLITCH counts SHA-1 as weak wherever it appears, MACs included. */
const GLITCH_ONLY = ['glitch'] as const;

/**
 * The first weak algorithm in a list; a sound MAC that GLITCH counts as weak only when the list
 * has nothing worse. `!` excludes an algorithm in OpenSSL-style lists (`!MD5`, `-RC4`); long
 * compound names are not algorithms.
 */
function weakAlgorithmIn(
  text: string,
  listsMacs: boolean,
): { algorithm: string; glitchOnly: boolean } | undefined {
  let soundMac: string | undefined;
  for (const part of text.split(/[\s:,;+]+/)) {
    if (part.startsWith('!') || part.startsWith('-')) continue;
    const match = WEAK_ALGORITHM.exec(part);
    if (!match || part.length > match[0].length + 16) continue;
    if (listsMacs && SOUND_MAC.test(part)) {
      soundMac ??= part;
      continue;
    }
    return {
      algorithm: /^(des-ede3|des-cbc3|3des)/i.test(match[0]) ? '3DES' : match[0],
      glitchOnly: false,
    };
  }
  return soundMac ? { algorithm: soundMac, glitchOnly: true } : undefined;
}

/** `openssl passwd -1`, `openssl enc -des`, `openssl dgst -md5`, `htpasswd -m`. */
function weakCommand(name: string, args: readonly string[]): string | undefined {
  if (name === 'openssl') {
    if (
      args[0] === 'passwd' &&
      args.some((arg) => arg === '-1' || arg === '-crypt' || arg === '-apr1')
    )
      return 'openssl passwd with MD5 or DES crypt';
    const flag = args.find((arg) =>
      /^-(md5|md4|sha1|des|des3|des-ede3(-cbc)?|rc4|rc2)$/i.test(arg),
    );
    if (flag) return `openssl ${flag}`;
  }
  if (
    name === 'htpasswd' &&
    args.some((arg) => /^-[a-zA-Z]*[md][a-zA-Z]*$/.test(arg) && !arg.includes('B'))
  )
    return 'htpasswd with MD5 or crypt';
  return undefined;
}

/** The tokens of a protocol setting: a string's words, or a list's items (`['all', '-SSLv3']`). */
function protocolTokens(value: Value): string[] | undefined {
  const strings = [...ownStrings(value)];
  if (strings.length === 0 || strings.some((item) => item.dynamic)) return undefined;
  return strings.flatMap((item) => item.value.split(/[\s,:]+/)).filter((token) => token !== '');
}

/** TLS 1.0 and 1.1, SSLv3 left on by a protocol list or a floor; one finding for the setting. */
function checkProtocols(
  context: RuleContext,
  assignment: Assignment,
  words: readonly string[],
): boolean {
  const kind = protocolSetting(words);
  const tokens = kind ? protocolTokens(assignment.value) : undefined;
  const enabled = tokens ? enabledVersions(tokens, kind === 'minimum') : undefined;
  if (!enabled) return false;
  const weak = PROTOCOL_VERSIONS.filter(
    (version) => enabled.has(version) && WEAK_VERSIONS.has(version),
  );
  if (weak.length > 0) {
    const byExclusion =
      tokens !== undefined &&
      (tokens.some((token) => /^\+?all$/i.test(token)) ||
        tokens.every((token) => /^[!-]/.test(token)));
    const how = byExclusion ? ', which the list does not exclude' : '';
    context.report({
      range: valueRange(assignment, assignment.value),
      message: `\`${assignment.name}\` set to \`${assignment.value.text.trim()}\` leaves ${listVersions(weak)} on${how}`,
    });
  }
  return true;
}

function checkCiphers(
  context: RuleContext,
  assignment: Assignment,
  words: readonly string[],
): boolean {
  if (!isCipherSetting(words)) return false;
  for (const item of ownStrings(assignment.value)) {
    if (item.dynamic) continue;
    const weak = weakCipher(item.value);
    if (!weak) continue;
    context.report({
      range: valueRange(assignment, item),
      message: `\`${assignment.name}\` enables \`${weak.entry}\`: ${weak.weakness} is broken`,
    });
    break;
  }
  return true;
}

function checkAssignment(context: RuleContext, assignment: Assignment): void {
  const { file, report } = context;
  const { value } = assignment;
  if (value.kind === 'call' && value.name && WEAK_CALL.test(value.name)) {
    const callArguments = value.text.slice(Math.max(0, value.text.indexOf('(')));
    if (SECURITY_PURPOSE.test(`${assignment.name} ${callArguments}`)) {
      report({
        range: valueRange(assignment, value),
        message: `\`${assignment.name}\` is computed with ${value.name}`,
      });
      return;
    }
  }
  const words = nameWords(assignment.name);
  if (checkProtocols(context, assignment, words) || checkCiphers(context, assignment, words))
    return;
  const namesAlgorithm = words.some((word) => ALGORITHM_KEY_WORDS.has(word));
  const listsMacs = words.some((word) => MAC_KEY_WORDS.has(word));
  for (const item of ownStrings(value)) {
    if (!item.dynamic && MD5_CRYPT.test(item.value) && isPasswordName(assignment.name)) {
      report({
        range: valueRange(assignment, item),
        message: `\`${assignment.name}\` is an MD5-crypt hash (\`${item.value.slice(0, item.value.indexOf('$', 3) + 1)}…\`), which falls to offline cracking quickly`,
      });
      return;
    }
    const inText =
      WEAK_IN_TEXT.exec(item.value) ??
      (namesAlgorithm ? WEAK_BEFORE_TEMPLATE.exec(item.value) : null);
    if (inText) {
      report({
        range: valueRange(assignment, item),
        message: `${keyLabel(file, assignment)} uses ${(inText[1] ?? inText[2] ?? 'a weak digest').toUpperCase()}`,
      });
      return;
    }
    const weak =
      namesAlgorithm && !item.dynamic ? weakAlgorithmIn(item.value, listsMacs) : undefined;
    if (weak) {
      report({
        range: valueRange(assignment, item),
        message: `\`${assignment.name}\` allows the weak algorithm ${weak.algorithm}`,
        ...(weak.glitchOnly ? { profiles: GLITCH_ONLY } : {}),
      });
      return;
    }
  }
}

/** SSH algorithm lists: `+` appends to the defaults, `^` puts first, `-` removes. */
function enabledEntries(list: string): string[] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '' && !entry.startsWith('-'))
    .map((entry) => entry.replace(/^[+^]/, ''));
}

const WEAK_SSH_MAC = /(^|-)(md5|ripemd160)(-|@|$)|^umac-64(@|$)|-96(@|$)/i;
const WEAK_SSH_KEX = /^(diffie-hellman-group1-sha1|gss-group1-sha1-.*)$/i;

/** The weak algorithm an sshd or ssh `Ciphers`, `MACs` or `KexAlgorithms` list enables. */
function weakSshAlgorithm(name: string, value: string): Verdict | undefined {
  const setting = name.toLowerCase();
  const entries = enabledEntries(value);
  if (setting === 'ciphers') {
    const weak = weakCipher(entries.join(','));
    if (weak) return { problem: `it enables \`${weak.entry}\`, and ${weak.weakness} is broken` };
    const cbc = entries.find((entry) => /-cbc$/i.test(entry));
    if (cbc)
      return {
        problem: `it enables \`${cbc}\`: CBC mode in SSH leaks plaintext to an attacker on the path (CVE-2008-5161); use the \`-ctr\`, \`-gcm\` or ChaCha20-Poly1305 ciphers`,
        severity: 'low',
      };
    return undefined;
  }
  if (setting === 'macs') {
    const weak = entries.find((entry) => WEAK_SSH_MAC.test(entry));
    return weak ? { problem: `it enables the weak MAC \`${weak}\`` } : undefined;
  }
  if (setting === 'kexalgorithms') {
    const weak = entries.find((entry) => WEAK_SSH_KEX.test(entry));
    return weak
      ? { problem: `it enables \`${weak}\`, a 1024-bit Diffie-Hellman group (Logjam)` }
      : undefined;
  }
  return undefined;
}

export const weakCrypto: Rule = {
  meta,
  check(context) {
    // An INI writer's keys land in files the settings checks below read.
    for (const assignment of [
      ...assignments(context.file),
      ...namedSettingAssignments(context.file, { iniKeys: false }),
    ])
      checkAssignment(context, assignment);
    checkSettings(context, ['sshd', 'ssh'], weakSshAlgorithm);
    checkSettings(context, SERVER_FORMATS, weakServerTls);
    checkSettings(context, DATABASE_FORMATS, weakDatabaseSetting);
    checkKeyGenerators(context);
    for (const command of commandsIn(context.file)) {
      for (const step of command.script.commands) {
        const { name, args } = effectiveProgram(step);
        const weak = weakCommand(name, args) ?? shortKeyCommand(name, args);
        if (weak)
          context.report({ range: command.rangeOf(step), message: `the command uses ${weak}` });
      }
    }
  },
};
