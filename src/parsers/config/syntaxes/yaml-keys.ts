/**
 * The `key: value` lines of a small YAML file (MongoDB's `mongod.conf`, a Compose file),
 * indentation giving the block: `bindIp` under `net:` is in `net`, deeper blocks read
 * `net > tls`. Each item of a block list is a directive named by the list's key (`cap_add:`
 * then `- SYS_ADMIN`); an item that is a mapping (`- type: bind`) is read as its keys would be
 * without the dash. Flow collections are left as written. MongoDB's older format, `key = value`
 * lines with no blocks, shares the file's name and is read too.
 */
import { withoutComment } from './comments.js';
import { COMMENT, indentOf, type LineReading, type SyntaxReaderFactory } from './syntax.js';

/** A key, which a template may compute in part (`worker-{{ name }}`, `#{name}`, `${name}`). */
const KEY = String.raw`(?=[A-Za-z_{$#])(?:[\w.-]|\{\{[^}]*\}\}|[$#]\{[^}]*\})+`;
const MAPPING = new RegExp(String.raw`^(${KEY})\s*:(?:\s+(.*))?$`);
const KEY_EQUALS = /^([A-Za-z_][\w.-]*)\s*=\s*(.*)$/;

export const yamlKeysReader: SyntaxReaderFactory = () => {
  /** the keys of the open blocks, outermost first */
  const open: { indent: number; key: string }[] = [];
  const sectionOf = (blocks: readonly { key: string }[]): string | null =>
    blocks.length > 0 ? blocks.map((block) => block.key).join(' > ') : null;

  /** `key: value` (or `key:` opening a block) whose key starts at offset `at` of its line. */
  const readMapping = (text: string, at: number): LineReading => {
    const mapping = MAPPING.exec(text);
    if (!mapping?.[1]) return {};
    while ((open[open.length - 1]?.indent ?? -1) >= at) open.pop();
    const value = mapping[2] ?? '';
    if (value === '') {
      open.push({ indent: at, key: mapping[1] });
      return { section: sectionOf(open) };
    }
    const valueFrom = at + text.length - value.length;
    return {
      section: sectionOf(open),
      directive: { name: mapping[1], valueFrom, valueTo: valueFrom + value.length },
    };
  };

  /** `- item`, the dash at offset `at`: a directive of the list's key, or a mapping's first key. */
  const readItem = (text: string, at: number): LineReading => {
    const item = text.slice(1).trimStart();
    const itemFrom = at + text.length - item.length;
    if (MAPPING.test(item)) return readMapping(item, itemFrom);
    // the list's key: the innermost open block no deeper than the dash
    while ((open[open.length - 1]?.indent ?? -1) > at) open.pop();
    const list = open[open.length - 1];
    if (!list || item === '') return {};
    return {
      section: sectionOf(open.slice(0, -1)),
      directive: { name: list.key, valueFrom: itemFrom, valueTo: itemFrom + item.length },
    };
  };

  return {
    read(text) {
      const body = text.trim();
      if (body === '' || COMMENT.test(body) || /^(---|\.\.\.)(\s|$)/.test(body)) return {};
      const indent = indentOf(text);
      const line = withoutComment(body);
      if (line === '-') return {};
      if (line.startsWith('- ')) return readItem(line, indent);
      if (MAPPING.test(line)) return readMapping(line, indent);
      const legacy = KEY_EQUALS.exec(line);
      if (!legacy?.[1]) return {};
      const value = legacy[2] ?? '';
      const valueFrom = indent + line.length - value.length;
      return { directive: { name: legacy[1], valueFrom, valueTo: valueFrom + value.length } };
    },
  };
};
