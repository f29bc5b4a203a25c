/**
 * The `key: value` lines of a small YAML file (MongoDB's `mongod.conf`), indentation giving the
 * block: `bindIp` under `net:` is in `net`, deeper blocks read `net > tls`. List items and flow
 * collections are not followed. MongoDB's older format, `key = value` lines with no blocks,
 * shares the file's name and is read too.
 */
import { withoutComment } from './comments.js';
import { COMMENT, indentOf, type SyntaxReaderFactory } from './syntax.js';

const MAPPING = /^([A-Za-z_][\w.-]*)\s*:(?:\s+(.*))?$/;
const KEY_EQUALS = /^([A-Za-z_][\w.-]*)\s*=\s*(.*)$/;

export const yamlKeysReader: SyntaxReaderFactory = () => {
  /** the keys of the open blocks, outermost first */
  const open: { indent: number; key: string }[] = [];
  return {
    read(text) {
      const body = text.trim();
      if (body === '' || COMMENT.test(body) || /^(---|\.\.\.)(\s|$)/.test(body)) return {};
      if (body.startsWith('- ') || body === '-') return {};
      const indent = indentOf(text);
      const line = withoutComment(body);
      const mapping = MAPPING.exec(line);
      if (mapping?.[1]) {
        while ((open[open.length - 1]?.indent ?? -1) >= indent) open.pop();
        const value = mapping[2] ?? '';
        if (value === '') {
          open.push({ indent, key: mapping[1] });
          return { section: open.map((block) => block.key).join(' > ') };
        }
        const section = open.length > 0 ? open.map((block) => block.key).join(' > ') : null;
        const valueFrom = indent + line.length - value.length;
        return {
          section,
          directive: { name: mapping[1], valueFrom, valueTo: valueFrom + value.length },
        };
      }
      const legacy = KEY_EQUALS.exec(line);
      if (!legacy?.[1]) return {};
      const value = legacy[2] ?? '';
      const valueFrom = indent + line.length - value.length;
      return { directive: { name: legacy[1], valueFrom, valueTo: valueFrom + value.length } };
    },
  };
};
