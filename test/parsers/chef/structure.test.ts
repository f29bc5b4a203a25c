import { beforeAll, describe, expect, it } from 'vitest';
import { initChefParser, parseChef } from '../../../src/parsers/chef/parse-chef.js';
import { chef, range, RECIPE, resources } from './support.js';

beforeAll(() => initChefParser());

describe('Chef file structure', () => {
  it('reads line and block comments without their markers, and nothing inside strings or heredocs', () => {
    const model = chef([
      `# Installs the app`,
      `package 'app' # inline`,
      `=begin`,
      `Block comment`,
      `=end`,
      `x = "#{y} # not a comment"`,
      `bash 'b' do`,
      `  code <<-EOH`,
      `    # a shell comment`,
      `  EOH`,
      `end`,
    ]);
    expect(model.comments).toEqual([
      { text: 'Installs the app', range: range(1, 1, 1, 19) },
      { text: 'inline', range: range(2, 15, 2, 23) },
      { text: 'Block comment', range: range(3, 1, 5, 5) },
    ]);
  });

  it('reads case and if/unless conditions with whether they have a default branch', () => {
    const model = chef([
      `case node['platform']`,
      `when 'ubuntu' then package 'a'`,
      `else package 'b'`,
      `end`,
      `case node['x']`,
      `when 'y' then 1`,
      `end`,
      `if a`,
      `  1`,
      `elsif b`,
      `  2`,
      `else`,
      `  3`,
      `end`,
      `unless c`,
      `  4`,
      `end`,
      `package 'z' if d`,
      `e = f ? 1 : 2`,
    ]);
    expect(model.conditions).toEqual([
      { kind: 'case', hasDefault: true, range: range(1, 1, 4, 4) },
      { kind: 'case', hasDefault: false, range: range(5, 1, 7, 4) },
      { kind: 'if', hasDefault: true, range: range(8, 1, 14, 4) },
      { kind: 'if', hasDefault: false, range: range(15, 1, 17, 4) },
      { kind: 'if', hasDefault: false, range: range(18, 1, 18, 17) },
      { kind: 'if', hasDefault: true, range: range(19, 5, 19, 14) },
    ]);
    expect(resources(model).map((unit) => unit.name)).toEqual(['a', 'b', 'z']);
  });

  it('names the file kind from its folder and keeps its lines', () => {
    expect(chef([`default['a'] = 1`], 'cookbooks/app/attributes/default.rb').kind).toBe(
      'attributes',
    );
    const metadata = chef([`name 'app'`], 'cookbooks/app/metadata.rb');
    expect(metadata).toMatchObject({ kind: 'recipe', language: 'chef' });
    expect(resources(metadata)).toEqual([]);
    const outcome = parseChef(RECIPE, 'a = 1\r\nb = 2\n');
    expect(outcome.ok && outcome.model.lines).toEqual(['a = 1', 'b = 2', '']);
  });

  it('reports a syntax error with the line and the source near it', () => {
    expect(parseChef(RECIPE, `package 'x' do\n  action :install\n`)).toEqual({
      ok: false,
      error: { path: RECIPE, kind: 'syntax', message: 'Ruby: syntax error near "do"', line: 1 },
    });
    expect(parseChef(RECIPE, `x = 1\ny = foo(1\n`)).toEqual({
      ok: false,
      error: {
        path: RECIPE,
        kind: 'syntax',
        message: 'Ruby: syntax error near "y = foo(1": missing ")"',
        line: 2,
      },
    });
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    const depth = 300;
    expect(parseChef(RECIPE, `x = ${'['.repeat(depth)}${']'.repeat(depth)}`)).toEqual({
      ok: false,
      error: {
        path: RECIPE,
        kind: 'too-deep',
        message: 'Ruby: nesting deeper than 100 levels is not analysed',
        line: 1,
      },
    });
  });

  it('returns an outcome for any input rather than throwing', () => {
    const outcome = parseChef(RECIPE, '\u0000\uffff}}} end end');
    expect(outcome.ok).toBe(false);
  });
});
