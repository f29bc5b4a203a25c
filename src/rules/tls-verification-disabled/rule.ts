import type { Rule, RuleContext } from '../rule.js';
import type { Unit, Value } from '../../model/model.js';
import { assignments, valueRange } from '../support/assignments.js';
import { namedSettingAssignments } from '../support/named-settings.js';
import { isFalse, isTrue, ownStrings } from '../support/values.js';
import { nameWords } from '../support/names.js';
import {
  commandsIn,
  effectiveProgram,
  isCommandAttribute,
  type CommandText,
} from '../support/commands.js';
import { bindings, boundCommandsIn, reportBinding, usePhrase } from '../support/bindings.js';
import { rangeOfMatch, replaceValue } from '../support/source-lines.js';
import {
  TLS_CLIENT_OPTIONS,
  TLS_SKIPPING_ENVIRONMENT,
  TLS_SKIPPING_VARIABLES,
} from '../knowledge/commands.js';
import {
  TLS_OFF_IN_TEXT,
  TLS_SKIP_SETTINGS,
  TLS_VERIFY_MODE_SETTINGS,
  TLS_VERIFY_NONE,
  TLS_VERIFY_SETTINGS,
  endsWithSetting,
} from '../knowledge/settings.js';
import { attributeOf } from '../support/units.js';
import { environmentOf } from '../support/environment.js';
import { meta } from './meta.js';

const TRUE_TEXT = /^(true|yes|on|1)$/i;
const FALSE_TEXT = /^(false|no|off|0)$/i;

/** What a client's arguments say about verification: the option that turns it off, as written. */
function insecureClientOption(name: string, args: readonly string[]): string | undefined {
  const options = TLS_CLIENT_OPTIONS[name];
  if (options) {
    for (const short of options.short ?? [])
      if (args.some((arg) => /^-[A-Za-z]+$/.test(arg) && arg.slice(1).includes(short)))
        return `${name} -${short}`;
    for (const option of options.skip) {
      const given = args.find((arg) => arg === option || arg.startsWith(`${option}=`));
      if (given && (given === option || TRUE_TEXT.test(given.slice(option.length + 1))))
        return `${name} ${given}`;
    }
    for (const option of options.verifyWhenTrue ?? []) {
      const given = args.find((arg) => arg.startsWith(`${option}=`));
      if (given && FALSE_TEXT.test(given.slice(option.length + 1))) return `${name} ${given}`;
    }
  }
  if (name === 'git') return insecureGitSetting(args);
  if (name === 'npm' && args.includes('strict-ssl') && args.some((arg) => FALSE_TEXT.test(arg)))
    return 'npm strict-ssl false';
  return undefined;
}

/** `http.sslVerify` (or `http.<url>.sslVerify`), the setting that makes git skip the checks. */
const GIT_SSL_VERIFY = /^http\.(?:.+\.)?sslverify$/i;

/**
 * `git -c http.sslVerify=false …` for one command, or `git config [--global|--system] http.sslVerify
 * false`, which turns the checks off for every later git command on the host.
 */
function insecureGitSetting(args: readonly string[]): string | undefined {
  for (const arg of args) {
    const equals = arg.indexOf('=');
    if (
      equals > 0 &&
      GIT_SSL_VERIFY.test(arg.slice(0, equals)) &&
      FALSE_TEXT.test(arg.slice(equals + 1))
    )
      return `git ${arg}`;
  }
  const settings = args[0] === 'config' ? args.slice(1).filter((arg) => !arg.startsWith('-')) : [];
  const key = settings.findIndex((arg) => GIT_SSL_VERIFY.test(arg));
  const value = key < 0 ? undefined : settings[key + 1];
  return value !== undefined && FALSE_TEXT.test(value)
    ? `git config ${settings[key]} ${value}`
    : undefined;
}

/** Whether a key names a verification setting: only those turn verification off, whatever their value. */
function isVerificationSetting(words: readonly string[]): boolean {
  return (
    endsWithSetting(words, TLS_VERIFY_SETTINGS) ||
    endsWithSetting(words, TLS_VERIFY_MODE_SETTINGS) ||
    endsWithSetting(words, TLS_SKIP_SETTINGS)
  );
}

/** `validate_certs: false`, `sslverify: 0`, `insecure: true`, `ssl_verify_mode: :verify_none`. */
function turnsVerificationOff(words: readonly string[], value: Value): boolean {
  return (
    (endsWithSetting(words, TLS_VERIFY_SETTINGS) && isFalse(value)) ||
    (endsWithSetting(words, TLS_VERIFY_MODE_SETTINGS) &&
      // Ruby's `OpenSSL::SSL::VERIFY_NONE` is a constant: a reference that names its value.
      (!value.dynamic || value.kind === 'reference') &&
      TLS_VERIFY_NONE.test(String(value.value ?? value.text).trim())) ||
    (endsWithSetting(words, TLS_SKIP_SETTINGS) && isTrue(value))
  );
}

/** The same literal flipped: `no` → `yes`, `false` → `true`, `0` → `1`, keeping quotes. */
function flipped(text: string): string | undefined {
  const flips: Record<string, string> = {
    no: 'yes',
    false: 'true',
    off: 'on',
    '0': '1',
    No: 'Yes',
    False: 'True',
    NO: 'YES',
    FALSE: 'TRUE',
  };
  const match = /^(['"]?)([^'"]*)(['"]?)$/.exec(text);
  const word = match?.[2];
  const replacement = word === undefined ? undefined : flips[word];
  return replacement === undefined
    ? undefined
    : `${match?.[1] ?? ''}${replacement}${match?.[3] ?? ''}`;
}

/** The path of a health or version endpoint: what it answers is a status, not data. */
const HEALTH_PATH = /\/(healthz?|livez|readyz|version|ping|status)\/?(\?[^/]*)?$/i;
/** Arguments through which a request sends something of value: a body, credentials, headers. */
const SENDS_SOMETHING = new Set([
  'body',
  'src',
  'headers',
  'url_password',
  'password',
  'force_basic_auth',
  'url_username',
  'user',
]);

/**
 * An Ansible `uri` task that only asks a health endpoint how it is (`GET .../healthz`): an
 * impostor could fake the answer, but the task hands it nothing. A client certificate is fine:
 * TLS proves the key without sending it.
 */
function isHealthProbe(unit: Unit): boolean {
  if (unit.type !== 'uri') return false;
  const url = attributeOf(unit, 'url');
  const method = attributeOf(unit, 'method');
  if (
    !url ||
    (method && !/^(GET|HEAD)$/i.test(method.value.text.trim().replace(/^['"]|['"]$/g, '')))
  )
    return false;
  if (unit.attributes.some((attribute) => SENDS_SOMETHING.has(attribute.name))) return false;
  return HEALTH_PATH.test(url.value.text.trim().replace(/^['"]|['"]$/g, ''));
}

function checkSettings(context: RuleContext): void {
  const { file, report } = context;
  for (const assignment of [...assignments(file), ...namedSettingAssignments(file)]) {
    // Command text is read as commands; other text a task writes, for the settings it holds.
    if (!assignment.unit || !isCommandAttribute(file, assignment.unit, assignment.name))
      for (const text of ownStrings(assignment.value)) {
        const match = TLS_OFF_IN_TEXT.exec(text.value);
        if (match)
          report({
            range: rangeOfMatch(file, text.range, TLS_OFF_IN_TEXT),
            message: `\`${assignment.name}\` writes \`${match[0].trim()}\`, which turns certificate verification off`,
          });
      }
    const words = nameWords(assignment.name);
    if (!isVerificationSetting(words)) continue;
    if (turnsVerificationOff(words, assignment.value)) {
      const keepsOn = endsWithSetting(words, TLS_VERIFY_SETTINGS);
      const replacement = keepsOn ? flipped(assignment.value.text) : undefined;
      const suggestion = replacement
        ? replaceValue(file, assignment.value, replacement)
        : undefined;
      const probe =
        assignment.unit !== undefined &&
        assignment.path.length === 1 &&
        isHealthProbe(assignment.unit);
      report({
        range: valueRange(assignment, assignment.value),
        message: probe
          ? `\`${assignment.name}\` set to \`${assignment.value.text}\` turns certificate verification off for a health check: an impostor could fake the answer, though the task sends it nothing`
          : `\`${assignment.name}\` set to \`${assignment.value.text}\` turns certificate verification off`,
        ...(probe ? { severity: 'low' as const } : {}),
        ...(suggestion ? { suggestion } : {}),
      });
      continue;
    }
    if (!assignment.unit) continue;
    for (const binding of bindings(context, assignment.value, assignment.unit.within)) {
      if (!turnsVerificationOff(words, binding.value)) continue;
      reportBinding(
        context,
        binding,
        { range: assignment.value.range, as: usePhrase(file, assignment.unit, assignment.name) },
        'turns certificate verification off',
      );
    }
  }
}

function insecureStep(command: CommandText): string | undefined {
  for (const step of command.script.commands) {
    const { name, args } = effectiveProgram(step);
    const option = insecureClientOption(name, args);
    if (option) return option;
  }
  return TLS_SKIPPING_ENVIRONMENT.exec(command.text)?.[0];
}

function checkCommands(context: RuleContext): void {
  for (const command of commandsIn(context.file)) {
    for (const step of command.script.commands) {
      const { name, args } = effectiveProgram(step);
      const option = insecureClientOption(name, args);
      if (option)
        context.report({
          range: command.rangeOf(step),
          message: `\`${option}\` turns certificate verification off`,
        });
    }
    const environment = TLS_SKIPPING_ENVIRONMENT.exec(command.text);
    if (environment)
      context.report({
        range: command.range,
        message: `\`${environment[0]}\` turns certificate verification off`,
      });
  }
  for (const command of boundCommandsIn(context)) {
    const option = insecureStep(command);
    if (option && !(command.written && insecureStep(command.written) === option))
      reportBinding(
        context,
        command.binding,
        { range: command.range, as: usePhrase(context.file, command.unit, command.attribute) },
        `gives \`${option}\`, which turns certificate verification off`,
      );
  }
}

/** What runs under an environment, by kind of unit. */
const RUNNER: Partial<Record<Unit['kind'], string>> = {
  play: 'play',
  block: 'block',
  task: 'task',
  handler: 'handler',
};

/**
 * `environment: {GIT_SSL_NO_VERIFY: true}` on an Ansible task or play, `environment =>
 * ['GIT_SSL_NO_VERIFY=1']` on a Puppet `exec`, `environment 'GIT_SSL_NO_VERIFY' => '1'` on a
 * Chef `execute`: every client the task runs skips the checks.
 */
function checkEnvironment(context: RuleContext): void {
  for (const unit of context.file.units) {
    for (const variable of environmentOf(unit)) {
      const values = TLS_SKIPPING_VARIABLES[variable.name];
      if (values === undefined || !new RegExp(`^(${values})$`, 'i').test(variable.text.trim()))
        continue;
      context.report({
        range: variable.range,
        message: `\`${variable.name}\` set to \`${variable.text}\` in the environment turns certificate verification off for what the ${RUNNER[unit.kind] ?? 'resource'} runs`,
      });
    }
  }
}

export const tlsVerificationDisabled: Rule = {
  meta,
  check(context) {
    checkSettings(context);
    checkCommands(context);
    checkEnvironment(context);
  },
};
