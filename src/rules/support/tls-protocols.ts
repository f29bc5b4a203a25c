/**
 * Which TLS and SSL versions a protocol setting leaves on, read the way servers read their
 * lists: nginx and HAProxy name versions (`TLSv1.2 TLSv1.3`), Apache adds and removes them
 * (`all -SSLv3`, `+TLSv1.2`), Postfix excludes them (`!SSLv2, !SSLv3`: everything else stays on)
 * or sets a floor (`>=TLSv1.2`), and a minimum-version setting names the lowest one allowed.
 */

export const PROTOCOL_VERSIONS = [
  'SSLv2',
  'SSLv3',
  'TLSv1',
  'TLSv1.1',
  'TLSv1.2',
  'TLSv1.3',
] as const;
export type ProtocolVersion = (typeof PROTOCOL_VERSIONS)[number];

/** The versions no client should still be offered. */
export const WEAK_VERSIONS: ReadonlySet<ProtocolVersion> = new Set([
  'SSLv2',
  'SSLv3',
  'TLSv1',
  'TLSv1.1',
]);

/** What `all` turns on: every version the server still speaks (SSLv2 is gone from OpenSSL). */
const ALL_VERSIONS: readonly ProtocolVersion[] = [
  'SSLv3',
  'TLSv1',
  'TLSv1.1',
  'TLSv1.2',
  'TLSv1.3',
];

const VERSION_NAMES: ReadonlyArray<[RegExp, ProtocolVersion]> = [
  [/^sslv?2$/i, 'SSLv2'],
  [/^sslv?3(\.0)?$/i, 'SSLv3'],
  [/^tls(v?1([._]0)?|v1)$/i, 'TLSv1'],
  [/^tlsv?1[._]1$/i, 'TLSv1.1'],
  [/^tlsv?1[._]2$/i, 'TLSv1.2'],
  [/^tlsv?1[._]3$/i, 'TLSv1.3'],
];

function versionOf(token: string): ProtocolVersion | undefined {
  return VERSION_NAMES.find(([pattern]) => pattern.test(token))?.[1];
}

function andAbove(version: ProtocolVersion): ProtocolVersion[] {
  return PROTOCOL_VERSIONS.slice(PROTOCOL_VERSIONS.indexOf(version)).filter(
    (candidate) => candidate !== 'SSLv2' || version === 'SSLv2',
  );
}

/**
 * The versions a protocol list turns on, or undefined when it is not a list of versions (a word
 * that is neither a version nor `all`: prose about protocols). `minimum`: the setting is a floor
 * (`ssl_min_protocol_version: TLSv1`).
 */
export function enabledVersions(
  tokens: readonly string[],
  minimum: boolean,
): Set<ProtocolVersion> | undefined {
  if (tokens.length === 0 || !tokens.every(isVersionToken)) return undefined;
  const enabled = new Set<ProtocolVersion>();
  const positive = tokens.some((token) => !/^[!-]/.test(token));
  if (!positive && tokens.length > 0) ALL_VERSIONS.forEach((version) => enabled.add(version));
  for (const token of tokens) {
    if (/^all$/i.test(token.replace(/^\+/, ''))) {
      ALL_VERSIONS.forEach((version) => enabled.add(version));
      continue;
    }
    const floor = /^>=?(.+)$/.exec(token);
    const version = versionOf(floor ? (floor[1] ?? '') : token.replace(/^[+!-]/, ''));
    if (!version) continue;
    if (/^[!-]/.test(token)) enabled.delete(version);
    else if (floor || minimum) andAbove(version).forEach((above) => enabled.add(above));
    else enabled.add(version);
  }
  return enabled;
}

/** `TLSv1.2`, `-SSLv3`, `!TLSv1`, `+TLSv1.3`, `>=TLSv1.2`, `all`. */
function isVersionToken(token: string): boolean {
  const bare = token.replace(/^(>=?|[+!-])/, '');
  return /^all$/i.test(bare) || versionOf(bare) !== undefined;
}

type ProtocolSetting = 'list' | 'minimum' | undefined;

/**
 * What each name's words make of it. Every key of every file is asked about, and `nameWords`
 * hands out one list of words per name, so each name is read once.
 */
const settingsByWords = new WeakMap<readonly string[], ProtocolSetting>();

/** Words of a setting's name that make it a list of protocol versions, or a floor. */
export function protocolSetting(words: readonly string[]): ProtocolSetting {
  if (!settingsByWords.has(words)) settingsByWords.set(words, readProtocolSetting(words));
  return settingsByWords.get(words);
}

function readProtocolSetting(words: readonly string[]): ProtocolSetting {
  const joined = words.join(' ');
  if (/\b(min|minimum)\b.*\b(protocol|version|tls)\b/.test(joined)) return 'minimum';
  if (
    /\bprotocols?\b/.test(joined) &&
    /\b(ssl|tls|smtpd?|https?|imaps?|pop3s?|ldaps?|sslprotocol)\b/.test(joined)
  )
    return 'list';
  if (/\b(ssl|tls)\s+versions?\b/.test(joined) || /^sslprotocol$/.test(joined)) return 'list';
  return undefined;
}

/** `TLSv1 and TLSv1.1`, `SSLv3, TLSv1 and TLSv1.1`. */
export function listVersions(versions: readonly ProtocolVersion[]): string {
  if (versions.length <= 1) return versions.join('');
  return `${versions.slice(0, -1).join(', ')} and ${versions.at(-1)}`;
}
