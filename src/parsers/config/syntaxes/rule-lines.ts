/**
 * Every line is one rule, named by its first word, its value the whole line (sudoers).
 * `#include`, `#includedir` and `#1000` (a user id) are sudoers syntax, not comments.
 */
import { COMMENT, indentOf, type SyntaxReaderFactory } from './syntax.js';

export const ruleLinesReader: SyntaxReaderFactory = () => ({
  read(text) {
    const body = text.trim();
    if (body === '') return {};
    if (COMMENT.test(body) && !/^#(include(dir)?\s|\d)/.test(body)) return {};
    const name = /^\S+/.exec(body)?.[0] ?? body;
    const valueFrom = indentOf(text);
    return { directive: { name, valueFrom, valueTo: valueFrom + body.length } };
  },
});
