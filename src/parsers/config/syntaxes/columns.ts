/**
 * Lines of white-space separated columns (PostgreSQL's `pg_hba.conf`: `type database user
 * [address] method [options]`): a directive named by its first column (`local`, `host`,
 * `hostssl`...), its value the columns after it. A column may be a quoted string or a template
 * expression with spaces inside (`{{ pg_network }}`); `#` starts a comment.
 */
import { trailingComment } from './comments.js';
import { COMMENT, type SyntaxReaderFactory } from './syntax.js';

export interface Column {
  text: string;
  /** offsets in the line */
  from: number;
  to: number;
}

const NAME = /^[A-Za-z][\w-]*$/;

/** The columns of a line, up to its comment. */
export function columnsOf(text: string): Column[] {
  const comment = trailingComment(text);
  const end = comment < 0 ? text.length : comment;
  const columns: Column[] = [];
  let index = 0;
  while (index < end) {
    while (index < end && /\s/.test(text[index] ?? '')) index += 1;
    if (index >= end) break;
    const from = index;
    let quote = false;
    let depth = 0;
    while (index < end) {
      const char = text[index] ?? '';
      if (char === '"' && depth === 0) quote = !quote;
      else if (!quote && char === '{') depth += 1;
      else if (!quote && char === '}' && depth > 0) depth -= 1;
      else if (!quote && depth === 0 && /\s/.test(char)) break;
      index += 1;
    }
    columns.push({ text: text.slice(from, index), from, to: index });
  }
  return columns;
}

export const columnsReader: SyntaxReaderFactory = () => ({
  read(text) {
    const body = text.trim();
    if (body === '' || COMMENT.test(body)) return {};
    const [first, ...rest] = columnsOf(text);
    if (!first || !NAME.test(first.text)) return {};
    const last = rest[rest.length - 1];
    const valueFrom = rest[0]?.from ?? first.to;
    return { directive: { name: first.text, valueFrom, valueTo: last?.to ?? valueFrom } };
  },
});
