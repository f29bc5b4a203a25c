/**
 * URLs in strings, and whether their host is this machine.
 */

/** `http://` and what follows, template expressions (`{{ host }}`) included. */
const HTTP_URL = /\bhttp:\/\/((?:\{\{.*?\}\}|[^\s'"<>`])+)/gi;

export interface UrlMatch {
  url: string;
  host: string;
  index: number;
}

/** What every plain HTTP URL holds: most strings hold none, and this rules them out quickly. */
const HTTP_SCHEME = /http:\/\//i;

export function* plainHttpUrls(text: string): Generator<UrlMatch> {
  if (!HTTP_SCHEME.test(text)) return;
  for (const match of text.matchAll(HTTP_URL)) {
    const rest = match[1] ?? '';
    const authority = rest.split(/[/?#]/)[0] ?? '';
    const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
    const host = hostPort.startsWith('[')
      ? hostPort.slice(0, hostPort.indexOf(']') + 1)
      : (hostPort.split(':')[0] ?? '');
    yield { url: match[0], host: host.toLowerCase(), index: match.index ?? 0 };
  }
}

const LOCAL_HOSTS = new Set(['localhost', '[::1]', '::1', '0.0.0.0', '[::]', 'ip6-localhost']);

export function isLocalHost(host: string): boolean {
  return LOCAL_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host) || host.endsWith('.localhost');
}

/**
 * Identifiers that look like URLs but are never fetched: XML and RDF namespaces, DTDs,
 * schema ids, licence texts.
 */
const IDENTIFIER_HOSTS = new Set([
  'www.w3.org',
  'w3.org',
  'schemas.xmlsoap.org',
  'schemas.microsoft.com',
  'purl.org',
  'xmlns.com',
  'www.apache.org',
  'apache.org',
  'www.gnu.org',
  'gnu.org',
  'opensource.org',
  'www.opensource.org',
  'json-schema.org',
  'ns.adobe.com',
  'java.sun.com',
  'xmlns.jcp.org',
  'maven.apache.org',
]);

export function isIdentifierUrl(match: UrlMatch): boolean {
  return IDENTIFIER_HOSTS.has(match.host) || /\/(xmlns|schema|ns|licenses?)\b/i.test(match.url);
}

/** `scheme://user:password@host`: the user information of a URL with a password in it. */
const CREDENTIAL_URL =
  /\b([a-z][a-z0-9+.-]*):\/\/([^\s/?#@'"<>:]*):([^\s/?#'"<>]+)@((?:\[[^\]\s]+\]|[^\s/?#@'"<>:])+)/gi;

export interface CredentialUrl {
  /** the URL up to its host, as written */
  text: string;
  scheme: string;
  user: string;
  password: string;
  host: string;
  index: number;
}

/** URLs in a text that carry a password in their user information (`https://deploy:s3cret@git.example.com`). */
export function* credentialUrls(text: string): Generator<CredentialUrl> {
  // Most strings hold no URL with user information, and these plain searches rule them out.
  if (!text.includes('://') || !text.includes('@')) return;
  for (const match of text.matchAll(CREDENTIAL_URL)) {
    const [whole, scheme = '', user = '', password = '', host = ''] = match;
    yield { text: whole, scheme, user, password, host, index: match.index ?? 0 };
  }
}
