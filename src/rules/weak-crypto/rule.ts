import type { Rule } from '../rule.js';
import { assignmentRange, assignments } from '../support/assignments.js';
import { stringText } from '../support/values.js';
import { commandsIn, effectiveProgram } from '../support/commands.js';
import { nameWords } from '../support/names.js';

/** Algorithms broken for security use. */
const WEAK_ALGORITHM = /(?<![a-z0-9])(md5|md4|sha1|sha-1|des|3des|des-cbc3|rc4|arcfour|rc2|blowfish-cbc|null|export|anull|enull|sslv2|sslv3|tlsv1|tlsv1\.0|tlsv1\.1|hmac-md5|hmac-sha1|diffie-hellman-group1-sha1)(?![a-z0-9.])/i;
/** Keys whose value names an algorithm, cipher list, digest or protocol. */
const ALGORITHM_KEY_WORDS = new Set(['cipher', 'ciphers', 'ciphersuite', 'ciphersuites', 'algorithm', 'algorithms', 'algo', 'digest', 'hash', 'checksum', 'macs', 'mac', 'kexalgorithms', 'kex', 'protocols', 'protocol', 'encryption', 'crypt', 'scheme']);
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
    languages: ['ansible'],
    description:
      'A broken algorithm is used for a security purpose: MD5 or SHA-1 for checksums and password hashes, DES, 3DES or RC4 ciphers, SSLv3 or TLS 1.0/1.1. Collisions, cracking and downgrade attacks against them are practical.',
    remediation:
      'Use SHA-256 or stronger for checksums, SHA-512 crypt, yescrypt, bcrypt or Argon2 for passwords, AES-GCM or ChaCha20-Poly1305 ciphers, and TLS 1.2 or 1.3.',
    cwe: 'CWE-327',
  },
  check({ file, report }) {
    for (const assignment of assignments(file)) {
      const text = stringText(assignment.value);
      if (text === undefined) continue;
      const inText = WEAK_IN_TEXT.exec(text);
      if (inText) {
        report({ range: assignmentRange(assignment), message: `\`${assignment.name}\` uses ${(inText[1] ?? inText[2] ?? 'a weak digest').toUpperCase()}` });
        continue;
      }
      if (assignment.value.dynamic) continue;
      if (!nameWords(assignment.name).some((word) => ALGORITHM_KEY_WORDS.has(word))) continue;
      const weak = weakAlgorithmIn(text);
      if (weak) report({ range: assignmentRange(assignment), message: `\`${assignment.name}\` allows the weak algorithm ${weak}` });
    }
    for (const command of commandsIn(file)) {
      for (const step of command.script.commands) {
        const { name, args } = effectiveProgram(step);
        const weak = weakCommand(name, args);
        if (weak) report({ range: command.range, message: `command uses ${weak}` });
      }
    }
  },
};
