/** The syntax families, by name; a format names the family that reads it (`families/*.ts`). */
import { bracesReader } from './braces.js';
import { columnsReader } from './columns.js';
import { iniReader } from './ini.js';
import { keyEqualsReader } from './key-equals.js';
import { keywordReader } from './keyword.js';
import { mountTableReader } from './mount-table.js';
import { ruleLinesReader } from './rule-lines.js';
import type { SyntaxReaderFactory } from './syntax.js';
import { tagsReader } from './tags.js';
import { yamlKeysReader } from './yaml-keys.js';

export const SYNTAXES = {
  keyword: keywordReader,
  'key-equals': keyEqualsReader,
  'rule-lines': ruleLinesReader,
  braces: bracesReader,
  tags: tagsReader,
  ini: iniReader,
  columns: columnsReader,
  'yaml-keys': yamlKeysReader,
  'mount-table': mountTableReader,
} satisfies Record<string, SyntaxReaderFactory>;

export type Syntax = keyof typeof SYNTAXES;
