import { describe, expect, it } from 'vitest';
import type { Value } from '../../../src/model/model.js';
import { allowsAnyone, statementsOf } from '../../../src/rules/support/policy-documents.js';

const RANGE = { line: 1, column: 1, endLine: 1, endColumn: 1 };

function text(value: string): Value {
  return { kind: 'string', value, text: value, dynamic: false, range: RANGE };
}

function map(entries: Record<string, Value>): Value {
  return {
    kind: 'map',
    text: '',
    dynamic: false,
    range: RANGE,
    entries: Object.entries(entries).map(([name, value]) => ({ name, value, range: RANGE })),
  };
}

describe('policy documents written as data', () => {
  it('read a key named __proto__ as a key, not as what the statement inherits', () => {
    const entries = [
      { name: 'Effect', value: text('Allow'), range: RANGE },
      { name: 'Principal', value: text('*'), range: RANGE },
      { name: '__proto__', value: map({ Condition: text('x') }), range: RANGE },
    ];
    const statement: Value = { ...map({}), entries };
    const [read] = statementsOf(
      map({ Statement: { ...map({}), kind: 'list', items: [statement] } }),
    );
    expect(read).toBeDefined();
    expect(read?.Condition).toBeUndefined();
    expect(read && allowsAnyone(read)).toBe(true);
  });
});
