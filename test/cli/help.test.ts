import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../src/cli/commands.js';
import { helpText } from '../../src/cli/help.js';
import { OPTIONS, optionApplies, optionFlags, type OptionName } from '../../src/cli/options.js';
import { runCaptured } from './support/run-captured.js';
import { tempTree } from './support/temp-tree.js';

/** Options every command takes, described once in the usage lines. */
const GENERAL: readonly OptionName[] = ['help', 'version'];

const mentions = (text: string, flag: string) =>
  new RegExp(`(^|[\\s,(])${flag.replace(/-/g, '\\-')}(?![\\w-])`, 'm').test(text);

describe('posture --help', () => {
  it.each(COMMAND_NAMES)('documents exactly the options posture %s takes', (command) => {
    const section = helpText(command);
    for (const option of (Object.keys(OPTIONS) as OptionName[]).filter(
      (name) => !GENERAL.includes(name),
    )) {
      for (const flag of optionFlags(option)) {
        expect({ option: flag, mentioned: mentions(section, flag) }).toEqual({
          option: flag,
          mentioned: optionApplies(option, command),
        });
      }
    }
  });

  it('lists every command with its options, config validate --org-config included, and the exit codes', async () => {
    const help = await runCaptured(['--help'], await tempTree({}));
    expect(help.exitCode).toBe(0);
    for (const command of COMMAND_NAMES)
      expect(help.stdout).toContain(helpText(command).replace(/^Usage: /, ''));
    expect(help.stdout).toMatch(
      /posture config validate \[FILE\] \[options\][\s\S]*--org-config FILE/,
    );
    expect(help.stdout).toContain('Exit codes:');
  });

  it("prints one command's help for `posture <command> --help` and `posture help <command>`", async () => {
    const cwd = await tempTree({});
    const scanHelp = await runCaptured(['scan', '--help'], cwd);
    expect(scanHelp).toEqual({ exitCode: 0, stdout: helpText('scan'), stderr: '' });
    expect(await runCaptured(['help', 'config', 'validate'], cwd)).toEqual({
      exitCode: 0,
      stdout: helpText('config validate'),
      stderr: '',
    });
  });
});
