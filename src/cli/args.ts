/**
 * Command-line arguments → a typed command, or a `UsageError` that explains the mistake in one line.
 */
import { parseArgs } from 'node:util';
import { SEVERITIES, type Severity } from '../engine/finding.js';
import { LANGUAGES, type Language } from '../engine/model.js';
import type { OnUnanalysable } from '../policy/types.js';
import { UsageError } from './usage-error.js';

export const SCAN_FORMATS = ['text', 'json', 'sarif'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

export const RULES_FORMATS = ['text', 'json'] as const;
export type RulesFormat = (typeof RULES_FORMATS)[number];

export const DEFAULT_FAIL_ON: Severity = 'high';

export const ON_UNANALYSABLE = ['fail', 'warn'] as const satisfies readonly OnUnanalysable[];

export interface PolicyFiles {
  /** the repository policy; `.security.yml` in the scanned directory by default */
  config?: string;
  /** an org policy to layer underneath, as the app does with the org's .github repository */
  orgConfig?: string;
}

export interface ScanCommand extends PolicyFiles {
  name: 'scan';
  paths: string[];
  language?: Language;
  format: ScanFormat;
  /** overrides the policy's fail_on */
  failOn?: Severity;
  /** overrides the policy's on_unanalysable */
  onUnanalysable?: OnUnanalysable;
  output?: string;
}

export interface ValidateConfigCommand extends PolicyFiles {
  name: 'config-validate';
  /** the file to check; `.security.yml` in the current directory by default */
  file: string;
  /** check it as the org policy (which may lock rules) */
  org: boolean;
}

export interface RulesCommand {
  name: 'rules';
  language?: Language;
  format: RulesFormat;
  output?: string;
}

export type Command = ScanCommand | RulesCommand | ValidateConfigCommand | { name: 'help' } | { name: 'version' };

const OPTIONS = {
  lang: { type: 'string' },
  format: { type: 'string', short: 'f' },
  'fail-on': { type: 'string' },
  'on-unanalysable': { type: 'string' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  'org-config': { type: 'string' },
  org: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

const SCAN_ONLY_OPTIONS = ['fail-on', 'on-unanalysable'] as const;

export function parseCommand(argv: readonly string[]): Command {
  const { values, positionals } = parseStrictly(argv);
  if (values.help) return { name: 'help' };
  if (values.version) return { name: 'version' };

  const [commandName, ...operands] = positionals;
  if (commandName === undefined) throw new UsageError('missing command; run `posture --help`');

  const language = values.lang === undefined ? undefined : oneOf('--lang', values.lang, LANGUAGES);
  const output = values.output;
  if (output === '') throw new UsageError('--output needs a file name');

  if (commandName === 'scan') {
    return {
      name: 'scan',
      paths: operands.length > 0 ? operands : ['.'],
      ...(language ? { language } : {}),
      format: values.format === undefined ? 'text' : oneOf('--format', values.format, SCAN_FORMATS),
      ...(values['fail-on'] === undefined ? {} : { failOn: oneOf('--fail-on', values['fail-on'], SEVERITIES) }),
      ...(values['on-unanalysable'] === undefined ? {} : { onUnanalysable: oneOf('--on-unanalysable', values['on-unanalysable'], ON_UNANALYSABLE) }),
      ...(output ? { output } : {}),
      ...(values.config ? { config: values.config } : {}),
      ...(values['org-config'] ? { orgConfig: values['org-config'] } : {}),
    };
  }
  if (commandName === 'config') {
    const [action, file, extra] = operands;
    if (action !== 'validate') throw new UsageError('expected `posture config validate [FILE]`');
    if (extra !== undefined) throw new UsageError(`unexpected argument for posture config validate: ${extra}`);
    return {
      name: 'config-validate',
      file: file ?? values.config ?? '.security.yml',
      org: values.org === true,
      ...(values['org-config'] ? { orgConfig: values['org-config'] } : {}),
    };
  }
  if (commandName === 'rules') {
    if (operands.length > 0) throw new UsageError(`unexpected argument for posture rules: ${operands[0]}`);
    for (const option of SCAN_ONLY_OPTIONS) {
      if (values[option] !== undefined) throw new UsageError(`--${option} applies to posture scan only`);
    }
    return {
      name: 'rules',
      ...(language ? { language } : {}),
      format: values.format === undefined ? 'text' : oneOf('--format', values.format, RULES_FORMATS),
      ...(output ? { output } : {}),
    };
  }
  throw new UsageError(`unknown command: ${commandName}; run \`posture --help\``);
}

function parseStrictly(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
}

/** node:util's messages run on with advice about `--`; keep the first sentence. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstSentence = message.split(/\.\s/)[0] ?? message;
  return firstSentence.charAt(0).toLowerCase() + firstSentence.slice(1);
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) throw new UsageError(`invalid ${flag} value "${value}"; expected one of ${allowed.join(', ')}`);
  return match;
}
