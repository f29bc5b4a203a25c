/**
 * Literal secrets: values that are real credentials rather than placeholders, references,
 * paths or switches.
 */

/** Values that mean "not set here" rather than a credential. */
const PLACEHOLDERS = /^(|none|null|nil|undef|undefined|~|false|true|yes|no|on|off|enabled?|disabled?|required|optional|unset|\*+|x+|\.\.\.|<[^>]*>|\[[^\]]*\]|\$\{[^}]*\}|%\([^)]*\)s?|%[A-Z_]+%|replace[_ -]?me|todo|tbd|random|generated?|auto)$/i;

/** Key material that is secret whatever the key is called. */
export const PRIVATE_KEY_BLOCK = /-----BEGIN ((RSA|DSA|EC|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-----/;
/** Credentials with a well-known shape (AWS access key ids, GitHub and Slack tokens). */
export const KNOWN_TOKEN = /\b(AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36,}|xox[abpors]-[A-Za-z0-9-]{10,}|glpat-[A-Za-z0-9_-]{20,}|sk_live_[A-Za-z0-9]{24,})\b/;

/** A value that names where a secret is kept, not the secret itself. */
function isReferenceLike(text: string): boolean {
  return (
    /^(\/|~\/|\.\.?\/|[A-Za-z]:\\)/.test(text) ||
    /\.(pem|key|crt|cert|p12|pfx|jks|keystore|txt|conf|cfg|ini|json|ya?ml|gpg|asc|pub)$/i.test(text) ||
    /^(env|vault|lookup|secret|ssm|awssm|file):/i.test(text) ||
    /^[a-z]+:\/\//i.test(text)
  );
}

/** A crypt(3) hash (`$6$salt$...`): what a password is checked against, not the password. */
export const CRYPT_HASH = /^\$(1|2[abxy]?|5|6|y|gy|7|argon2(id?|d)|pbkdf2[\w-]*|scrypt|sha1|md5)\$/;

/** Whether a literal assigned to a secret-named key is a real credential. */
export function isSecretLiteral(text: string): boolean {
  const trimmed = text.trim();
  if (CRYPT_HASH.test(trimmed)) return false;
  if (PLACEHOLDERS.test(trimmed)) return false;
  if (isReferenceLike(trimmed)) return false;
  return true;
}
