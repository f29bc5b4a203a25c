/**
 * Weak ciphers in a cipher list: OpenSSL strings (`HIGH:!aNULL:!MD5`, `ECDHE-RSA-DES-CBC3-SHA`),
 * IANA suite names (`TLS_RSA_WITH_RC4_128_MD5`) and SSH cipher lists (`aes256-ctr,arcfour256`).
 * `!` and `-` entries remove ciphers; `+` only moves them. Protocol names in a cipher string
 * (`SSLv3`, `TLSv1`) select cipher groups usable with them, not the protocol, and are left to
 * the protocol setting.
 */
import { lookupTable } from '../../shared/lookup-table.js';

/** Keywords that select weak ciphers as a group. */
const WEAK_GROUPS: Readonly<Record<string, string>> = lookupTable({
  low: 'LOW (56-bit and weaker)',
  export: 'EXPORT',
  exp: 'EXPORT',
  null: 'NULL (no encryption)',
  enull: 'NULL (no encryption)',
  anull: 'aNULL (no authentication)',
  rc4: 'RC4',
  des: 'DES',
  '3des': '3DES',
  md5: 'MD5',
  rc2: 'RC2',
});

/** The weak part of one cipher suite or SSH cipher name, or undefined. */
function weakSuite(name: string): string | undefined {
  const parts = name.toLowerCase().split(/[-_]/);
  if (parts.some((part) => part === 'rc4' || part.startsWith('arcfour'))) return 'RC4';
  if (
    parts.includes('3des') ||
    (parts.includes('des') &&
      parts.some((part) => part === 'cbc3' || part === 'ede3' || part === 'ede'))
  )
    return '3DES';
  if (parts.includes('des')) return 'DES';
  if (parts.includes('null') || parts.includes('enull')) return 'NULL (no encryption)';
  if (
    parts[0] === 'exp' ||
    parts.includes('export') ||
    parts.includes('export40') ||
    parts.includes('export1024')
  )
    return 'EXPORT';
  if (parts.includes('rc2')) return 'RC2';
  if (parts.includes('blowfish')) return 'Blowfish';
  if (parts[0] === 'adh' || parts[0] === 'aecdh' || parts.includes('anon'))
    return 'anonymous key exchange (no authentication)';
  if (parts.at(-1) === 'md5') return 'MD5';
  return undefined;
}

/** The first cipher a list enables that is weak: the entry as written and what is weak about it. */
export function weakCipher(list: string): { entry: string; weakness: string } | undefined {
  for (const entry of list.split(/[\s:,;]+/)) {
    if (entry === '' || /^[!+-]/.test(entry)) continue;
    // `RC4+RSA` selects the ciphers in both groups: all weak when one group is.
    const group = entry
      .toLowerCase()
      .split('+')
      .map((part) => WEAK_GROUPS[part])
      .find((weakness) => weakness !== undefined);
    const weakness = group ?? weakSuite(entry);
    if (weakness) return { entry, weakness };
  }
  return undefined;
}

/** Words of a setting's name that make it a cipher list. */
export function isCipherSetting(words: readonly string[]): boolean {
  return words.some(
    (word) =>
      word === 'cipher' ||
      word === 'ciphers' ||
      word === 'ciphersuite' ||
      word === 'ciphersuites' ||
      word === 'sslciphersuite',
  );
}
