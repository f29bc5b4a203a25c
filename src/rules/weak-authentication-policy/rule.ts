import type { Rule, RuleContext } from '../rule.js';
import { checkSettings, type Setting, type Verdict } from '../support/config-settings.js';
import { meta } from './meta.js';

/** A PAM line after its type: `[success=1 default=ignore] pam_unix.so nullok`. */
interface PamEntry {
  control: string;
  /** the module's file name, its folder dropped: `pam_unix.so` */
  module: string;
  args: string[];
}

/** The words of a PAM line, a bracketed control (`[success=1 default=ignore]`) being one. */
function pamWords(text: string): string[] {
  const words: string[] = [];
  let index = 0;
  while (index < text.length) {
    while (index < text.length && /\s/.test(text[index] ?? '')) index += 1;
    if (index >= text.length) break;
    const from = index;
    if (text[index] === '[') {
      const close = text.indexOf(']', index);
      index = close < 0 ? text.length : close + 1;
    } else {
      while (index < text.length && !/\s/.test(text[index] ?? '')) index += 1;
    }
    words.push(text.slice(from, index));
  }
  return words;
}

function pamEntry(value: string): PamEntry | undefined {
  const [control, path, ...args] = pamWords(value);
  if (!control || !path) return undefined;
  return { control: control.toLowerCase(), module: path.slice(path.lastIndexOf('/') + 1), args };
}

/** `auth`, `-auth`, `Auth`. */
function pamType(name: string): string {
  return name.replace(/^-/, '').toLowerCase();
}

const UNIX_MODULE = /^pam_unix2?\.so$/;
/** The hashes pam_unix may write, weak ones first. */
const WEAK_HASH = new Set(['md5', 'bigcrypt', 'des']);
const STRONG_HASH = new Set(['sha256', 'sha512', 'blowfish', 'yescrypt', 'gost_yescrypt']);

/** A control that ends the stack with success when the module succeeds. */
function endsOnSuccess(control: string): boolean {
  if (control === 'sufficient') return true;
  return control.startsWith('[') && /\bsuccess=done\b/.test(control);
}

/** A control whose failure fails the whole stack. */
function gates(control: string): boolean {
  return control === 'required' || control === 'requisite';
}

/** A control that hands over to another file's stack. */
function includes(control: string): boolean {
  return control === 'include' || control === 'substack';
}

/**
 * Authentication modules that check no password or token: they set up the session, look at the
 * account or the terminal, or count failures, and pass whoever is asking.
 */
const NO_CREDENTIALS = new Set([
  'pam_env.so',
  'pam_faildelay.so',
  'pam_faillock.so',
  'pam_tally.so',
  'pam_tally2.so',
  'pam_succeed_if.so',
  'pam_nologin.so',
  'pam_securetty.so',
  'pam_access.so',
  'pam_shells.so',
  'pam_listfile.so',
  'pam_group.so',
  'pam_time.so',
  'pam_cap.so',
  'pam_keyinit.so',
  'pam_loginuid.so',
  'pam_mkhomedir.so',
  'pam_echo.so',
  'pam_warn.so',
  'pam_permit.so',
  'pam_rootok.so',
  'pam_wheel.so',
]);

/** `@include common-auth`: Debian's way to pull in another file's lines. */
const AT_INCLUDE = /^\s*@include\b/;

/**
 * Whether an `auth` line before a line of the PAM file (or a stack pulled in before it) checks
 * a credential and fails the stack when it is wrong: then `pam_permit.so` after it is reached
 * only by those who passed. A line a task adds
 * to a file is judged alone.
 */
function gatedBefore(context: RuleContext, setting: Setting): boolean {
  const config = context.file.config;
  if (config?.format !== 'pam') return false;
  const here = config.directives.findIndex((directive) => directive.value.range === setting.range);
  if (here < 0) return false;
  const line = config.directives[here]?.range.line ?? 0;
  if (context.file.lines.slice(0, line - 1).some((text) => AT_INCLUDE.test(text))) return true;
  return config.directives.slice(0, here).some((directive) => {
    const entry = pamEntry(directive.value.text);
    if (!entry || pamType(directive.name) !== 'auth') return false;
    return includes(entry.control) || (gates(entry.control) && !NO_CREDENTIALS.has(entry.module));
  });
}

/** Whether a line of the PAM file is its only `auth` line, with no other stack pulled in. */
function onlyAuth(context: RuleContext, setting: Setting): boolean {
  const config = context.file.config;
  if (config?.format !== 'pam') return false;
  if (context.file.lines.some((text) => AT_INCLUDE.test(text))) return false;
  const auth = config.directives.filter((directive) => pamType(directive.name) === 'auth');
  return auth.length === 1 && auth[0]?.value.range === setting.range;
}

const ANYONE = 'anyone authenticates: pam_permit.so accepts every user and every password';

function judgePam(context: RuleContext) {
  return (name: string, value: string, setting: Setting): Verdict | undefined => {
    const type = pamType(name);
    const entry = pamEntry(value);
    if (!entry) return undefined;
    const args = entry.args.map((arg) => arg.toLowerCase());
    if (type === 'auth' && entry.module === 'pam_permit.so') {
      if (endsOnSuccess(entry.control) && !gatedBefore(context, setting))
        return { problem: ANYONE, severity: 'high' };
      if (gates(entry.control) && onlyAuth(context, setting))
        return {
          problem: `${ANYONE} (it is the only authentication module of the stack)`,
          severity: 'high',
        };
      return undefined;
    }
    if (!UNIX_MODULE.test(entry.module)) return undefined;
    if (type === 'auth' && args.some((arg) => arg === 'nullok' || arg === 'nullok_secure'))
      return {
        problem: 'accounts with an empty password log in without one',
        severity: 'medium',
      };
    if (type === 'password') {
      const weak = args.find((arg) => WEAK_HASH.has(arg));
      if (weak && !args.some((arg) => STRONG_HASH.has(arg)))
        return {
          problem: `new passwords are stored as ${weak === 'md5' ? 'MD5' : 'DES'} crypt hashes, which are cracked in hours once the shadow file leaks`,
          severity: 'high',
        };
    }
    return undefined;
  };
}

function judgeLoginDefs(name: string, value: string): Verdict | undefined {
  if (name.toUpperCase() !== 'ENCRYPT_METHOD') return undefined;
  const method = value.trim().toUpperCase();
  if (method !== 'MD5' && method !== 'DES') return undefined;
  return {
    problem: `passwords set with passwd and chpasswd are stored as ${method} crypt hashes, which are cracked in hours once the shadow file leaks`,
    severity: 'high',
  };
}

export const weakAuthenticationPolicy: Rule = {
  meta,
  check(context) {
    checkSettings(context, ['pam'], judgePam(context));
    checkSettings(context, ['login-defs'], judgeLoginDefs);
  },
};
