import { describe, expect, it } from 'vitest';
import { diffFindings, fingerprintHash } from '../../src/engine/diff-findings.js';
import { createLineLookup } from '../../src/engine/fingerprint.js';
import { makeFinding } from '../support/findings.js';

const PATH = 'roles/web/tasks/main.yml';
const lookup = (text: string) => createLineLookup(new Map([[PATH, text]]));
const at = (line: number, ruleId = 'pipe-to-shell') =>
  makeFinding({ line, ruleId, category: ruleId });
const lines = (diff: ReturnType<typeof diffFindings>) => ({
  added: diff.added.map((item) => item.finding.range.line),
  existing: diff.existing.map((item) => item.finding.range.line),
  fixed: diff.fixed.map((item) => item.finding.range.line),
});

describe('diffFindings', () => {
  it('keeps a finding that moved to another line existing, whatever its new line number', () => {
    const base = 'a: 1\n  shell: curl x | sh\n';
    const head = 'a: 1\nb: 2\nc: 3\n    shell: curl x | sh\n';
    const diff = diffFindings({
      base: [at(2)],
      head: [at(4)],
      baseLineText: lookup(base),
      headLineText: lookup(head),
    });
    expect(lines(diff)).toEqual({ added: [], existing: [4], fixed: [] });
    expect(diff.existing[0]?.fingerprint).toMatch(/^[0-9a-f]{64}:1$/);
  });

  it('tells added findings from fixed ones by the text they flag', () => {
    const base = 'shell: curl old | sh\n';
    const head = 'shell: curl new | sh\n';
    const diff = diffFindings({
      base: [at(1)],
      head: [at(1)],
      baseLineText: lookup(base),
      headLineText: lookup(head),
    });
    expect(lines(diff)).toEqual({ added: [1], existing: [], fixed: [1] });
  });

  it('matches by rule as well as text', () => {
    const text = 'url: http://x validate_certs=no\n';
    const diff = diffFindings({
      base: [at(1, 'http-without-tls')],
      head: [at(1, 'http-without-tls'), at(1, 'tls-verification-disabled')],
      baseLineText: lookup(text),
      headLineText: lookup(text),
    });
    expect(diff.added.map((item) => item.finding.ruleId)).toEqual(['tls-verification-disabled']);
    expect(diff.existing.map((item) => item.finding.ruleId)).toEqual(['http-without-tls']);
  });

  it('counts repeats of one line: a second copy is added, and the copy the change wrote is the added one', () => {
    const base = 'shell: curl x | sh\n';
    const head = 'shell: curl x | sh\nshell: curl x | sh\n';
    const written = diffFindings({
      base: [at(1)],
      head: [at(1), at(2)],
      baseLineText: lookup(base),
      headLineText: lookup(head),
      isWrittenByChange: (finding) => finding.range.line === 1,
    });
    expect(lines(written)).toEqual({ added: [1], existing: [2], fixed: [] });
    const unknown = diffFindings({
      base: [at(1)],
      head: [at(1), at(2)],
      baseLineText: lookup(base),
      headLineText: lookup(head),
    });
    expect(lines(unknown)).toEqual({ added: [2], existing: [1], fixed: [] });
  });

  it('credits one fix when one of two identical findings goes', () => {
    const base = 'shell: curl x | sh\nshell: curl x | sh\n';
    const head = 'shell: curl x | sh\n';
    const diff = diffFindings({
      base: [at(1), at(2)],
      head: [at(1)],
      baseLineText: lookup(base),
      headLineText: lookup(head),
    });
    expect(lines(diff)).toEqual({ added: [], existing: [1], fixed: [2] });
    expect(fingerprintHash(diff.fixed[0]?.fingerprint ?? '')).toBe(
      fingerprintHash(diff.existing[0]?.fingerprint ?? 'x'),
    );
  });
});
