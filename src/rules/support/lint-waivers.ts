/**
 * `# noqa` comments of ansible-lint: a task its authors have already reviewed against a peer
 * rule that checks the same thing, and chose to keep.
 */
import type { FileModel, Unit } from '../../model/model.js';

const NOQA = /\bnoqa\b(?::?\s*([\w\s,[\]-]*))?/;

/**
 * A `# noqa` comment inside the unit (or on the line just above it) that names one of the given
 * ansible-lint rules, or names none, which waives them all.
 */
export function waivedByNoqa(file: FileModel, unit: Unit, lintRules: readonly string[]): boolean {
  return file.comments.some((comment) => {
    if (comment.range.line < unit.range.line - 1 || comment.range.line > unit.range.endLine)
      return false;
    const match = NOQA.exec(comment.text);
    if (!match) return false;
    const named = (match[1] ?? '').split(/[\s,]+/).filter((word) => /^[a-z][\w[\]-]*$/.test(word));
    return (
      named.length === 0 || named.some((word) => lintRules.includes(word.replace(/\[.*$/, '')))
    );
  });
}
