/**
 * Literal secrets: values that are real credentials rather than placeholders, references,
 * paths, switches, hashes or queries.
 */
import type { Language } from '../../model/model.js';
import { closedJinja } from '../../languages/ansible/references.js';
import { lookupTable } from '../../shared/lookup-table.js';

/** Values that mean "not set here" rather than a credential. */
const NOT_SET =
  /^(|none|null|nil|undef|undefined|~|false|true|yes|no|on|off|enabled?|disabled?|required|optional|unset|\*+|x+|\.\.\.|<[^>]*>|\[[^\]]*\]|\$\{[^}]*\}|%\([^)]*\)s?|%[A-Z_]+%|\$[A-Z_][A-Z0-9_]*|replace[_ -]?me|todo|tbd|random|generated?|auto)$/i;

/** Key material that is secret whatever the key is called. */
export const PRIVATE_KEY_BLOCK =
  /-----BEGIN ((RSA|DSA|EC|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-----/;
/** Credentials with a well-known shape (AWS access key ids, GitHub and Slack tokens). */
export const KNOWN_TOKEN =
  /\b(AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36,}|xox[abpors]-[A-Za-z0-9-]{10,}|glpat-[A-Za-z0-9_-]{20,}|sk_live_[A-Za-z0-9]{24,})\b/;

/** A value that names where a secret is kept, not the secret itself. */
function isReferenceLike(text: string): boolean {
  return (
    /^(\/|~\/|\.\.?\/|[A-Za-z]:\\)/.test(text) ||
    /\.(pem|key|crt|cert|p12|pfx|jks|keystore|txt|conf|cfg|ini|json|ya?ml|gpg|asc|pub)$/i.test(
      text,
    ) ||
    /^(env|vault|lookup|secret|ssm|awssm|file):/i.test(text) ||
    /^[a-z]+:\/\//i.test(text)
  );
}

/** A crypt(3) hash (`$6$salt$...`): what a password is checked against, not the password. */
const CRYPT_HASH = /^\$(1|2[abxy]?|5|6|y|gy|7|argon2(id?|d)|pbkdf2[\w-]*|scrypt|sha1|md5)\$/;

/** A SQL statement (a query that reads or sets a password): text about a secret, not one. */
const SQL_STATEMENT =
  /^\s*(select|insert|update|delete|alter|create|grant|revoke|set)\s.*\b(from|into|where|table|user|identified|to|on|values)\b/is;

/**
 * Placeholders that announce themselves (`changeme`, `ChangeThisPa55w0rd`, `REPLACE_WITH_SECRET`,
 * `-----====>SetR00tPa$$wordH3r3!!!<====-----`), matched on the value's letters with
 * look-alike digits and symbols read as letters.
 */
const PLACEHOLDER_WORDS =
  /change(me|it|this)?|replace|placeholder|example|sample|dummy|fixme|todo|tbd|insert|your(own)?(password|passwd|pass|secret|token|key)|(set|put|enter|insert|type)\w*here$/;

/**
 * Passwords everyone knows: vendors' defaults and the first entries of every wordlist. A
 * leading `my`, `your` or `the` is ignored (`mypassword`).
 */
const WELL_KNOWN = new Set([
  'password',
  'passwd',
  'pass',
  'pw',
  'secret',
  'admin',
  'administrator',
  'root',
  'toor',
  'guest',
  'test',
  'testing',
  'demo',
  'default',
  'letmein',
  'qwerty',
  'welcome',
  'changeit',
  'vagrant',
  'foo',
  'bar',
  'baz',
  'foobar',
  'abc',
  'abc123',
  'password1',
  'password123',
  'secret123',
  'admin123',
  '123',
  '1234',
  '12345',
  '123456',
  '1234567',
  '12345678',
  '123456789',
  '000000',
  '111111',
]);

const LOOK_ALIKES: Readonly<Record<string, string>> = lookupTable({
  '0': 'o',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
});

function letters(text: string, readLookAlikes: boolean): string {
  const lower = text.toLowerCase();
  const read =
    readLookAlikes && /[a-z]/.test(lower)
      ? lower.replace(/[03457@$]/g, (character) => LOOK_ALIKES[character] ?? character)
      : lower;
  return read.replace(/[^a-z0-9]/g, '');
}

/**
 * How a literal in a position that holds a secret reads:
 * - `credential`: a real secret typed into the code;
 * - `placeholder`: a value meant to be replaced, or a password everyone knows (the same as
 *   the user name counts): whoever deploys it unchanged runs with a public password;
 * - undefined: not a credential at all (unset, a reference, a path, a hash, a query).
 */
export type SecretLiteral = 'credential' | 'placeholder';

export function judgeSecretLiteral(text: string, userName?: string): SecretLiteral | undefined {
  const trimmed = text.trim();
  if (
    NOT_SET.test(trimmed) ||
    CRYPT_HASH.test(trimmed) ||
    isReferenceLike(trimmed) ||
    SQL_STATEMENT.test(trimmed)
  )
    return undefined;
  const read = letters(trimmed, true);
  if (PLACEHOLDER_WORDS.test(read)) return 'placeholder';
  const bare = letters(trimmed, false);
  const unprefixed = (word: string) => word.replace(/^(my|your|the)(?=.)/, '');
  if ([read, bare, unprefixed(read), unprefixed(bare)].some((form) => WELL_KNOWN.has(form)))
    return 'placeholder';
  if (userName !== undefined && userName.trim() !== '' && letters(userName, false) === bare)
    return 'placeholder';
  return 'credential';
}

/** How a secret is quoted in a message: enough to recognise it, not enough to copy it. */
export function maskSecret(text: string): string {
  if (text.length < 8) return `(${text.length} characters)`;
  return `\`${text.slice(0, 2).replace(/`/g, "'")}…\` (${text.length} characters)`;
}

/** A variable a piece of text interpolates whose name says it holds a secret. */
export interface SecretReference {
  /** the expression as written: `{{ mysql_root_password | quote }}`, `${db_password}`, `#{node['app']['password']}` */
  expression: string;
  /** the secret-named part of what it reads: `mysql_root_password`, `password` */
  name: string;
  /** where the expression starts in the text */
  index: number;
}

/** Interpolations by language: Jinja2 expressions, Puppet `$x` and `${...}`, Ruby `#{...}`. */
const INTERPOLATION: Readonly<Partial<Record<Language, RegExp>>> = {
  ansible: /\{\{-?([\s\S]*?)-?\}\}/g,
  puppet: /\$\{([^}]*)\}|\$((?:::)?[a-z_][\w]*(?:::[a-z_]\w*)*)/g,
  chef: /#\{([^}]*)\}/g,
};

/** What every interpolation of a language starts with: most text has none, and is ruled out at once. */
const INTERPOLATION_START: Readonly<Record<Language, string>> = {
  ansible: '{{',
  puppet: '$',
  chef: '#{',
};

/**
 * The names an expression reads: variable names, attribute and property names, and the string
 * keys of hash lookups (`node['app']['password']` reads `app` and `password`). Filters and
 * functions (`| quote`, `lookup(...)`) are not read; quoted text outside a lookup is dropped.
 */
function namesRead(expression: string): string[] {
  const names: string[] = [];
  for (const key of expression.matchAll(/\[\s*(?:'([^']+)'|"([^"]+)"|:(\w+))\s*\]/g))
    names.push(key[1] ?? key[2] ?? key[3] ?? '');
  const bare = expression
    .replace(/'[^']*'|"[^"]*"/g, "''")
    // a filter with its arguments: `| password_hash('sha512')` must not read as a call of the name before it
    .replace(/\|\s*[\w.]+(?:\s*\([^()]*\))?/g, '')
    .replace(/[\w.]+\s*\(/g, '(');
  for (const word of bare.matchAll(/(?:^|[^\w@$.:])[@$]?(?:::)?([A-Za-z_]\w*(?:::\w+)*)/g)) {
    names.push(word[1] ?? '');
  }
  for (const member of bare.matchAll(/\.([A-Za-z_]\w*)/g)) names.push(member[1] ?? '');
  return names.map((name) => name.slice(name.lastIndexOf('::') + 1).replace(/^:/, ''));
}

/**
 * The secret-named variables a command, a file's content or a message interpolates, in the
 * language's syntax: `{{ item.password }}`, `${db_password}`, `#{new_resource.password}`. None
 * in a language whose interpolation syntax is not known here.
 */
export function secretReferencesIn(
  text: string,
  language: Language,
  isSecret: (name: string) => boolean,
): SecretReference[] {
  const interpolation = INTERPOLATION[language];
  if (!interpolation || !text.includes(INTERPOLATION_START[language])) return [];
  const found: SecretReference[] = [];
  // Only up to the last `}}` can a Jinja2 expression end (see `closedJinja`).
  const searched = language === 'ansible' ? closedJinja(text) : text;
  for (const match of searched.matchAll(interpolation)) {
    const expression = match[1] ?? match[2] ?? '';
    const name = namesRead(expression).find(isSecret);
    if (name) found.push({ expression: match[0], name, index: match.index ?? 0 });
  }
  return found;
}
