/**
 * What a key's name says about its value. Names are split into words (`db_password`,
 * `dbPassword`, `DB-PASSWORD` → `db password`) so that `password` matches as a word and
 * `passwordless` or `password_file` do not.
 */

/** At most this many names are remembered per question; then the answers start afresh. */
const REMEMBERED_NAMES = 50_000;

/**
 * A question about names, answered once per name: many rules ask it of every key of every file,
 * and the keys repeat. `answer` must depend on the name alone and never return undefined.
 */
function byName<T>(answer: (name: string) => T): (name: string) => T {
  const answers = new Map<string, T>();
  return (name) => {
    let known = answers.get(name);
    if (known === undefined) {
      known = answer(name);
      if (answers.size >= REMEMBERED_NAMES) answers.clear();
      answers.set(name, known);
    }
    return known;
  };
}

export const nameWords: (name: string) => readonly string[] = byName((name) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .flatMap(splitRunTogether),
);

const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'pass',
  'pwd',
  'passphrase',
  'secret',
  'token',
  'apikey',
  'credential',
  'credentials',
  'psk',
  'privatekey',
  // Redis's own password directives
  'requirepass',
  'masterauth',
]);
/** Two-word secret names (`api_key`, `secret_key`, `private_key`, `access_key`). */
const SECRET_PAIRS = new Set([
  'api key',
  'access key',
  'secret key',
  'private key',
  'auth key',
  'encryption key',
  'master key',
  'signing key',
  'shared key',
  'client secret',
  'app key',
]);
/** The words the pairs end with: a key that ends with neither is no pair. */
const SECRET_PAIR_ENDS = new Set([...SECRET_PAIRS].map((pair) => pair.split(' ')[1]));
/**
 * Words that may follow a secret word in a key that still holds the secret itself
 * (`password_value`, `api_key_b64`). Any other word after it makes the key about the secret:
 * `password_file`, `password_min_length`, `pass_scheme`, `password_encryption`,
 * `keystone_password_characters`, LDAP's `pwdCheckQuality` and `pwdAttribute`.
 */
const STILL_THE_SECRET = new Set([
  'value',
  'plain',
  'plaintext',
  'cleartext',
  'clear',
  'raw',
  'str',
  'string',
  'text',
  'literal',
  'b64',
  'base64',
  'hex',
]);

/** Words before `pass` that make it a proxying directive (nginx `proxy_pass`, `fastcgi_pass`), not a password. */
const PASS_DIRECTIVES = new Set(['proxy', 'fastcgi', 'uwsgi', 'scgi', 'grpc', 'memcached']);

/** Words before a secret word that make the key a switch or a policy about the secret. */
const ABOUT_THE_SECRET = new Set([
  'update',
  'reset',
  'change',
  'ask',
  'require',
  'requires',
  'use',
  'enable',
  'disable',
  'allow',
  'no',
  'min',
  'max',
  'check',
  'validate',
  'generate',
  'random',
  'encrypt',
  'encrypted',
  'hash',
  'hashed',
  'prompt',
  'show',
  'rotate',
  'expire',
  'empty',
  'blank',
  'with',
  'without',
  'wo',
  'skip',
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

/**
 * The secret word (or pair) that ends a key, followed at most by words such as `value`, and
 * the words before it (`mysql` in `mysql_password`); undefined when the key does not end in one.
 */
function trailingSecret(
  words: readonly string[],
  still: ReadonlySet<string> = STILL_THE_SECRET,
): { index: number; length: number } | undefined {
  let end = words.length;
  while (end > 0 && still.has(words[end - 1] as string)) end--;
  const last = words[end - 1];
  if (last === undefined) return undefined;
  if (end >= 2 && SECRET_PAIR_ENDS.has(last) && SECRET_PAIRS.has(`${words[end - 2]} ${last}`))
    return { index: end - 2, length: 2 };
  if (last === 'pass' && (end === 1 || PASS_DIRECTIVES.has(words[end - 2] ?? ''))) return undefined;
  return SECRET_WORDS.has(last) ? { index: end - 1, length: 1 } : undefined;
}

/**
 * The words of a key without a role's namespace: `secret__directories` → `directories`. Roles
 * that prefix their variables with their own name and a double underscore say nothing about
 * the value with the prefix.
 */
function ownWords(name: string): readonly string[] {
  const namespaceEnd = name.lastIndexOf('__');
  return nameWords(namespaceEnd > 0 ? name.slice(namespaceEnd + 2) : name);
}

/** Whether no word before the secret word makes the key a switch or a policy about it (`update_password`). */
function holdsTheSecret(words: readonly string[], found: { index: number }): boolean {
  return !words.slice(0, found.index).some((word) => ABOUT_THE_SECRET.has(word));
}

/**
 * `db_password`, `api_key`, `client_secret`, `vault_token`: a name that holds a secret. The
 * secret word must end the key (or be followed only by words such as `value`): keys that go on
 * after it are about the secret, not the secret.
 */
export const isSecretName: (name: string) => boolean = byName((name) => {
  const words = ownWords(name);
  const found = trailingSecret(words);
  return found !== undefined && holdsTheSecret(words, found) && !isIdentifierToken(words);
});

/**
 * etcd's `initial-cluster-token` names a cluster so that two clusters on one network do not
 * join each other; etcd documents it as an identifier, not a credential.
 */
function isIdentifierToken(words: readonly string[]): boolean {
  return words.slice(-3).join(' ') === 'initial cluster token';
}

/**
 * What a credential key is for: `mysql` in `mysql_password` and `mysql_username`, nothing in
 * `password` and `user`. A user name and a secret with the same subject form one credential.
 */
export function credentialSubject(name: string): string | undefined {
  const words = ownWords(name);
  const secret = trailingSecret(words);
  if (secret) return words.slice(0, secret.index).join(' ');
  const last = words.at(-1);
  return last && USER_WORDS.has(last) ? words.slice(0, -1).join(' ') : undefined;
}

const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'passphrase']);

/** After a password word, the words of its hash: an empty hash is no password either (`password_hash => ''`). */
const PASSWORD_OR_HASH = new Set([
  ...STILL_THE_SECRET,
  'hash',
  'hashed',
  'digest',
  'crypted',
  'encrypted',
]);

/**
 * A password in the narrow sense, or its hash, for the empty-password check: the password
 * word that ends the key (`mysql_password`, `password_hash`), or undefined.
 */
export function passwordWord(name: string): string | undefined {
  return passwordWordOrNone(name) || undefined;
}

/** The password word of a name, or `''` for none: a remembered answer is never undefined. */
const passwordWordOrNone = byName((name) => {
  const words = ownWords(name);
  const found = trailingSecret(words, PASSWORD_OR_HASH);
  const word = found && found.length === 1 ? words[found.index] : undefined;
  return word !== undefined && found && PASSWORD_WORDS.has(word) && holdsTheSecret(words, found)
    ? word
    : '';
});

/** Whether a key holds a password or its hash (`mysql_password`, `password_hash`, `root_passwd`). */
export function isPasswordName(name: string): boolean {
  return passwordWord(name) !== undefined;
}

/**
 * Words of a key (or of a key above it) that make it a credential the host presents to log in
 * elsewhere (`ldap_bind_password`, `login_password`, `smtp: {password: ''}`): empty, it is
 * simply not used.
 */
const CLIENT_CREDENTIAL_WORDS = new Set([
  'bind',
  'login',
  'proxy',
  'smtp',
  'relay',
  'registry',
  'upstream',
  'remote',
  'client',
]);

export function isClientCredentialName(name: string): boolean {
  return ownWords(name).some((word) => CLIENT_CREDENTIAL_WORDS.has(word));
}

const USER_WORDS = new Set(['user', 'username', 'login', 'usr', 'uname', 'account']);

/** `db_user`, `admin_username`, `login_user`, `user`: a name that holds a login. */
export function isUserName(name: string): boolean {
  const words = nameWords(name);
  const last = words.at(-1);
  if (!last || !USER_WORDS.has(last)) return false;
  return !words.includes('become');
}
