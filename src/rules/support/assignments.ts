/**
 * Every place a file gives a name a value, whatever the language calls it: vars-file keys,
 * play and task vars, module arguments, resource properties, class parameters, node
 * attributes. Rules that judge (name, value) pairs walk this one stream.
 */
import type {
  Attribute,
  FileModel,
  SourceRange,
  Unit,
  Value,
  VariableScope,
} from '../../model/model.js';
import { isCommandAttribute } from './commands.js';

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
  /** for variables: where they are declared */
  scope?: VariableScope;
  /** for parameters: the class, defined type or custom resource they belong to */
  owner?: string;
  /** for variables: assigned inside a method definition, as code's working value */
  inMethod?: boolean;
}

const cache = new WeakMap<FileModel, readonly Assignment[]>();

/** All assignments of a file, computed once per file however many rules ask. */
export function assignments(file: FileModel): readonly Assignment[] {
  let all = cache.get(file);
  if (!all) {
    all = collectAssignments(file);
    cache.set(file, all);
  }
  return all;
}

function collectAssignments(file: FileModel): Assignment[] {
  const into = variableAssignments(file);
  for (const unit of file.units) {
    // A free call's arguments name nothing; the rules that read them look at them directly.
    if (unit.kind === 'call') continue;
    addAttributes(unit.attributes, [], unit, 'argument', into);
    addAttributes(unit.keywords, [], unit, 'keyword', into);
  }
  return into;
}

function variableAssignments(file: FileModel): Assignment[] {
  const byParent = new Map<string, Attribute[]>();
  const parentKey = (scope: string, path: readonly string[]) =>
    `${scope}\u0000${path.slice(0, -1).join('\u0000')}`;
  const keys = file.variables.map((variable) => parentKey(variable.scope, variable.path));
  file.variables.forEach((variable, index) => {
    const key = keys[index] as string;
    let group = byParent.get(key);
    if (!group) byParent.set(key, (group = []));
    group.push({ name: variable.name, value: variable.value, range: variable.range });
  });
  return file.variables.map((variable, index) => ({
    name: variable.name,
    path: variable.path,
    value: variable.value,
    range: variable.range,
    siblings: byParent.get(keys[index] as string) ?? [],
    source: 'variable',
    scope: variable.scope,
    ...(variable.owner ? { owner: variable.owner } : {}),
    ...(variable.inMethod ? { inMethod: true } : {}),
  }));
}

type Source = Assignment['source'];

function addAttributes(
  attributes: readonly Attribute[],
  path: readonly string[],
  unit: Unit,
  source: Source,
  into: Assignment[],
): void {
  for (const attribute of attributes) {
    const attributePath = [...path, attribute.name];
    into.push({
      name: attribute.name,
      path: attributePath,
      value: attribute.value,
      range: attribute.range,
      unit,
      siblings: attributes,
      source,
    });
    addNested(attribute.value, attributePath, unit, source, into);
  }
}

function addNested(
  value: Value,
  path: readonly string[],
  unit: Unit,
  source: Source,
  into: Assignment[],
): void {
  if (value.kind === 'map') addAttributes(value.entries ?? [], path, unit, source, into);
  // A call's arguments are listed as items: a hash passed to a function is still an assignment.
  else if (value.kind === 'list' || value.kind === 'call')
    (value.items ?? []).forEach((item, index) =>
      addNested(item, [...path, String(index)], unit, source, into),
    );
}

/**
 * Where a finding about a value points: the value itself when it starts on its key's line
 * (`mode: '0777'`); from the key to the value when the value sits below it (an item of a list
 * written over several lines), so that the finding starts on the line that names the setting.
 */
export function valueRange(
  assignment: { range: SourceRange },
  value: { range: SourceRange },
): SourceRange {
  if (value.range.line === assignment.range.line) return value.range;
  return { ...assignment.range, endLine: value.range.endLine, endColumn: value.range.endColumn };
}

/** From the key to the end of the value: where a finding about an assignment points. */
export function assignmentRange(assignment: { range: SourceRange; value: Value }): SourceRange {
  const { range, value } = assignment;
  const valueEndsLater =
    value.range.endLine > range.endLine ||
    (value.range.endLine === range.endLine && value.range.endColumn > range.endColumn);
  return valueEndsLater
    ? { ...range, endLine: value.range.endLine, endColumn: value.range.endColumn }
    : range;
}

/** How a message names the key of an assignment: `` `validate_certs` ``, or "the command" for shell text. */
export function keyLabel(
  file: FileModel,
  assignment: Pick<Assignment, 'name' | 'unit' | 'path'>,
): string {
  if (
    assignment.unit &&
    assignment.path.length === 1 &&
    isCommandAttribute(file, assignment.unit, assignment.name)
  )
    return 'the command';
  return `\`${assignment.name}\``;
}
