import { beforeAll, describe, expect, it } from 'vitest';
import { parseAnsible } from '../../src/parsers/ansible/parse-ansible.js';
import { initChefParser, parseChef } from '../../src/parsers/chef/parse-chef.js';
import { parseHiera } from '../../src/parsers/hiera/parse-hiera.js';
import { MAX_PUPPET_TREE_DEPTH } from '../../src/parsers/puppet/tree-depth.js';
import { parsePuppet } from '../../src/parsers/puppet/parse-puppet.js';
import { MAX_PUPPET_NESTING } from '../../src/parsers/puppet/token-stream.js';
import {
  initShellParser,
  MAX_SHELL_NESTING,
  parseShell,
  ShellNestingError,
} from '../../src/parsers/shell/parse-shell.js';
import { MAX_YAML_DEPTH } from '../../src/parsers/yaml/nesting.js';
import { MAX_ALIAS_NODES } from '../../src/parsers/yaml/to-value.js';

beforeAll(async () => {
  await initShellParser();
  await initChefParser();
});

/** `levels` mappings inside one another, in block style: `k0:\n  k1:\n ...`, then a scalar. */
function blockMappings(levels: number): string {
  const lines = Array.from({ length: levels }, (_, level) => `${' '.repeat(level)}k${level}:`);
  return `${lines.join('\n')}\n${' '.repeat(levels)}leaf\n`;
}

/** `levels` flow sequences inside one another under one key: `x: [[[...]]]` is levels + 1 collections. */
function flowSequences(levels: number): string {
  return `x: ${'['.repeat(levels)}${']'.repeat(levels)}\n`;
}

const YAML_TOO_DEEP = `YAML: nesting deeper than ${MAX_YAML_DEPTH} levels is not analysed`;

describe('YAML nesting', () => {
  it(`reads ${MAX_YAML_DEPTH} levels, as Ansible would, and refuses one more with a located message`, () => {
    expect(parseAnsible('group_vars/all.yml', blockMappings(MAX_YAML_DEPTH)).ok).toBe(true);
    expect(parseAnsible('group_vars/all.yml', blockMappings(MAX_YAML_DEPTH + 1))).toEqual({
      ok: false,
      error: {
        path: 'group_vars/all.yml',
        kind: 'too-deep',
        message: YAML_TOO_DEEP,
        line: MAX_YAML_DEPTH + 1,
      },
    });
  });

  it.each([1_000, 100_000])(
    'gives the same message, not a stack overflow, at %i levels',
    (levels) => {
      for (const parse of [parseAnsible, parseHiera]) {
        expect(parse('hieradata/common.yaml', flowSequences(levels))).toEqual({
          ok: false,
          error: {
            path: 'hieradata/common.yaml',
            kind: 'too-deep',
            message: YAML_TOO_DEEP,
            line: 1,
          },
        });
      }
    },
  );

  it('refuses blocks nested past their own limit, before YAML nesting matters', () => {
    let tasks = '- debug: {msg: x}\n';
    for (let level = 0; level < 34; level++) tasks = `- block:\n${tasks.replace(/^/gm, '    ')}`;
    const outcome = parseAnsible('roles/a/tasks/main.yml', tasks);
    expect(outcome.ok === false && outcome.error).toMatchObject({
      kind: 'too-deep',
      message: 'YAML: blocks nested deeper than 32 levels are not analysed',
    });
  });
});

describe('YAML aliases', () => {
  it('refuses aliases that expand past the limit, naming it', () => {
    const anchor = `a: &a [${Array(10).fill('x').join(', ')}]`;
    const levels = [
      anchor,
      ...['b', 'c', 'd'].map(
        (name, index) => `${name}: &${name} [${Array(10).fill(`*${'abc'[index]}`).join(', ')}]`,
      ),
    ];
    expect(parseAnsible('vars/main.yml', `${levels.join('\n')}\n`)).toEqual({
      ok: false,
      error: {
        path: 'vars/main.yml',
        kind: 'alias-expansion',
        message: `YAML: aliases expand to more than ${MAX_ALIAS_NODES} nodes (an alias bomb?); not analysed`,
        line: 3,
      },
    });
  });

  it('resolves an alias to the latest anchor of that name before it', () => {
    const outcome = parseAnsible('vars/main.yml', 'a: &x first\nb: *x\nc: &x second\nd: *x\n');
    expect(
      outcome.ok &&
        outcome.model.variables.map(
          (variable) => `${variable.name}=${String(variable.value.value)}`,
        ),
    ).toEqual(['a=first', 'b=first', 'c=second', 'd=second']);
  });
});

describe('Puppet nesting', () => {
  const TOO_DEEP = `Puppet: nesting deeper than ${MAX_PUPPET_NESTING} levels is not analysed`;

  it.each([1_000, 100_000])('refuses %i levels of brackets with a located message', (levels) => {
    expect(parsePuppet('a.pp', `\n$x = ${'['.repeat(levels)}${']'.repeat(levels)}\n`)).toEqual({
      ok: false,
      error: { path: 'a.pp', kind: 'too-deep', message: TOO_DEEP, line: 2 },
    });
  });

  it.each([1_000, 100_000])('refuses %i nested selectors', (levels) => {
    const source = `$x = $y ? { ${'a => $y ? { '.repeat(levels)}default => 1 ${'} '.repeat(levels)}}\n`;
    expect(parsePuppet('a.pp', source)).toEqual({
      ok: false,
      error: { path: 'a.pp', kind: 'too-deep', message: TOO_DEEP, line: 1 },
    });
  });

  it.each([
    ['operators', (length: number) => `$x = ${Array(length).fill('1').join(' + ')}`],
    ['relationships', (length: number) => Array(length).fill("File['a']").join(' -> ')],
    ['method calls', (length: number) => `$x = $y${'.a()'.repeat(length)}`],
  ])('refuses a chain of 100,000 %s, which the parser reads in a loop', (_name, chain) => {
    expect(parsePuppet('a.pp', `${chain(100_000)}\n`)).toEqual({
      ok: false,
      error: {
        path: 'a.pp',
        kind: 'too-deep',
        message: `Puppet: expressions nested deeper than ${MAX_PUPPET_TREE_DEPTH} levels (a chain of operators or calls) are not analysed`,
        line: 1,
      },
    });
  });

  it('still reads long ordinary chains and nesting', () => {
    expect(
      parsePuppet(
        'a.pp',
        `${Array(300).fill("File['a']").join(' -> ')}\n$x = ${'['.repeat(60)}${']'.repeat(60)}\n`,
      ).ok,
    ).toBe(true);
  });
});

describe('Ruby nesting', () => {
  it.each([1_000, 100_000])('refuses %i levels with a located message', (levels) => {
    expect(
      parseChef(
        'cookbooks/a/recipes/default.rb',
        `x = ${'['.repeat(levels)}${']'.repeat(levels)}\n`,
      ),
    ).toEqual({
      ok: false,
      error: {
        path: 'cookbooks/a/recipes/default.rb',
        kind: 'too-deep',
        message: 'Ruby: nesting deeper than 100 levels is not analysed',
        line: 1,
      },
    });
  });
});

describe('shell nesting', () => {
  it('reads ordinary commands and refuses command substitutions nested past the limit', () => {
    expect(
      parseShell('echo $(date +%s) | tee "$(mktemp)"').commands.map((command) => command.name),
    ).toEqual(['echo', 'date', 'tee', 'mktemp']);
    const nested = (levels: number) => `${'$('.repeat(levels)}ls${')'.repeat(levels)}`;
    expect(parseShell(nested(MAX_SHELL_NESTING)).commands).toHaveLength(MAX_SHELL_NESTING + 1);
    for (const levels of [MAX_SHELL_NESTING + 1, 1_000, 100_000])
      expect(() => parseShell(nested(levels))).toThrow(ShellNestingError);
  });
});
