import { describe, expect, it } from 'vitest';
import { lookupTable, lookupTables } from '../../src/shared/lookup-table.js';

describe('lookupTable', () => {
  it('answers the names it lists and nothing else, inherited names included', () => {
    const table = lookupTable({ curl: 'k', wget: 'no-check' });
    expect(table.curl).toBe('k');
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty'])
      expect(table[name]).toBeUndefined();
    expect(Object.keys(table)).toEqual(['curl', 'wget']);
    expect(Object.isFrozen(table)).toBe(true);
  });

  it('makes each inner table of a table of tables the same way, and the outer one too', () => {
    const tables = lookupTables({ ansible: { command: ['cmd'] } });
    expect(tables.ansible?.command).toEqual(['cmd']);
    expect(tables.ansible?.['constructor']).toBeUndefined();
    expect((tables as Record<string, unknown>)['constructor']).toBeUndefined();
  });
});
