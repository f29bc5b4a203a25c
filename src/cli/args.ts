/**
 * Command-line arguments → a typed command, or a `UsageError` that explains the mistake in one
 * line, with a "did you mean" for a misspelt command or option.
 */
import { parseArgs } from 'node:util';
import { SEVERITIES } from '../model/finding.js';
import { LANGUAGES } from '../model/model.js';
import { didYouMean } from '../policy/did-you-mean.js';
import { PROFILES } from '../rules/profiles.js';
import type { OnUnanalysable, Threshold } from '../policy/types.js';
import {
  LISTING_FORMATS,
  SCAN_FORMATS,
  type Command,
  type CommandName,
  type ReviewCommand,
  type RulesCommand,
  type ScanCommand,
  type ValidateConfigCommand,
} from './commands.js';
import {
  OPTIONS,
  OPTION_COMMANDS,
  optionApplies,
  optionsOf,
  isOptionName,
  type OptionName,
} from './options.js';
import { UsageError } from './usage-error.js';

export const FAIL_ON_VALUES = [...SEVERITIES, 'none'] as const satisfies readonly Threshold[];
export const ON_UNANALYSABLE = ['fail', 'warn'] as const satisfies readonly OnUnanalysable[];

/** What can follow `posture`; `config` takes the action `validate`. */
const COMMAND_WORDS = ['scan', 'review', 'rules', 'config', 'help'] as const;
const CONFIG_ACTIONS = ['validate'] as const;

type ParsedValues = ReturnType<typeof parseStrictly>['values'];

export function parseCommand(argv: readonly string[]): Command {
  const { values, positionals } = parseStrictly(argv);
  const [word, ...operands] = positionals;
  if (word === undefined) {
    if (values.help) return { name: 'help' };
    if (values.version) return { name: 'version' };
    throw new UsageError('missing command; run `posture --help`');
  }
  if (word === 'help') return helpCommand(operands);
  const { name, rest } = commandOf(word, operands);
  if (values.help) return { name: 'help', topic: name };
  if (values.version) return { name: 'version' };
  rejectForeignOptions(values, name);
  switch (name) {
    case 'scan':
      return scanCommand(values, rest);
    case 'review':
      return reviewCommand(values, rest);
    case 'rules':
      return rulesCommand(values, rest);
    case 'config validate':
      return validateCommand(values, rest);
  }
}

function commandOf(
  word: string,
  operands: readonly string[],
): { name: CommandName; rest: string[] } {
  if (word === 'scan' || word === 'review' || word === 'rules')
    return { name: word, rest: [...operands] };
  if (word === 'config') {
    const [action, ...rest] = operands;
    if (action === 'validate') return { name: 'config validate', rest };
    if (action === undefined) throw new UsageError('expected `posture config validate [FILE]`');
    throw new UsageError(
      withHint(
        `unknown action: posture config ${action}`,
        action,
        CONFIG_ACTIONS,
        '; expected `posture config validate [FILE]`',
      ),
    );
  }
  throw new UsageError(
    withHint(`unknown command: ${word}`, word, COMMAND_WORDS, '; run `posture --help`'),
  );
}

function helpCommand(operands: readonly string[]): Command {
  const [word, ...rest] = operands;
  if (word === undefined) return { name: 'help' };
  return { name: 'help', topic: commandOf(word, rest.slice(0, 1)).name };
}

function scanCommand(values: ParsedValues, operands: string[]): ScanCommand {
  const command: ScanCommand = {
    name: 'scan',
    paths: operands.length > 0 ? operands : ['.'],
    format: values.format === undefined ? 'text' : oneOf('--format', values.format, SCAN_FORMATS),
    onlyRules: ruleList('--rule', values.rule),
    skipRules: ruleList('--skip-rule', values['skip-rule']),
    ignoreUnrecognised: values['ignore-unrecognised'] === true,
  };
  if (values.lang !== undefined) command.language = oneOf('--lang', values.lang, LANGUAGES);
  if (values['fail-on'] !== undefined)
    command.failOn = oneOf('--fail-on', values['fail-on'], FAIL_ON_VALUES);
  if (values['on-unanalysable'] !== undefined)
    command.onUnanalysable = oneOf('--on-unanalysable', values['on-unanalysable'], ON_UNANALYSABLE);
  if (values.profile !== undefined) command.profile = oneOf('--profile', values.profile, PROFILES);
  if (values.output !== undefined) command.output = fileName('--output', values.output);
  if (values.config !== undefined) command.config = fileName('--config', values.config);
  if (values['org-config'] !== undefined)
    command.orgConfig = fileName('--org-config', values['org-config']);
  if (values.baseline !== undefined) command.baseline = fileName('--baseline', values.baseline);
  if (values['write-baseline'] !== undefined)
    command.writeBaseline = fileName('--write-baseline', values['write-baseline']);
  if (values['diff-base'] !== undefined) command.diffBase = gitRevision(values['diff-base']);
  return command;
}

function reviewCommand(values: ParsedValues, operands: readonly string[]): ReviewCommand {
  const [url, extra] = operands;
  if (url === undefined) throw new UsageError('expected `posture review <pull request URL>`');
  if (extra !== undefined) throw new UsageError(`unexpected argument for posture review: ${extra}`);
  const command: ReviewCommand = {
    name: 'review',
    url,
    format:
      values.format === undefined ? 'text' : oneOf('--format', values.format, LISTING_FORMATS),
  };
  if (values.output !== undefined) command.output = fileName('--output', values.output);
  if (values.config !== undefined) command.config = fileName('--config', values.config);
  if (values['org-config'] !== undefined)
    command.orgConfig = fileName('--org-config', values['org-config']);
  return command;
}

function rulesCommand(values: ParsedValues, operands: readonly string[]): RulesCommand {
  if (operands.length > 0)
    throw new UsageError(`unexpected argument for posture rules: ${operands[0]}`);
  const command: RulesCommand = {
    name: 'rules',
    format:
      values.format === undefined ? 'text' : oneOf('--format', values.format, LISTING_FORMATS),
  };
  if (values.lang !== undefined) command.language = oneOf('--lang', values.lang, LANGUAGES);
  if (values.output !== undefined) command.output = fileName('--output', values.output);
  if (values.config !== undefined) command.config = fileName('--config', values.config);
  if (values['org-config'] !== undefined)
    command.orgConfig = fileName('--org-config', values['org-config']);
  return command;
}

function validateCommand(values: ParsedValues, operands: readonly string[]): ValidateConfigCommand {
  const [file, extra] = operands;
  if (extra !== undefined)
    throw new UsageError(`unexpected argument for posture config validate: ${extra}`);
  if (file !== undefined && values.config !== undefined)
    throw new UsageError('name the file to check once: as FILE or with --config, not both');
  const command: ValidateConfigCommand = {
    name: 'config validate',
    org: values.org === true,
    format:
      values.format === undefined ? 'text' : oneOf('--format', values.format, LISTING_FORMATS),
  };
  const named = file ?? values.config;
  if (named !== undefined) command.file = fileName('--config', named);
  if (values['org-config'] !== undefined)
    command.orgConfig = fileName('--org-config', values['org-config']);
  if (command.org && command.orgConfig)
    throw new UsageError(
      '--org checks FILE as the org policy; --org-config names another org policy to layer it on, so give one or the other',
    );
  return command;
}

/** Options meant for another command are refused, so that nothing on the command line is silently ignored. */
function rejectForeignOptions(values: ParsedValues, command: CommandName): void {
  for (const [option, value] of Object.entries(values)) {
    if (value === undefined || !isOptionName(option) || optionApplies(option, command)) continue;
    const commands = OPTION_COMMANDS[option];
    const where =
      commands === 'every command'
        ? 'every command'
        : commands.map((name) => `posture ${name}`).join(' and ');
    throw new UsageError(`--${option} applies to ${where} only`);
  }
}

function parseStrictly(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error, argv));
  }
}

/** node:util's messages run on with advice about `--`; keep the first sentence, and suggest the option meant. */
function describeParseError(error: unknown, argv: readonly string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstSentence = message.split(/\.\s/)[0] ?? message;
  const described = firstSentence.charAt(0).toLowerCase() + firstSentence.slice(1);
  const unknown =
    (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
      ? /'--([^'=]+)/.exec(firstSentence)?.[1]
      : undefined;
  if (unknown === undefined) return described;
  const suggestion = didYouMean(unknown, candidateOptions(argv));
  return suggestion ? `${described} (did you mean --${suggestion}?)` : described;
}

/** The options of the command the arguments name, or of every command when they name none. */
function candidateOptions(argv: readonly string[]): OptionName[] {
  const { positionals } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
  });
  const [word, action] = positionals;
  const command: CommandName | undefined =
    word === 'scan' || word === 'review' || word === 'rules'
      ? word
      : word === 'config' && action === 'validate'
        ? 'config validate'
        : undefined;
  return command ? optionsOf(command) : (Object.keys(OPTIONS) as OptionName[]);
}

/** Enumerated values match whatever their case: `--format SARIF`, `--fail-on High`. */
function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  const match = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
  if (match !== undefined) return match;
  const message = `invalid ${flag} value "${value}"; expected one of ${allowed.join(', ')}`;
  const suggestion = didYouMean(value, allowed);
  throw new UsageError(suggestion ? `${message} (did you mean "${suggestion}"?)` : message);
}

function fileName(flag: string, value: string): string {
  if (value === '') throw new UsageError(`${flag} needs a file name`);
  return value;
}

/** A revision for git, never something git would read as an option. */
function gitRevision(value: string): string {
  if (value === '')
    throw new UsageError('--diff-base needs a git revision (a branch, a tag or a commit)');
  if (value.startsWith('-'))
    throw new UsageError(`--diff-base takes a git revision, not "${value}"`);
  return value;
}

/** `--rule a --rule b,c` → [a, b, c]. */
function ruleList(flag: string, values: readonly string[] | undefined): string[] {
  if (values === undefined) return [];
  const ids = values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
  if (ids.length === 0) throw new UsageError(`${flag} needs a rule id or a category`);
  return ids;
}

function withHint(message: string, word: string, known: readonly string[], advice: string): string {
  const suggestion = didYouMean(word, known);
  return suggestion ? `${message} (did you mean "${suggestion}"?)${advice}` : `${message}${advice}`;
}
