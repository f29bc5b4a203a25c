/**
 * Agreement with Puppet's own parser, without Puppet: each fixture's AST, rendered as
 * `puppet parser dump --format json` renders it, must equal the dump Puppet 7 printed for it
 * (stored next to the fixture; `npm run puppet:agreement -- --update-fixtures` rewrites them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PuppetSyntaxError } from '../../../src/parsers/puppet/errors.js';
import { parseManifest } from '../../../src/parsers/puppet/parse-puppet.js';
import { toPuppetDump, type PnData } from '../../../src/parsers/puppet/to-puppet-dump.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixtures = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.pp'))
  .sort();

const dump = (source: string): PnData => toPuppetDump(parseManifest(source).program);
const fqn = (name: string) => ({ '^': ['qn', name] });
const variable = (name: string | boolean) => ({ '^': ['var', name] });
const assign = (name: string, value: PnData) => ({ '^': ['=', variable(name), value] });

describe('Puppet dump agreement', () => {
  it('has fixtures to check', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(6);
  });

  it.each(fixtures)('%s renders as Puppet dumps it', (name) => {
    const source = readFileSync(join(FIXTURES, name), 'utf8');
    const expected = JSON.parse(
      readFileSync(join(FIXTURES, name.replace(/\.pp$/, '.json')), 'utf8'),
    ) as PnData;
    expect(dump(source)).toEqual(expected);
  });

  // Each expectation below is what Puppet 7.23 printed for the source.
  it.each<[string, string, PnData]>([
    [
      'a statement function takes the next expression as its argument',
      'notice -1',
      { '^': ['-', fqn('notice'), 1] },
    ],
    [
      'a name followed by a hash is two statements',
      '$x = foo {a => 1}',
      assign('x', { '^': ['block', fqn('foo'), { '^': ['hash', { '^': ['=>', 'a', 1] }] }] }),
    ],
    [
      '${true} names a variable by a boolean',
      'notice("${true}")',
      {
        '^': [
          'invoke',
          {
            '#': [
              'functor',
              fqn('notice'),
              'args',
              [{ '^': ['concat', { '^': ['str', variable(true)] }] }],
            ],
          },
        ],
      },
    ],
    [
      '[ after a blank starts a new list',
      '$x = $y [0]',
      { '^': ['block', assign('x', variable('y')), { '^': ['array', 0] }] },
    ],
    [
      '[ right after an operand is an access',
      '$x = $y[0]',
      assign('x', { '^': ['access', variable('y'), 0] }),
    ],
    [
      '( first on a line is not a call',
      '$x = foo\n(1)',
      { '^': ['block', assign('x', fqn('foo')), { '^': ['paren', 1] }] },
    ],
    [
      '( after a name on the same line is a call',
      '$x = foo (1)',
      assign('x', { '^': ['call', { '#': ['functor', fqn('foo'), 'args', [1]] }] }),
    ],
    [
      '/ after an operand divides',
      '$a = 1 / 2 / 3',
      assign('a', { '^': ['/', { '^': ['/', 1, 2] }, 3] }),
    ],
    [
      'names in interpolation become variables only when alone or indexed',
      '$x = "${foo}" + "${foo[0]}" + "${1 + x}"',
      assign('x', {
        '^': [
          '+',
          {
            '^': [
              '+',
              { '^': ['concat', { '^': ['str', variable('foo')] }] },
              { '^': ['concat', { '^': ['str', { '^': ['access', variable('foo'), 0] }] }] },
            ],
          },
          { '^': ['concat', { '^': ['str', { '^': ['+', 1, fqn('x')] }] }] },
        ],
      }),
    ],
    ['a negated hex literal folds into a number', '$x = - 0x10', assign('x', -16)],
    [
      'type and function are strings as list entries',
      '$x = [type, function]',
      assign('x', { '^': ['array', 'type', 'function'] }),
    ],
    ['an empty manifest is a nop', '# only a comment\n', { '^': ['nop'] }],
  ])('%s', (_title, source, expected) => {
    expect(dump(source)).toEqual(expected);
  });

  it.each([
    ['a trailing semicolon', '$x = 1;'],
    ['a leading semicolon', '; $x = 1'],
    ['two semicolons', '$x = 1;; $y = 2'],
    ['a numeric name segment', 'class php::5_3_11 { }'],
    ['a byte order mark', '\uFEFF$x = 1'],
    ['a comma list after a non-statement function', '$a = 10, notice hello'],
    ['an unterminated heredoc', '$x = @(END)\ntext\n'],
  ])('rejects %s, as Puppet does', (_title, source) => {
    expect(() => parseManifest(source)).toThrow(PuppetSyntaxError);
  });
});
