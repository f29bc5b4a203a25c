/** `key = value` or `key=value`, `#` and `;` comments, also after the value (sysctl). */
import { COMMENT, indentOf, type SyntaxReaderFactory } from './syntax.js';

const DIRECTIVE = /^-?([\w.*/{}$-]+?)\s*=\s*(.*?)\s*$/;

export const keyEqualsReader: SyntaxReaderFactory = () => ({
  read(text) {
    const body = text.trim();
    if (body === '' || COMMENT.test(body) || body.startsWith(';')) return {};
    // `#{...}` is a Chef template's interpolation, not a comment.
    const at = body.search(/\s(?:#(?!\{)|;)/);
    const withoutComment = at < 0 ? body : body.slice(0, at).trimEnd();
    const match = DIRECTIVE.exec(withoutComment);
    if (!match?.[1]) return {};
    const value = match[2] ?? '';
    const valueFrom = indentOf(text) + withoutComment.length - value.length;
    return { directive: { name: match[1], valueFrom, valueTo: valueFrom + value.length } };
  },
});
