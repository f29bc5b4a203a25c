/**
 * What a key's name says about its value. Names are split into words (`db_password`,
 * `dbPassword`, `DB-PASSWORD` → `db password`) so that `password` matches as a word and
 * `passwordless` or `password_file` do not.
 */

const wordsCache = new Map<string, readonly string[]>();

export function nameWords(name: string): readonly string[] {
  let words = wordsCache.get(name);
  if (!words) {
    words = name
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .flatMap(splitRunTogether);
    if (wordsCache.size > 50_000) wordsCache.clear();
    wordsCache.set(name, words);
  }
  return words;
}

const SECRET_WORDS = new Set([
  'password', 'passwd', 'pass', 'pwd', 'passphrase', 'secret', 'token', 'apikey', 'credential',
  'credentials', 'psk', 'privatekey',
]);
/** Two-word secret names (`api_key`, `secret_key`, `private_key`, `access_key`). */
const SECRET_PAIRS = new Set(['api key', 'access key', 'secret key', 'private key', 'auth key', 'encryption key', 'master key', 'signing key', 'shared key', 'client secret', 'app key']);
/** Words after a secret word that make the value about the secret, not the secret itself. */
const NOT_THE_SECRET = new Set([
  'file', 'path', 'dir', 'directory', 'length', 'len', 'size', 'policy', 'expire', 'expires',
  'expiry', 'age', 'min', 'max', 'minimum', 'maximum', 'enabled', 'enable', 'disabled', 'required',
  'prompt', 'url', 'uri', 'endpoint', 'type', 'name', 'names', 'id', 'ids', 'format', 'method',
  'mode', 'hash', 'salt', 'algorithm', 'algo', 'ttl', 'timeout', 'lifetime', 'rounds', 'iterations',
  'complexity', 'history', 'reuse', 'retries', 'attempts', 'lock', 'warn', 'change', 'command',
  'cmd', 'script', 'location', 'source', 'src', 'dest', 'template', 'key', 'keys', 'var', 'variable',
  'env', 'header', 'field', 'param', 'option', 'user', 'username', 'check', 'auth', 'authentication',
  'store', 'backend', 'provider', 'manager', 'vault', 'owner', 'group', 'uid', 'gid', 'regex',
  'pattern', 'update', 'updated', 'set', 'reset', 'generate', 'generated', 'validity', 'days',
  'dialog', 'helper', 'plugin', 'module', 'message', 'msg', 'error', 'errors', 'header', 'headers',
]);

/** Words before `pass` that make it a proxying directive (nginx `proxy_pass`, `fastcgi_pass`), not a password. */
const PASS_DIRECTIVES = new Set(['proxy', 'fastcgi', 'uwsgi', 'scgi', 'grpc', 'memcached']);

/** Words before a secret word that make the key a switch or a policy about the secret. */
const ABOUT_THE_SECRET = new Set([
  'update', 'reset', 'change', 'ask', 'require', 'requires', 'use', 'enable', 'disable', 'allow',
  'no', 'min', 'max', 'check', 'validate', 'generate', 'random', 'encrypt', 'encrypted', 'hash',
  'hashed', 'prompt', 'show', 'rotate', 'expire', 'empty', 'blank', 'with', 'without', 'skip',
]);

/** Secret words that also end run-together names: `rootpassword`, `backuppasswd`, `apitoken`. */
const SECRET_SUFFIXES = ['password', 'passwd', 'passphrase', 'secret', 'token'];

/** `rootpassword` → `root password`; a switch such as `nopassword` stays one word. */
function splitRunTogether(word: string): string[] {
  for (const suffix of SECRET_SUFFIXES) {
    if (word.length <= suffix.length + 2 || !word.endsWith(suffix)) continue;
    const prefix = word.slice(0, -suffix.length);
    if (ABOUT_THE_SECRET.has(prefix)) return [word];
    return [prefix, suffix];
  }
  return [word];
}

/** Where a secret word sits in a key's words, and the words before it (`mysql` in `mysql_password`). */
function secretWordIndex(words: readonly string[]): { index: number; length: number } | undefined {
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const pair = `${word} ${words[i + 1] ?? ''}`;
    if (SECRET_PAIRS.has(pair)) return { index: i, length: 2 };
    if (word === 'pass' && (words.length === 1 || PASS_DIRECTIVES.has(words[i - 1] ?? ''))) continue;
    if (SECRET_WORDS.has(word)) return { index: i, length: 1 };
  }
  return undefined;
}

/** `db_password`, `api_key`, `client_secret`, `vault_token`: a name that holds a secret. */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  const found = secretWordIndex(words);
  if (!found) return false;
  const before = words.slice(0, found.index);
  const after = words.slice(found.index + found.length);
  return !before.some((word) => ABOUT_THE_SECRET.has(word)) && !after.some((word) => NOT_THE_SECRET.has(word));
}

/**
 * What a credential key is for: `mysql` in `mysql_password` and `mysql_username`, nothing in
 * `password` and `user`. A user name and a secret with the same subject form one credential.
 */
export function credentialSubject(name: string): string | undefined {
  const words = nameWords(name);
  const secret = secretWordIndex(words);
  if (secret) return words.slice(0, secret.index).join(' ');
  const last = words.at(-1);
  return last && USER_WORDS.has(last) ? words.slice(0, -1).join(' ') : undefined;
}

/** A password in the narrow sense, for the empty-password check. */
export function isPasswordName(name: string): boolean {
  const words = nameWords(name);
  const index = words.findIndex((word) => word === 'password' || word === 'passwd' || word === 'pwd' || word === 'passphrase');
  if (index < 0) return false;
  return !words.slice(0, index).some((word) => ABOUT_THE_SECRET.has(word)) && !words.slice(index + 1).some((rest) => NOT_THE_SECRET.has(rest));
}

const USER_WORDS = new Set(['user', 'username', 'login', 'usr', 'uname', 'account']);

/** `db_user`, `admin_username`, `login_user`, `user`: a name that holds a login. */
export function isUserName(name: string): boolean {
  const words = nameWords(name);
  const last = words.at(-1);
  if (!last || !USER_WORDS.has(last)) return false;
  return !words.includes('become');
}
