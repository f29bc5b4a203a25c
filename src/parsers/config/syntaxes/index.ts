/** The syntax families, by name; a format names the family that reads it (`families/*.ts`). */
import { keyEqualsReader } from './key-equals.js';
import { keywordReader } from './keyword.js';
import { ruleLinesReader } from './rule-lines.js';
import type { SyntaxReaderFactory } from './syntax.js';

export const SYNTAXES = {
  keyword: keywordReader,
  'key-equals': keyEqualsReader,
  'rule-lines': ruleLinesReader,
} satisfies Record<string, SyntaxReaderFactory>;

export type Syntax = keyof typeof SYNTAXES;
