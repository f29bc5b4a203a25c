import { expect } from 'vitest';
import type { FileModel, SourceRange, Unit, Value } from '../../../src/model/model.js';
import { parseChef } from '../../../src/parsers/chef/parse-chef.js';

export const RECIPE = 'cookbooks/app/recipes/default.rb';

/** Parses Ruby lines (joined with newlines) and fails the test if they do not parse. */
export function chef(lines: string[], path = RECIPE): FileModel {
  const outcome = parseChef(path, lines.join('\n'));
  if (!outcome.ok) throw new Error(`expected ${path} to parse: ${outcome.error.message}`);
  return outcome.model;
}

export function range(
  line: number,
  column: number,
  endLine: number,
  endColumn: number,
): SourceRange {
  return { line, column, endLine, endColumn };
}

/** The value assigned by `x = <expression>` on the first line. */
export function valueOf(expression: string, before: string[] = []): Value {
  const model = chef([...before, `x = ${expression}`]);
  const variable = model.variables.find((candidate) => candidate.path.join('.') === 'x');
  expect(variable, `no variable x in ${expression}`).toBeDefined();
  return variable?.value as Value;
}

/** The resources of a model, without the free calls (`kind: 'call'`) read beside them. */
export function resources(model: FileModel): Unit[] {
  return model.units.filter((unit) => unit.kind === 'resource');
}

export function onlyUnit(model: FileModel): Unit {
  expect(resources(model)).toHaveLength(1);
  return resources(model)[0] as Unit;
}

export function attribute(unit: Unit, name: string): Value | undefined {
  return unit.attributes.find((candidate) => candidate.name === name)?.value;
}

export function keyword(unit: Unit, name: string): Value | undefined {
  return unit.keywords.find((candidate) => candidate.name === name)?.value;
}
