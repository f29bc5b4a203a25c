import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { createLineLookup, fingerprint, fingerprintAll } from '../../src/engine/fingerprint.js';

const at = (ruleId: string, path: string, line: number): Finding => ({
  ruleId,
  category: 'tls-verification-disabled',
  severity: 'high',
  language: 'ansible',
  path,
  range: { line, column: 1, endLine: line, endColumn: 2 },
  message: 'm',
});

describe('fingerprint', () => {
  it('is the same when the flagged line moves or is re-indented', () => {
    const before = fingerprint(at('r', 'a.yml', 5), '    validate_certs: no');
    expect(fingerprint(at('r', 'a.yml', 42), '\tvalidate_certs:   no  ')).toBe(before);
    expect(before).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with the rule, the file or the line text', () => {
    const base = fingerprint(at('r', 'a.yml', 5), 'validate_certs: no');
    expect(fingerprint(at('other', 'a.yml', 5), 'validate_certs: no')).not.toBe(base);
    expect(fingerprint(at('r', 'b.yml', 5), 'validate_certs: no')).not.toBe(base);
    expect(fingerprint(at('r', 'a.yml', 5), 'validate_certs: false')).not.toBe(base);
  });

  it('numbers identical lines flagged by one rule in one file', () => {
    const source = 'validate_certs: no\nx: 1\n  validate_certs: no\n';
    const lookup = createLineLookup(new Map([['a.yml', source]]));
    const prints = fingerprintAll(
      [at('r', 'a.yml', 1), at('r', 'a.yml', 3), at('r', 'a.yml', 2)],
      (f) => lookup(f.path, f.range.line),
    );
    expect(prints[0]?.replace(/:1$/, '')).toBe(prints[1]?.replace(/:2$/, ''));
    expect(prints.map((print) => print.split(':')[1])).toEqual(['1', '2', '1']);
  });

  it('looks lines up across CRLF files and unknown paths', () => {
    const lookup = createLineLookup(new Map([['w.yml', 'a: 1\r\nb: 2\r\n']]));
    expect(lookup('w.yml', 2)).toBe('b: 2');
    expect(lookup('w.yml', 9)).toBe('');
    expect(lookup('missing.yml', 1)).toBe('');
  });
});
