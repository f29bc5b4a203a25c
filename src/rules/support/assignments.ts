/**
 * Every place a file gives a name a value, whatever the language calls it: vars-file keys,
 * play and task vars, module arguments, resource properties, class parameters, node
 * attributes. Rules that judge (name, value) pairs walk this one stream.
 */
import type { Attribute, FileModel, SourceRange, Unit, Value } from '../../engine/model.js';

export interface Assignment {
  name: string;
  /** the key path from the top of the assignment (`keystone.bootstrap.password`) */
  path: readonly string[];
  value: Value;
  /** range of the key */
  range: SourceRange;
  /** the task or resource the assignment is an argument of */
  unit?: Unit;
  /** the other keys assigned beside this one, in the same mapping */
  siblings: readonly Attribute[];
  /** a variable, an argument of a task or resource, or one of its keywords (`become`, `remote_user`) */
  source: 'variable' | 'argument' | 'keyword';
}

const cache = new WeakMap<FileModel, readonly Assignment[]>();

/** All assignments of a file, computed once per file however many rules ask. */
export function assignments(file: FileModel): readonly Assignment[] {
  let all = cache.get(file);
  if (!all) {
    all = [...collectAssignments(file)];
    cache.set(file, all);
  }
  return all;
}

function* collectAssignments(file: FileModel): Generator<Assignment> {
  yield* variableAssignments(file);
  for (const unit of file.units) {
    yield* attributeAssignments(unit.attributes, [], unit, 'argument');
    yield* attributeAssignments(unit.keywords, [], unit, 'keyword');
  }
}

function* variableAssignments(file: FileModel): Generator<Assignment> {
  const byParent = new Map<string, Attribute[]>();
  const parentKey = (scope: string, path: readonly string[]) => `${scope}\u0000${path.slice(0, -1).join('\u0000')}`;
  for (const variable of file.variables) {
    const key = parentKey(variable.scope, variable.path);
    const group = byParent.get(key) ?? [];
    group.push({ name: variable.name, value: variable.value, range: variable.range });
    byParent.set(key, group);
  }
  for (const variable of file.variables) {
    yield {
      name: variable.name,
      path: variable.path,
      value: variable.value,
      range: variable.range,
      siblings: byParent.get(parentKey(variable.scope, variable.path)) ?? [],
      source: 'variable',
    };
  }
}

type Source = Assignment['source'];

function* attributeAssignments(attributes: readonly Attribute[], path: readonly string[], unit: Unit, source: Source): Generator<Assignment> {
  for (const attribute of attributes) {
    const attributePath = [...path, attribute.name];
    yield { name: attribute.name, path: attributePath, value: attribute.value, range: attribute.range, unit, siblings: attributes, source };
    yield* nestedAssignments(attribute.value, attributePath, unit, source);
  }
}

function* nestedAssignments(value: Value, path: readonly string[], unit: Unit, source: Source): Generator<Assignment> {
  if (value.kind === 'map') yield* attributeAssignments(value.entries ?? [], path, unit, source);
  if (value.kind === 'list') {
    for (const [index, item] of (value.items ?? []).entries()) yield* nestedAssignments(item, [...path, String(index)], unit, source);
  }
}

/** From the key to the end of the value: where a finding about an assignment points. */
export function assignmentRange(assignment: { range: SourceRange; value: Value }): SourceRange {
  const { range, value } = assignment;
  const valueEndsLater =
    value.range.endLine > range.endLine || (value.range.endLine === range.endLine && value.range.endColumn > range.endColumn);
  return valueEndsLater ? { ...range, endLine: value.range.endLine, endColumn: value.range.endColumn } : range;
}
