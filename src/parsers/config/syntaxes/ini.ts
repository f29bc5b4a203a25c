/**
 * INI option files (MySQL and MariaDB's `my.cnf`): `[group]` opens a block running to the next
 * one; `key = value` or `key=value`; a bare `key` turns an option on (`skip-grant-tables`) and
 * is a directive with an empty value; `!include` and `!includedir` name what they read;
 * `#` and `;` start a comment line, and `#` a comment after a value.
 */
import { withoutComment } from './comments.js';
import { COMMENT, indentOf, type SyntaxReaderFactory } from './syntax.js';

const GROUP = /^\[([^\]]*)\]$/;
/** the option's name, then `=`, white space (only after `!include`) or the end of the line */
const OPTION = /^(!?[A-Za-z_][\w.-]*)(?:(\s*=\s*)|(\s+)|$)/;

export const iniReader: SyntaxReaderFactory = () => ({
  read(text) {
    const body = text.trim();
    if (body === '' || COMMENT.test(body) || body.startsWith(';')) return {};
    const line = withoutComment(body);
    const group = GROUP.exec(line);
    if (group) return { section: (group[1] ?? '').trim() };
    const match = OPTION.exec(line);
    const name = match?.[1];
    if (!match || !name) return {};
    const indent = indentOf(text);
    const separated = match[2] !== undefined || match[3] !== undefined;
    // `key value` is not an option line; only `!include path` has no `=`.
    if (match[3] !== undefined && !name.startsWith('!')) return {};
    const valueFrom = indent + (separated ? match[0].length : name.length);
    return { directive: { name, valueFrom, valueTo: Math.max(valueFrom, indent + line.length) } };
  },
});
