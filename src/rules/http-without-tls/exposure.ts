/**
 * What travels over a plain-HTTP URL, judged from where the URL is written: whether anything
 * is at risk at all, and how much.
 *
 * - Nothing at risk: a forward proxy setting (`http_proxy`: HTTPS still tunnels through it
 *   end to end), a reverse proxy handing requests to a local upstream (`proxy_pass
 *   http://app_backend`), the source of a redirect to HTTPS, a URL of this very host
 *   (`http://{{ ansible_fqdn }}/`). These are GLITCH smells only.
 * - Signature-checked: a package repository whose packages the package manager verifies; the
 *   network sees what the host installs but cannot change it. Low severity.
 * - At risk: everything else, the signing key of a repository included, and the sources of the
 *   modules and cookbooks a Puppetfile or Berksfile installs.
 */
import type { Language, Unit } from '../../model/model.js';
import type { Assignment } from '../support/assignments.js';
import { nameWords } from '../support/names.js';
import {
  APT_SOURCE_LINE,
  PACKAGE_REPOSITORY_TYPES,
  REPOSITORY_KEY_KEYS,
  REPOSITORY_SOURCE_KEYS,
  SIGNING_KEY_TYPES,
} from '../knowledge/package-repositories.js';

export type Exposure =
  | { kind: 'at-risk'; what?: string }
  | { kind: 'signature-checked'; checkedBy: string }
  | { kind: 'nothing-at-risk'; why: string };

/** Words of keys about a proxy: a forward proxy (`http_proxy`, `proxy_url`) or a reverse proxy's target (`proxy_pass`). */
const PROXY_WORDS = new Set(['proxy', 'proxies']);
/** Words that make a proxy key a reverse proxy's target (`proxy_pass`, `proxy_dest`). */
const REVERSE_PROXY_WORDS = new Set([
  'pass',
  'dest',
  'destination',
  'target',
  'to',
  'upstream',
  'backend',
  'backends',
  'balancer',
  'member',
  'members',
]);
/** Words of keys naming where a redirect comes from (`redirect_source`, `rewrite_from`). */
const REDIRECT_WORDS = new Set(['redirect', 'redirects', 'redirectmatch', 'rewrite']);
const REDIRECT_SOURCE_WORDS = new Set(['source', 'src', 'from', 'match', 'cond', 'condition']);

/**
 * Template expressions, facts and attributes that name the host the code runs on:
 * `{{ ansible_fqdn }}`, `{{ inventory_hostname }}`, `${facts['networking']['fqdn']}`,
 * `${::fqdn}`, `#{node['fqdn']}`.
 */
const THIS_HOST =
  /^(\{\{\s*(ansible_(facts\.|facts\[['"])?(fqdn|hostname|nodename|default_ipv4\.address)(['"]\])?|inventory_hostname(_short)?)\s*\}\}|\$\{?(::|\$?facts\[['"](networking['"]\]\[['"])?)(fqdn|hostname|ipaddress|ip)(['"]\])*\}?|#\{node\[['"](fqdn|hostname|ipaddress)['"]\]\})$/;

/** Addresses that never leave the site: RFC 1918, link-local, unique local, and single-label names. */
function isSiteLocal(host: string): boolean {
  if (
    /^10\.\d+\.\d+\.\d+$|^192\.168\.\d+\.\d+$|^172\.(1[6-9]|2\d|3[01])\.\d+\.\d+$|^169\.254\.\d+\.\d+$/.test(
      host,
    )
  )
    return true;
  if (/^\[?f[cd][0-9a-f]{2}:/i.test(host)) return true;
  if (/\.(local|internal|localdomain|svc|cluster\.local)$/i.test(host)) return true;
  return /^[a-z0-9_-]+$/i.test(host) && !/^\d+$/.test(host);
}

export function isThisHost(host: string): boolean {
  return THIS_HOST.test(host);
}

function isRepositorySource(
  assignment: Assignment,
  language: Language,
  url: string,
): { checkedBy: string } | undefined {
  const type = assignment.unit
    ? PACKAGE_REPOSITORY_TYPES[language]?.[assignment.unit.type]
    : undefined;
  if (type && assignment.path.length === 1 && type.sources.includes(assignment.name))
    return { checkedBy: type.checkedBy };
  const option =
    assignment.name === 'value'
      ? assignment.siblings.find((sibling) => sibling.name === 'option')?.value.value
      : undefined;
  const key = typeof option === 'string' ? option : assignment.name;
  if (REPOSITORY_SOURCE_KEYS.has(key.toLowerCase()))
    return { checkedBy: 'yum, dnf and zypper (gpgcheck)' };
  if (APT_SOURCE_LINE.test(url)) return { checkedBy: 'APT (signed Release files)' };
  return undefined;
}

function isRepositoryKey(assignment: Assignment, language: Language): boolean {
  const unitType = assignment.unit?.type;
  const repository = unitType ? PACKAGE_REPOSITORY_TYPES[language]?.[unitType] : undefined;
  const keyImport = unitType ? SIGNING_KEY_TYPES[language]?.[unitType] : undefined;
  if (
    assignment.unit &&
    assignment.path.length === 1 &&
    (repository?.keys.includes(assignment.name) || keyImport?.includes(assignment.name))
  )
    return true;
  return REPOSITORY_KEY_KEYS.has(assignment.name.toLowerCase());
}

/**
 * What a Puppetfile's or Berksfile's source delivers: the code of the module or cookbook it
 * declares, or, for `forge` and `source`, of every one installed from there. Nothing checks a
 * signature on either: what arrives runs on the hosts.
 */
function dependencyCode(unit: Unit, language: Language): string | undefined {
  if (unit.name !== undefined) return `the code of \`${unit.name}\``;
  const installed = INSTALLED_FROM_SOURCE[language];
  return installed && `the ${installed} installed from it`;
}

/**
 * What a dependency file installs from a source that serves every module or cookbook, in its
 * language's words. Ansible's galaxy requirements have no such source: its words only name what
 * a role or collection without a string name installs.
 */
const INSTALLED_FROM_SOURCE: Partial<Record<Language, string>> = {
  ansible: 'roles and collections',
  puppet: 'modules',
  chef: 'cookbooks',
};

/**
 * What a plain-HTTP URL written in an assignment exposes.
 *
 * @param text the whole string the URL is in
 * @param host the URL's host as written, templates included
 * @param signaturesOff whether the task, resource or mapping turns package signature checks off
 */
export function exposureOf(
  assignment: Assignment,
  language: Language,
  text: string,
  host: string,
  signaturesOff: boolean,
): Exposure {
  const words = nameWords(assignment.name);
  if (isThisHost(host)) return { kind: 'nothing-at-risk', why: 'it is this host' };
  if (
    words.some((word) => REDIRECT_WORDS.has(word)) &&
    words.some((word) => REDIRECT_SOURCE_WORDS.has(word))
  ) {
    return { kind: 'nothing-at-risk', why: 'it is where a redirect comes from' };
  }
  if (
    /^\s*\S*http:\/\/\S+\s+\S*https:\/\//i.test(text) &&
    words.some((word) => REDIRECT_WORDS.has(word))
  ) {
    return { kind: 'nothing-at-risk', why: 'the rule redirects it to HTTPS' };
  }
  if (words.some((word) => PROXY_WORDS.has(word))) {
    // A bare `proxy` is a reverse proxy's target as often as a forward proxy (nginx locations, yum repositories).
    const forward = words.length > 1 && !words.some((word) => REVERSE_PROXY_WORDS.has(word));
    if (forward)
      return {
        kind: 'nothing-at-risk',
        why: 'it is a forward proxy, through which HTTPS stays encrypted end to end',
      };
    if (isSiteLocal(host))
      return { kind: 'nothing-at-risk', why: 'a reverse proxy hands requests to a local upstream' };
  }
  const dependency = assignment.unit?.kind === 'dependency' ? assignment.unit : undefined;
  if (dependency) {
    const what = dependencyCode(dependency, language);
    return { kind: 'at-risk', ...(what ? { what } : {}) };
  }
  if (isRepositoryKey(assignment, language))
    return { kind: 'at-risk', what: "a package repository's signing key" };
  const repository = isRepositorySource(assignment, language, text);
  if (repository && !signaturesOff)
    return { kind: 'signature-checked', checkedBy: repository.checkedBy };
  return { kind: 'at-risk' };
}

/** Template expressions a URL may contain, whatever quotes they hold: `{{ x }}`, `${x['y']}`, `#{x['y']}`. */
const TEMPLATE = /^(\{\{.*?\}\}|\$\{(?:[^{}]|\{[^{}]*\})*\}|#\{(?:[^{}]|\{[^{}]*\})*\})/;

/**
 * The URL that starts at `index` in `text` and its host, read whole: template expressions are
 * taken as they are, quotes inside them included (`http://${facts['fqdn']}/`).
 */
export function readUrl(text: string, index: number): { url: string; host: string } {
  let end = index + 'http://'.length;
  let hostEnd: number | undefined;
  while (end < text.length) {
    const character = text[end] as string;
    const template = '{$#'.includes(character) ? TEMPLATE.exec(text.slice(end)) : null;
    if (template) {
      end += template[0].length;
      continue;
    }
    if (/[\s'"<>`]/.test(character)) break;
    if (hostEnd === undefined && /[/?#]/.test(character)) hostEnd = end;
    end++;
  }
  const authority = text.slice(index + 'http://'.length, hostEnd ?? end);
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const host = hostPort.startsWith('[')
    ? hostPort.slice(0, hostPort.indexOf(']') + 1)
    : withoutPort(hostPort);
  return { url: text.slice(index, end), host };
}

/** `host:8080`, `host:{{ port }}` → `host`; a colon inside a template expression is not a port's. */
function withoutPort(hostPort: string): string {
  let at = 0;
  while (at < hostPort.length) {
    const character = hostPort[at] as string;
    const template = '{$#'.includes(character) ? TEMPLATE.exec(hostPort.slice(at)) : null;
    if (template) at += template[0].length;
    else if (character === ':') return hostPort.slice(0, at);
    else at++;
  }
  return hostPort;
}
