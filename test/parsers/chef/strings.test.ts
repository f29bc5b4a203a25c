import { describe, expect, it } from 'vitest';
import {
  decodeDoubleQuoted,
  decodeSingleQuoted,
  dedent,
  heredocContent,
  heredocStyle,
} from '../../../src/parsers/chef/strings.js';

describe('Ruby string decoding', () => {
  it('decodes double-quoted escapes', () => {
    expect(decodeDoubleQuoted(String.raw`a\nb\tc\sd\\e\"f\#g`)).toBe('a\nb\tc d\\e"f#g');
    expect(decodeDoubleQuoted(String.raw`\u00e9\u{1F600 41}\x41\101\e`)).toBe('é😀AAA\x1b');
    expect(decodeDoubleQuoted('one \\\ntwo')).toBe('one two');
  });

  it('decodes only backslash and delimiter escapes in single quotes', () => {
    expect(decodeSingleQuoted(String.raw`it\'s a \\ and \n`, `'`)).toBe(
      String.raw`it's a \ and \n`,
    );
    expect(decodeSingleQuoted(String.raw`\(x\)`, '()')).toBe('(x)');
  });

  it('reads heredoc openings', () => {
    expect(heredocStyle('<<~EOS')).toEqual({ squiggly: true, raw: false, command: false });
    expect(heredocStyle(`<<-'EOS'`)).toEqual({ squiggly: false, raw: true, command: false });
    expect(heredocStyle('<<`CMD`')).toEqual({ squiggly: false, raw: false, command: true });
  });

  it('takes heredoc content from the line after the opening to the terminator', () => {
    expect(heredocContent('.strip\n  a\n  b\n  ')).toBe('  a\n  b\n');
  });

  it('dedents <<~ content by its least indented non-blank line, tabs reaching multiples of 8', () => {
    expect(dedent('    a\n      b\n\n    c\n')).toBe('a\n  b\n\nc\n');
    expect(dedent('\ta\n        b\n')).toBe('a\nb\n');
  });
});
