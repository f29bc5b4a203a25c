import { describe, expect, it } from 'vitest';
import type { Condition, FileModel, SourceRange } from '../../src/model/model.js';
import { underCondition } from '../../src/rules/support/under-condition.js';
import { encloses } from '../../src/model/ranges.js';

/** A small linear congruential generator: the same ranges on every run. */
function numbers(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function randomRange(next: () => number): SourceRange {
  const line = 1 + Math.floor(next() * 30);
  const endLine = line + Math.floor(next() * 6);
  const column = 1 + Math.floor(next() * 5);
  const endColumn = endLine === line ? column + Math.floor(next() * 5) : 1 + Math.floor(next() * 5);
  return { line, column, endLine, endColumn };
}

function fileWith(conditions: Condition[]): FileModel {
  return {
    path: 'manifests/init.pp',
    language: 'puppet',
    kind: 'manifest',
    units: [],
    variables: [],
    comments: [],
    conditions,
    lines: [],
  } as unknown as FileModel;
}

describe('underCondition', () => {
  it('answers as comparing the range with every if and case, for overlapping and nested conditions alike', () => {
    const next = numbers(7);
    for (let trial = 0; trial < 200; trial++) {
      const conditions: Condition[] = Array.from({ length: Math.floor(next() * 8) }, () => ({
        kind: (['if', 'case', 'selector'] as const)[Math.floor(next() * 3)] as Condition['kind'],
        hasDefault: false,
        range: randomRange(next),
      }));
      const file = fileWith(conditions);
      for (let query = 0; query < 20; query++) {
        const range = randomRange(next);
        const expected = conditions.some(
          (condition) =>
            (condition.kind === 'if' || condition.kind === 'case') &&
            encloses(condition.range, range),
        );
        expect(underCondition(file, range)).toBe(expected);
      }
    }
  });

  it('counts a condition that starts and ends exactly where the range does', () => {
    const range = { line: 3, column: 2, endLine: 5, endColumn: 1 };
    const file = fileWith([{ kind: 'if', hasDefault: false, range }]);
    expect(underCondition(file, range)).toBe(true);
    expect(underCondition(file, { ...range, column: 1 })).toBe(false);
    expect(underCondition(file, { ...range, endColumn: 2 })).toBe(false);
  });

  it('ignores selectors, which choose a value rather than guard code', () => {
    const range = { line: 1, column: 1, endLine: 9, endColumn: 1 };
    const file = fileWith([{ kind: 'selector', hasDefault: true, range }]);
    expect(underCondition(file, { line: 2, column: 1, endLine: 2, endColumn: 5 })).toBe(false);
  });
});
