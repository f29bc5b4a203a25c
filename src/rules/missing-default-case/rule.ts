import type { Rule } from '../rule.js';
import { firstLineOf, quote } from '../support/source-lines.js';
import type { FileModel } from '../../model/model.js';
import { meta } from './meta.js';

/** puppet-lint's control comment for this check, which authors already write. */
const LINT_IGNORE = /\blint:ignore:case_without_default\b/;
const LINT_END = /\blint:endignore\b/;

/**
 * The lines puppet-lint would not check for a missing default: the line of a trailing
 * `# lint:ignore:case_without_default`, and every line from such a comment on a line of its
 * own to the next `# lint:endignore` (or the end of the file).
 */
function lintIgnoredLines(file: FileModel): (line: number) => boolean {
  const single = new Set<number>();
  const blocks: Array<{ from: number; to: number }> = [];
  let open: number | undefined;
  for (const comment of file.comments) {
    const { line, column } = comment.range;
    if (LINT_IGNORE.test(comment.text)) {
      const trailing = (file.lines[line - 1] ?? '').slice(0, column - 1).trim() !== '';
      if (trailing) single.add(line);
      else open ??= line;
    } else if (LINT_END.test(comment.text) && open !== undefined) {
      blocks.push({ from: open, to: line });
      open = undefined;
    }
  }
  if (open !== undefined) blocks.push({ from: open, to: Number.POSITIVE_INFINITY });
  return (line) =>
    single.has(line) || blocks.some((block) => line >= block.from && line <= block.to);
}

export const missingDefaultCase: Rule = {
  meta,
  check({ file, report }) {
    const ignored = lintIgnoredLines(file);
    for (const condition of file.conditions) {
      if (
        condition.kind === 'if' ||
        condition.hasDefault ||
        condition.exhaustive ||
        ignored(condition.range.line)
      )
        continue;
      const construct = condition.kind === 'selector' ? 'selector' : '`case`';
      const branch = file.language === 'chef' ? 'an `else` branch' : 'a `default` branch';
      report({
        range: condition.range,
        message: `${construct} without ${branch}: ${quote(firstLineOf(file, condition.range))}`,
      });
    }
  },
};
