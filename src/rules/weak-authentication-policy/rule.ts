import type { Attribute, Value } from '../../model/model.js';
import type { Rule, RuleContext } from '../rule.js';
import { PAM_LINE_RESOURCES } from '../knowledge/pam-resources.js';
import { checkSettings, type Setting, type Verdict } from '../support/config-settings.js';
import { attributeOf, firstAttribute } from '../support/units.js';
import { literalText, removesResource } from '../support/values.js';
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
    return UNIX_MODULE.test(entry.module) ? unixLineVerdict(type, args) : undefined;
  };
}

/**
 * A `pam_unix.so` line of the type, by its arguments (lower case): `nullok` on `auth`, a weak
 * hash on `password`; with the argument that does it.
 */
function unixLineVerdict(
  type: string,
  args: readonly string[],
): (Verdict & { cause: string }) | undefined {
  const emptyAllowed = args.find((arg) => arg === 'nullok' || arg === 'nullok_secure');
  if (type === 'auth' && emptyAllowed)
    return {
      problem: 'accounts with an empty password log in without one',
      severity: 'medium',
      cause: emptyAllowed,
    };
  if (type === 'password') {
    const weak = args.find((arg) => WEAK_HASH.has(arg));
    if (weak && !args.some((arg) => STRONG_HASH.has(arg)))
      return {
        problem: `new passwords are stored as ${weak === 'md5' ? 'MD5' : 'DES'} crypt hashes, which are cracked in hours once the shadow file leaks`,
        severity: 'high',
        cause: weak,
      };
  }
  return undefined;
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

/**
 * The `pam_unix.so` lines resources leave in a PAM stack (`PAM_LINE_RESOURCES`), judged as the
 * line is: `nullok` on `auth`, a weak hash on `password`. Reported on the argument that does it.
 * A line with a column computed at run time is not judged.
 */
function checkPamLineResources(context: RuleContext): void {
  const { file } = context;
  const resources = PAM_LINE_RESOURCES[file.language];
  if (!resources) return;
  for (const unit of file.units) {
    const resource = resources[unit.type];
    if (!resource || removesResource(unit, file.language)) continue;
    const state = firstAttribute(unit, ['state', 'ensure']);
    if (state && resource.removing.has(literalText(state.value) ?? '')) continue;
    const [type, control, module] = [resource.type, resource.control, resource.module].map(
      (names) => {
        const attribute = firstAttribute(unit, names);
        return attribute && literalText(attribute.value);
      },
    );
    const argsAttribute = attributeOf(unit, resource.args);
    const args = argsAttribute ? argumentWords(argsAttribute) : [];
    if (!type || !control || !module || !argsAttribute) continue;
    if (!UNIX_MODULE.test(module.slice(module.lastIndexOf('/') + 1))) continue;
    if (args.some((arg) => arg.text === undefined)) continue;
    const written = args.map((arg) => arg.text ?? '');
    const verdict = unixLineVerdict(
      pamType(type),
      written.map((arg) => arg.toLowerCase()),
    );
    if (!verdict) continue;
    const cause = args.find((arg) => arg.text?.toLowerCase() === verdict.cause);
    const noun = file.language === 'ansible' ? 'task' : 'resource';
    context.report({
      range: (cause ?? args[0])?.value.range ?? argsAttribute.value.range,
      message: `\`${type} ${control} ${module} ${written.join(' ')}\`, in the PAM stack this ${noun} changes: ${verdict.problem}`,
      ...(verdict.severity ? { severity: verdict.severity } : {}),
    });
  }
}

interface ArgumentWord {
  /** undefined when computed at run time */
  text: string | undefined;
  /** the value it is written in */
  value: Value;
}

/** A module's arguments, a list or a string of words, each with the value it is written in. */
function argumentWords(attribute: Attribute): ArgumentWord[] {
  const { value } = attribute;
  const items = value.kind === 'list' ? (value.items ?? []) : [value];
  return items.flatMap((item): ArgumentWord[] => {
    const text = literalText(item);
    if (text === undefined) return [{ text: undefined, value: item }];
    return text
      .split(/\s+/)
      .filter(Boolean)
      .map((word) => ({ text: word, value: item }));
  });
}

export const weakAuthenticationPolicy: Rule = {
  meta,
  check(context) {
    checkSettings(context, ['pam'], judgePam(context));
    checkSettings(context, ['login-defs'], judgeLoginDefs);
    checkPamLineResources(context);
  },
};
