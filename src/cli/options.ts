/**
 * Every option of the CLI, and which commands take it. An option given to a command that does
 * not take it is a usage error, never silently ignored.
 */
import type { CommandName } from './commands.js';

export const OPTIONS = {
  lang: { type: 'string' },
  format: { type: 'string', short: 'f' },
  'fail-on': { type: 'string' },
  'on-unanalysable': { type: 'string' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  'org-config': { type: 'string' },
  org: { type: 'boolean' },
  rule: { type: 'string', multiple: true },
  'skip-rule': { type: 'string', multiple: true },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  'diff-base': { type: 'string' },
  profile: { type: 'string' },
  'ignore-unrecognised': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

export type OptionName = keyof typeof OPTIONS;

/** The commands each option applies to; `help` and `version` apply everywhere. */
export const OPTION_COMMANDS: Readonly<
  Record<OptionName, readonly CommandName[] | 'every command'>
> = {
  lang: ['scan', 'rules'],
  format: ['scan', 'review', 'rules', 'config validate'],
  'fail-on': ['scan'],
  'on-unanalysable': ['scan'],
  output: ['scan', 'review', 'rules'],
  config: ['scan', 'review', 'rules', 'config validate'],
  'org-config': ['scan', 'review', 'rules', 'config validate'],
  org: ['config validate'],
  rule: ['scan'],
  'skip-rule': ['scan'],
  baseline: ['scan'],
  'write-baseline': ['scan'],
  'diff-base': ['scan'],
  profile: ['scan'],
  'ignore-unrecognised': ['scan'],
  help: 'every command',
  version: 'every command',
};

export function optionApplies(option: OptionName, command: CommandName): boolean {
  const commands = OPTION_COMMANDS[option];
  return commands === 'every command' || commands.includes(command);
}

/** `--format` and `-f, --format`, as help and error messages write them. */
export function optionFlags(option: OptionName): string[] {
  const spec = OPTIONS[option];
  return [`--${option}`, ...('short' in spec ? [`-${spec.short}`] : [])];
}

export function optionsOf(command: CommandName): OptionName[] {
  return (Object.keys(OPTIONS) as OptionName[]).filter((option) => optionApplies(option, command));
}

export function isOptionName(name: string): name is OptionName {
  return Object.prototype.hasOwnProperty.call(OPTIONS, name);
}
