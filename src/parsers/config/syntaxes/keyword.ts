/**
 * `Keyword value...` or `Keyword=value`, `#` comments, and keywords that open a block running to
 * the next one (OpenSSH's `Match` and `Host`, HAProxy's `frontend` and `backend`; login.defs,
 * Redis and others have none).
 */
import { COMMENT, indentOf, type SyntaxReaderFactory } from './syntax.js';

const DIRECTIVE = /^([A-Za-z][\w.-]*)(\s*=\s*|\s+)(.*?)\s*$/;

export const keywordReader: SyntaxReaderFactory = ({ sections = [] }) => ({
  read(text) {
    const body = text.trim();
    if (body === '' || COMMENT.test(body)) return {};
    const match = DIRECTIVE.exec(body);
    // A section keyword alone on its line: HAProxy's `global` and `defaults`.
    if (!match?.[1])
      return sections.some((keyword) => keyword.toLowerCase() === body.toLowerCase())
        ? { section: body }
        : {};
    const name = match[1];
    const value = match[3] ?? '';
    const valueFrom = indentOf(text) + body.length - value.length;
    if (sections.some((keyword) => keyword.toLowerCase() === name.toLowerCase()))
      return { section: `${name} ${value}` };
    return { directive: { name, valueFrom, valueTo: valueFrom + value.length } };
  },
});
