import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args.js';
import { UsageError } from '../../src/cli/usage-error.js';

describe('parseCommand', () => {
  it.each([
    [['scan'], { name: 'scan', paths: ['.'], format: 'text' }],
    [['scan', 'a', 'b/c.yml'], { name: 'scan', paths: ['a', 'b/c.yml'], format: 'text' }],
    [['scan', '-c', 'policy.yml', '--org-config', 'org.yml'], { name: 'scan', paths: ['.'], format: 'text', config: 'policy.yml', orgConfig: 'org.yml' }],
    [['config', 'validate'], { name: 'config-validate', file: '.security.yml', org: false }],
    [['config', 'validate', 'org.yml', '--org'], { name: 'config-validate', file: 'org.yml', org: true }],
    [
      ['scan', '--lang', 'puppet', '--format', 'sarif', '--fail-on', 'low', '-o', 'out.sarif', 'x'],
      { name: 'scan', paths: ['x'], language: 'puppet', format: 'sarif', failOn: 'low', output: 'out.sarif' },
    ],
    [['scan', '--format=json', '--fail-on=critical'], { name: 'scan', paths: ['.'], format: 'json', failOn: 'critical' }],
    [['scan', '--on-unanalysable', 'warn'], { name: 'scan', paths: ['.'], format: 'text', onUnanalysable: 'warn' }],
    [['rules'], { name: 'rules', format: 'text' }],
    [['rules', '--lang', 'chef', '--format', 'json'], { name: 'rules', language: 'chef', format: 'json' }],
    [['--help'], { name: 'help' }],
    [['scan', '-h'], { name: 'help' }],
    [['--version'], { name: 'version' }],
  ])('parses %j', (argv, expected) => {
    expect(parseCommand(argv)).toEqual(expected);
  });

  it.each([
    [[], 'missing command'],
    [['lint'], 'unknown command: lint'],
    [['scan', '--bogus'], "unknown option '--bogus'"],
    [['scan', '--lang', 'perl'], 'invalid --lang value "perl"; expected one of ansible, puppet, chef'],
    [['scan', '--format', 'xml'], 'invalid --format value "xml"; expected one of text, json, sarif'],
    [['scan', '--fail-on', 'info'], 'invalid --fail-on value "info"; expected one of critical, high, medium, low'],
    [['scan', '--lang'], "option '--lang <value>' argument missing"],
    [['rules', '--format', 'sarif'], 'invalid --format value "sarif"; expected one of text, json'],
    [['rules', '--fail-on', 'low'], '--fail-on applies to posture scan only'],
    [['scan', '--on-unanalysable', 'ignore'], 'invalid --on-unanalysable value "ignore"; expected one of fail, warn'],
    [['rules', '--on-unanalysable', 'warn'], '--on-unanalysable applies to posture scan only'],
    [['rules', 'extra'], 'unexpected argument for posture rules: extra'],
    [['config', 'check'], 'expected `posture config validate [FILE]`'],
  ])('rejects %j', (argv, message) => {
    let thrown: unknown;
    try {
      parseCommand(argv);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as UsageError).message).toContain(message);
    expect((thrown as UsageError).message).not.toContain('\n');
  });
});
