import type { Rule } from '../rule.js';
import { assignmentRange, assignments } from '../support/assignments.js';
import { ownStrings } from '../support/values.js';
import { commandsIn, effectiveProgram } from '../support/commands.js';
import { nameWords } from '../support/names.js';

/** Algorithms broken for security use. */
const WEAK_ALGORITHM = /(?<![a-z0-9])(md5|md4|sha1|sha-1|des|3des|des-cbc3|rc4|arcfour(128|256)?|rc2|blowfish-cbc|null|export|anull|enull|sslv2|sslv3|tlsv1|tlsv1\.0|tlsv1\.1|hmac-md5|hmac-sha1|diffie-hellman-group1-sha1)(?![a-z0-9.])/i;
/** Functions and methods that compute a broken digest (Puppet `md5()`, Ruby `Digest::MD5`). */
const WEAK_CALL = /^(md5|sha1|Digest::(MD5|SHA1)(\.\w+)?|OpenSSL::Digest::(MD5|SHA1)(\.\w+)?)$/;
/**
 * A digest is a security problem when it protects something: a checksum or signature, or a
 * password, token or key it is computed from. `md5($location)` to name a file is not.
 */
const SECURITY_PURPOSE = /pass(word|wd)?|secret|token|checksum|digest|signature|\bsig\b|\bauth\b|hash|credential/i;
/** Keys whose value names an algorithm, cipher list, digest or protocol. */
const ALGORITHM_KEY_WORDS = new Set(['cipher', 'ciphers', 'ciphersuite', 'ciphersuites', 'algorithm', 'algorithms', 'algo', 'digest', 'hash', 'checksum', 'macs', 'mac', 'kexalgorithms', 'kex', 'protocols', 'protocol', 'encryption', 'crypt', 'scheme', 'method']);
/** A digest named inside a value: `md5:...` checksums, `password_hash('md5')`. */
const WEAK_IN_TEXT = /^(md5|sha1):[0-9a-f]+$|password_hash\(\s*['"](md5|md5_crypt|des|des_crypt|bsd_nthash)['"]/i;

/** `!` excludes an algorithm in OpenSSL cipher strings (`HIGH:!aNULL:!MD5`). */
function weakAlgorithmIn(text: string): string | undefined {
  for (const part of text.split(/[\s:,;+]+/)) {
    if (part.startsWith('!') || part.startsWith('-')) continue;
    const match = WEAK_ALGORITHM.exec(part);
    if (match && part.length <= match[0].length + 16) return match[0];
  }
  return undefined;
}

/** `openssl passwd -1`, `openssl enc -des`, `openssl dgst -md5`, `htpasswd -m`. */
function weakCommand(name: string, args: readonly string[]): string | undefined {
  if (name === 'openssl') {
    if (args[0] === 'passwd' && args.some((arg) => arg === '-1' || arg === '-crypt' || arg === '-apr1')) return 'openssl passwd with MD5 or DES crypt';
    const flag = args.find((arg) => /^-(md5|md4|sha1|des|des3|des-ede3(-cbc)?|rc4|rc2)$/i.test(arg));
    if (flag) return `openssl ${flag}`;
  }
  if (name === 'htpasswd' && args.some((arg) => /^-[a-zA-Z]*[md][a-zA-Z]*$/.test(arg) && !arg.includes('B'))) return 'htpasswd with MD5 or crypt';
  return undefined;
}

export const weakCrypto: Rule = {
  meta: {
    id: 'weak-crypto',
    title: 'Weak cryptographic algorithm',
    severity: 'medium',
    category: 'weak-crypto',
    languages: ['ansible', 'puppet', 'chef'],
    description:
      'A broken algorithm is used for a security purpose: MD5 or SHA-1 for checksums and password hashes, DES, 3DES or RC4 ciphers, SSLv3 or TLS 1.0/1.1. Collisions, cracking and downgrade attacks against them are practical.',
    remediation:
      'Use SHA-256 or stronger for checksums, SHA-512 crypt, yescrypt, bcrypt or Argon2 for passwords, AES-GCM or ChaCha20-Poly1305 ciphers, and TLS 1.2 or 1.3.',
    cwe: 'CWE-327',
  },
  check({ file, report }) {
    for (const assignment of assignments(file)) {
      const { value } = assignment;
      const callArguments = value.text.slice(Math.max(0, value.text.indexOf('(')));
      if (value.kind === 'call' && value.name && WEAK_CALL.test(value.name) && SECURITY_PURPOSE.test(`${assignment.name} ${callArguments}`)) {
        report({ range: assignmentRange(assignment), message: `\`${assignment.name}\` is computed with ${value.name}` });
        continue;
      }
      const namesAlgorithm = nameWords(assignment.name).some((word) => ALGORITHM_KEY_WORDS.has(word));
      for (const item of ownStrings(value)) {
        const inText = WEAK_IN_TEXT.exec(item.value);
        if (inText) {
          report({ range: assignmentRange(assignment), message: `\`${assignment.name}\` uses ${(inText[1] ?? inText[2] ?? 'a weak digest').toUpperCase()}` });
          break;
        }
        const weak = namesAlgorithm && !item.dynamic ? weakAlgorithmIn(item.value) : undefined;
        if (weak) {
          // From the key down to the weak entry of a list.
          const range = { ...assignment.range, endLine: item.range.endLine, endColumn: item.range.endColumn };
          report({ range, message: `\`${assignment.name}\` allows the weak algorithm ${weak}` });
          break;
        }
      }
    }
    for (const command of commandsIn(file)) {
      for (const step of command.script.commands) {
        const { name, args } = effectiveProgram(step);
        const weak = weakCommand(name, args);
        if (weak) report({ range: command.rangeOf(step), message: `command uses ${weak}` });
      }
    }
  },
};
