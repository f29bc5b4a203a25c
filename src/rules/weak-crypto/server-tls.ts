/**
 * TLS protocol and cipher settings of the web servers, proxies and mail servers a repository
 * configures: nginx (`ssl_protocols`, `ssl_ciphers`), Apache httpd (`SSLProtocol`,
 * `SSLCipherSuite`), HAProxy (`ssl-default-bind-options`, `ssl-min-ver` and `ciphers` on `bind`
 * and `server` lines) and Postfix (`smtpd_tls_mandatory_protocols`, `smtpd_tls_ciphers`,
 * `tls_high_cipherlist`).
 */
import type { ConfigFormat } from '../../model/model.js';
import { weakCipher } from '../support/cipher-strings.js';
import type { Judge, Verdict } from '../support/config-settings.js';
import {
  enabledVersions,
  listVersions,
  PROTOCOL_VERSIONS,
  WEAK_VERSIONS,
  type ProtocolVersion,
} from '../support/tls-protocols.js';
import { lookupTable } from '../../shared/lookup-table.js';

export const SERVER_FORMATS: readonly ConfigFormat[] = ['nginx', 'apache', 'haproxy', 'postfix'];

/** The value as the daemon reads it: without nginx's `;`, a trailing comment or quotes. */
export function bareValue(value: string): string {
  const withoutEnd = value
    .replace(/\s#.*$/, '')
    .replace(/;\s*$/, '')
    .trim();
  return /^(["'])(.*)\1$/.exec(withoutEnd)?.[2] ?? withoutEnd;
}

/** A list of versions (`TLSv1.2 TLSv1.3`, `all -SSLv3`, `!SSLv2, !SSLv3`) that leaves weak ones on. */
function protocolList(list: string): { weak: ProtocolVersion[]; byExclusion: boolean } | undefined {
  // A Postfix list that ends in a comma goes on on the next line: what is left out is unknown.
  if (/,\s*$/.test(list)) return undefined;
  const tokens = list.split(/[\s,:]+/).filter((token) => token !== '');
  const enabled = enabledVersions(tokens, false);
  if (!enabled) return undefined;
  const weak = PROTOCOL_VERSIONS.filter(
    (version) => enabled.has(version) && WEAK_VERSIONS.has(version),
  );
  if (weak.length === 0) return undefined;
  const byExclusion =
    tokens.some((token) => /^\+?all$/i.test(token)) || tokens.every((token) => /^[!-]/.test(token));
  return { weak, byExclusion };
}

export function protocolVerdict(list: string): Verdict | undefined {
  const found = protocolList(list);
  if (!found) return undefined;
  const how = found.byExclusion ? ', which the list does not exclude' : '';
  return { problem: `it leaves ${listVersions(found.weak)} on${how}` };
}

export function cipherVerdict(list: string): Verdict | undefined {
  const weak = weakCipher(list);
  return weak
    ? { problem: `it enables \`${weak.entry}\`, and ${weak.weakness} is broken` }
    : undefined;
}

/** HAProxy's version names: `SSLv3`, `TLSv1.0` ... `TLSv1.3`; `force-tlsv10` and the like. */
function haproxyVersion(name: string | undefined): ProtocolVersion | undefined {
  const bare = name
    ?.toLowerCase()
    .replace(/^force-/, '')
    .replace(/^tlsv1\.?0$/, 'tlsv1')
    .replace(/^tlsv1(\d)$/, 'tlsv1.$1');
  return PROTOCOL_VERSIONS.find((version) => version.toLowerCase() === bare);
}

/**
 * The SSL options of a HAProxy `bind` or `server` line, or of `ssl-default-bind-options`:
 * a forced weak version (`force-tlsv10`), a floor below TLS 1.2 (`ssl-min-ver TLSv1.0`), a
 * ceiling at a weak version, or a weak cipher in `ciphers`. `no-sslv3` alone says nothing: the
 * floor is the build's default, TLS 1.2 since HAProxy 2.2.
 */
function haproxyOptions(options: string): Verdict | undefined {
  const words = options.split(/\s+/);
  const argument = (option: string) => {
    const at = words.findIndex((word) => word.toLowerCase() === option);
    return at < 0 ? undefined : words[at + 1];
  };
  const forced = words.find((word) => /^force-(sslv3|tlsv1[01])$/i.test(word));
  const forcedVersion = haproxyVersion(forced);
  if (forced && forcedVersion)
    return { problem: `\`${forced}\` makes it speak ${forcedVersion} only` };
  const floor = argument('ssl-min-ver');
  const ceiling = argument('ssl-max-ver');
  const floorVersion = haproxyVersion(floor);
  const ceilingVersion = haproxyVersion(ceiling);
  if (floorVersion && WEAK_VERSIONS.has(floorVersion)) {
    const top = ceilingVersion && WEAK_VERSIONS.has(ceilingVersion) ? ceilingVersion : 'TLSv1.1';
    const weak = PROTOCOL_VERSIONS.slice(
      PROTOCOL_VERSIONS.indexOf(floorVersion),
      PROTOCOL_VERSIONS.indexOf(top) + 1,
    );
    return { problem: `\`ssl-min-ver ${floor}\` leaves ${listVersions(weak)} on` };
  }
  if (ceilingVersion && WEAK_VERSIONS.has(ceilingVersion))
    return { problem: `\`ssl-max-ver ${ceiling}\` allows nothing newer than ${ceilingVersion}` };
  const ciphers = argument('ciphers');
  return ciphers ? cipherVerdict(ciphers) : undefined;
}

/** Postfix's cipher grades that enable broken ciphers. */
const POSTFIX_GRADES: Readonly<Record<string, string>> = lookupTable({
  export: 'EXPORT and LOW (56-bit) ciphers',
  low: 'LOW (56-bit) ciphers',
  null: 'ciphers that do not encrypt',
});

/**
 * Postfix protocols and ciphers. The mandatory settings apply where TLS is required; the
 * others to opportunistic TLS, where a peer that cannot use what is left falls back to plain
 * text: weak versions there are low.
 */
function postfixSetting(name: string, value: string): Verdict | undefined {
  const setting = /^(smtpd?|lmtp)_tls_(mandatory_)?(protocols|ciphers)$/.exec(name);
  if (setting) {
    const opportunistic = setting[2] === undefined;
    const verdict =
      setting[3] === 'protocols'
        ? protocolVerdict(value)
        : POSTFIX_GRADES[value.toLowerCase()] !== undefined
          ? { problem: `the \`${value}\` grade enables ${POSTFIX_GRADES[value.toLowerCase()]}` }
          : undefined;
    if (!verdict || !opportunistic) return verdict;
    return {
      problem: `${verdict.problem} (opportunistic TLS: a peer refused them would send in plain text instead)`,
      severity: 'low',
    };
  }
  if (name === 'tls_high_cipherlist' || name === 'tls_medium_cipherlist')
    return cipherVerdict(value);
  return undefined;
}

const NGINX_PROTOCOLS = /^(ssl|proxy_ssl|grpc_ssl|uwsgi_ssl)_protocols$/;
const NGINX_CIPHERS = /^(ssl|proxy_ssl|grpc_ssl|uwsgi_ssl)_ciphers$/;

/** The weak protocol or cipher a web, proxy or mail server setting enables. */
export const weakServerTls: Judge = (name, value, setting) => {
  const key = name.toLowerCase();
  const bare = bareValue(value);
  switch (setting.format) {
    case 'nginx':
      if (NGINX_PROTOCOLS.test(key)) return protocolVerdict(bare);
      if (NGINX_CIPHERS.test(key)) return cipherVerdict(bare);
      return undefined;
    case 'apache':
      if (key === 'sslprotocol' || key === 'sslproxyprotocol') return protocolVerdict(bare);
      if (key === 'sslciphersuite' || key === 'sslproxyciphersuite') return cipherVerdict(bare);
      return undefined;
    case 'haproxy':
      if (key === 'ssl-default-bind-ciphers' || key === 'ssl-default-server-ciphers')
        return cipherVerdict(bare);
      if (
        key === 'ssl-default-bind-options' ||
        key === 'ssl-default-server-options' ||
        key === 'bind' ||
        key === 'server' ||
        key === 'default-server'
      )
        return haproxyOptions(bare);
      return undefined;
    case 'postfix':
      return postfixSetting(key, bare);
    default:
      return undefined;
  }
};
