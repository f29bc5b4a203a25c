/**
 * Lines a recipe writes with `Chef::Util::FileEdit`, the way cookbooks edited files before the
 * `line` cookbook, usually inside a `ruby_block`:
 *
 *   fe = Chef::Util::FileEdit.new('/etc/ssh/sshd_config')
 *   fe.search_file_replace_line(/^PermitRootLogin/, 'PermitRootLogin yes')
 *   fe.write_file
 *
 * Each edit that writes a whole line is a free call unit already; it is given the file as its
 * `path` and the line as its `line`, as `replace_or_add` has them, so that the rules read the
 * line as a setting of that file.
 */
import type { SourceRange, Unit } from '../../model/model.js';
import { encloses } from '../../model/ranges.js';
import { callArguments, field, rangeOf, type SyntaxIndex, type SyntaxNode } from './syntax.js';
import type { RubyValues } from './values.js';

/** The edits that write their second argument as a whole line. */
const FILE_EDIT_LINE_WRITERS: ReadonlySet<string> = new Set([
  'search_file_replace_line',
  'insert_line_if_no_match',
  'insert_line_after_match',
]);

const FILE_EDIT_CLASS = /^(::)?(Chef::Util::)?FileEdit$/;

interface Editor {
  name: string;
  path: SyntaxNode;
  range: SourceRange;
}

/** Gives each FileEdit line edit of the recipe its file and its line. */
export function readFileEdits(
  index: SyntaxIndex,
  units: readonly Unit[],
  values: RubyValues,
): void {
  const editors = fileEditors(index);
  if (editors.length === 0) return;
  const callUnits = new Map(
    units.filter((unit) => unit.kind === 'call').map((unit) => [startOf(unit.range), unit]),
  );
  const resources = units.filter((unit) => unit.kind === 'resource');
  for (const call of index.of('call')) {
    const method = field(call, 'method')?.text;
    const receiver = field(call, 'receiver');
    if (!method || !FILE_EDIT_LINE_WRITERS.has(method) || receiver?.type !== 'identifier') continue;
    const [, line] = callArguments(call);
    if (!line) continue;
    const range = rangeOf(call);
    const unit = callUnits.get(startOf(range));
    const scope = enclosing(resources, range);
    // The file the variable names at this call: its last FileEdit before it in the same block.
    const editor = editors.findLast(
      (candidate) =>
        candidate.name === receiver.text &&
        before(candidate.range, range) &&
        enclosing(resources, candidate.range) === scope,
    );
    if (!unit || !editor) continue;
    const lineRange = rangeOf(line);
    unit.attributes = [
      ...unit.attributes.filter((attribute) => startOf(attribute.range) !== startOf(lineRange)),
      { name: 'path', value: values.value(editor.path), range: rangeOf(editor.path) },
      { name: 'line', value: values.value(line), range: lineRange },
    ];
  }
}

/** `fe = Chef::Util::FileEdit.new(path)`: the variable and the file it edits. */
function fileEditors(index: SyntaxIndex): Editor[] {
  const editors: Editor[] = [];
  for (const assignment of index.of('assignment')) {
    const left = field(assignment, 'left');
    const right = field(assignment, 'right');
    if (left?.type !== 'identifier' || right?.type !== 'call') continue;
    const receiver = field(right, 'receiver')?.text ?? '';
    const [path] = callArguments(right);
    if (field(right, 'method')?.text === 'new' && FILE_EDIT_CLASS.test(receiver) && path)
      editors.push({ name: left.text, path, range: rangeOf(assignment) });
  }
  return editors;
}

/** The resource whose block holds the range (a `ruby_block`), if any. */
function enclosing(resources: readonly Unit[], range: SourceRange): Unit | undefined {
  return resources.find((resource) => encloses(resource.range, range));
}

/** Whether `a` ends before `b` starts. */
function before(a: SourceRange, b: SourceRange): boolean {
  return a.endLine < b.line || (a.endLine === b.line && a.endColumn <= b.column);
}

function startOf(range: SourceRange): string {
  return `${range.line}:${range.column}`;
}
