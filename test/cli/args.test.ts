import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args.js';
import { UsageError } from '../../src/cli/usage-error.js';

const SCAN = {
  name: 'scan',
  paths: ['.'],
  format: 'text',
  onlyRules: [],
  skipRules: [],
  ignoreUnrecognised: false,
};

function usageErrorOf(argv: readonly string[]): UsageError {
  try {
    parseCommand(argv);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
}

describe('parseCommand', () => {
  it.each([
    [['scan'], SCAN],
    [['scan', 'a', 'b/c.yml'], { ...SCAN, paths: ['a', 'b/c.yml'] }],
    [
      ['scan', '-c', 'policy.yml', '--org-config', 'org.yml'],
      { ...SCAN, config: 'policy.yml', orgConfig: 'org.yml' },
    ],
    [['config', 'validate'], { name: 'config validate', org: false, format: 'text' }],
    [
      ['config', 'validate', 'org.yml', '--org'],
      { name: 'config validate', file: 'org.yml', org: true, format: 'text' },
    ],
    [
      ['config', 'validate', '-c', 'p.yml', '--org-config', 'org.yml', '-f', 'json'],
      { name: 'config validate', file: 'p.yml', orgConfig: 'org.yml', org: false, format: 'json' },
    ],
    [
      ['scan', '--lang', 'puppet', '--format', 'sarif', '--fail-on', 'low', '-o', 'out.sarif', 'x'],
      {
        ...SCAN,
        paths: ['x'],
        language: 'puppet',
        format: 'sarif',
        failOn: 'low',
        output: 'out.sarif',
      },
    ],
    [
      ['scan', '--format=json', '--fail-on=critical'],
      { ...SCAN, format: 'json', failOn: 'critical' },
    ],
    [['scan', '--fail-on', 'none'], { ...SCAN, failOn: 'none' }],
    [
      ['scan', '--format', 'SARIF', '--fail-on', 'High', '--lang', 'Ansible'],
      { ...SCAN, format: 'sarif', failOn: 'high', language: 'ansible' },
    ],
    [['scan', '-f', 'github'], { ...SCAN, format: 'github' }],
    [['scan', '-f', 'junit'], { ...SCAN, format: 'junit' }],
    [['scan', '--on-unanalysable', 'warn'], { ...SCAN, onUnanalysable: 'warn' }],
    [
      [
        'scan',
        '--rule',
        'weak-crypto',
        '--rule',
        'http-without-tls,sudo-nopasswd',
        '--skip-rule',
        'hard-coded-secret',
      ],
      {
        ...SCAN,
        onlyRules: ['weak-crypto', 'http-without-tls', 'sudo-nopasswd'],
        skipRules: ['hard-coded-secret'],
      },
    ],
    [
      [
        'scan',
        '--baseline',
        'b.json',
        '--write-baseline',
        'new.json',
        '--diff-base',
        'origin/main',
      ],
      { ...SCAN, baseline: 'b.json', writeBaseline: 'new.json', diffBase: 'origin/main' },
    ],
    [['scan', '--profile', 'glitch'], { ...SCAN, profile: 'glitch' }],
    [
      ['scan', '--ignore-unrecognised', 'a.yml'],
      { ...SCAN, paths: ['a.yml'], ignoreUnrecognised: true },
    ],
    [['rules'], { name: 'rules', format: 'text' }],
    [
      ['rules', '--lang', 'chef', '--format', 'json'],
      { name: 'rules', language: 'chef', format: 'json' },
    ],
    [
      ['rules', '-c', 'p.yml', '--org-config', 'org.yml', '-o', 'rules.txt'],
      { name: 'rules', format: 'text', config: 'p.yml', orgConfig: 'org.yml', output: 'rules.txt' },
    ],
    [['--help'], { name: 'help' }],
    [['help'], { name: 'help' }],
    [['scan', '-h'], { name: 'help', topic: 'scan' }],
    [['config', 'validate', '--help'], { name: 'help', topic: 'config validate' }],
    [['help', 'rules'], { name: 'help', topic: 'rules' }],
    [['--version'], { name: 'version' }],
  ])('parses %j', (argv, expected) => {
    expect(parseCommand(argv)).toEqual(expected);
  });

  it.each([
    [[], 'missing command'],
    [['lint'], 'unknown command: lint; run `posture --help`'],
    [['scn'], 'unknown command: scn (did you mean "scan"?); run `posture --help`'],
    [['rule'], 'unknown command: rule (did you mean "rules"?)'],
    [['config', 'validat'], 'unknown action: posture config validat (did you mean "validate"?)'],
    [['scan', '--bogus'], "unknown option '--bogus'"],
    [['scan', '--fail-of', 'low'], "unknown option '--fail-of' (did you mean --fail-on?)"],
    [['rules', '--formt', 'json'], "unknown option '--formt' (did you mean --format?)"],
    [
      ['scan', '--lang', 'perl'],
      'invalid --lang value "perl"; expected one of ansible, puppet, chef',
    ],
    [
      ['scan', '--format', 'xml'],
      'invalid --format value "xml"; expected one of text, json, sarif, github, junit',
    ],
    [
      ['scan', '--format', 'sarf'],
      'invalid --format value "sarf"; expected one of text, json, sarif, github, junit (did you mean "sarif"?)',
    ],
    [
      ['scan', '--fail-on', 'info'],
      'invalid --fail-on value "info"; expected one of critical, high, medium, low, none',
    ],
    [
      ['scan', '--profile', 'strict'],
      'invalid --profile value "strict"; expected one of security, glitch',
    ],
    [['scan', '--lang'], "option '--lang <value>' argument missing"],
    [['scan', '--rule', ','], '--rule needs a rule id or a category'],
    [['scan', '--output', ''], '--output needs a file name'],
    [['scan', '--diff-base=--output=x'], '--diff-base takes a git revision, not "--output=x"'],
    [['rules', '--format', 'sarif'], 'invalid --format value "sarif"; expected one of text, json'],
    [['rules', '--fail-on', 'low'], '--fail-on applies to posture scan only'],
    [
      ['scan', '--on-unanalysable', 'ignore'],
      'invalid --on-unanalysable value "ignore"; expected one of fail, warn',
    ],
    [['rules', '--on-unanalysable', 'warn'], '--on-unanalysable applies to posture scan only'],
    [['scan', '--org'], '--org applies to posture config validate only'],
    [
      ['config', 'validate', '--lang', 'chef'],
      '--lang applies to posture scan and posture rules only',
    ],
    [
      ['config', 'validate', '-o', 'out.txt'],
      '--output applies to posture scan and posture review and posture rules only',
    ],
    [['config', 'validate', 'a.yml', '-c', 'b.yml'], 'name the file to check once'],
    [
      ['config', 'validate', 'a.yml', '--org', '--org-config', 'b.yml'],
      '--org checks FILE as the org policy',
    ],
    [['rules', 'extra'], 'unexpected argument for posture rules: extra'],
    [
      ['config', 'check'],
      'unknown action: posture config check; expected `posture config validate [FILE]`',
    ],
  ])('rejects %j', (argv, message) => {
    const error = usageErrorOf(argv);
    expect(error.message).toContain(message);
    expect(error.message).not.toContain('\n');
  });
});
