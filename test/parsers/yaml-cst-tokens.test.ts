import { describe, expect, it } from 'vitest';
import { Parser } from 'yaml';
import { tokensOfType } from '../../src/parsers/yaml/cst-tokens.js';

const COMMENTS = new Set(['comment']);

function commentsOf(text: string): string[] {
  const tokens = Array.from(new Parser().parse(text));
  return tokensOfType(tokens, COMMENTS)
    .sort((a, b) => a.offset - b.offset)
    .map((token) => token.source);
}

describe('tokensOfType', () => {
  it('finds comments wherever the concrete syntax tree keeps them', () => {
    const text = [
      '# before the document',
      '%YAML 1.1',
      '--- # after the document marker',
      'key: value # after a plain scalar',
      "quoted: 'x' # after a quoted scalar",
      'alias: *anchor # after an alias',
      '# between the keys of a mapping',
      'nested: # after a key with no value on its line',
      '  - item # after a sequence item',
      '  # between the items of a sequence',
      '  - [a, b] # after a flow sequence',
      '  - {a: 1, # inside a flow mapping',
      '     b: 2}',
      'block: | # after a block scalar header',
      '  text # part of the text, not a comment',
      '... # after the document end',
      '',
    ].join('\n');
    expect(commentsOf(text)).toEqual([
      '# before the document',
      '# after the document marker',
      '# after a plain scalar',
      '# after a quoted scalar',
      '# after an alias',
      '# between the keys of a mapping',
      '# after a key with no value on its line',
      '# after a sequence item',
      '# between the items of a sequence',
      '# after a flow sequence',
      '# inside a flow mapping',
      '# after a block scalar header',
      '# after the document end',
    ]);
  });

  it('finds the tokens of a kind it does not know field by field', () => {
    const unknown = {
      type: 'some-later-kind',
      offset: 0,
      value: { type: 'comment', offset: 3, source: '# in a field', indent: 0 },
      items: [{ start: [{ type: 'comment', offset: 20, source: '# in an item', indent: 0 }] }],
    };
    expect(tokensOfType([unknown], COMMENTS).map((token) => token.source)).toEqual(
      expect.arrayContaining(['# in a field', '# in an item']),
    );
  });

  it('finds quoted scalars as keys, values and flow items', () => {
    const quoted = new Set(['single-quoted-scalar', 'double-quoted-scalar']);
    const tokens = Array.from(
      new Parser().parse(`'k': "v"\nlist: ['a', "b"]\n? 'explicit'\n: x\n`),
    );
    expect(
      tokensOfType(tokens, quoted)
        .map((token) => token.source)
        .sort(),
    ).toEqual(['"b"', '"v"', "'a'", "'explicit'", "'k'"]);
  });

  it('walks a deeply nested tree without recursion', () => {
    const depth = 20_000;
    const text = `${'['.repeat(depth)}# deep\n${']'.repeat(depth)}\n`;
    const tokens = Array.from(new Parser().parse(text));
    expect(tokensOfType(tokens, COMMENTS).map((token) => token.source)).toEqual(['# deep']);
  });
});
