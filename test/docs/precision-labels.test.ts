import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { describeWithSharedCorpus, SHARED_CORPUS } from '../support/shared-corpus.js';

interface Label {
  project: string;
  path: string;
  line: number;
  rule: string;
  verdict: string;
  reason: string;
}

const labels = JSON.parse(
  readFileSync(new URL('../../docs/precision/labels.json', import.meta.url), 'utf8'),
) as Label[];
const RULE_IDS = new Set(RULES.map((rule) => rule.meta.id));

describe('the precision judgements (docs/precision/labels.json)', () => {
  it('judge each finding once, with a verdict and a reason', () => {
    expect(labels.length).toBeGreaterThanOrEqual(150);
    const keys = labels.map(
      (label) => `${label.project}:${label.path}:${label.line}:${label.rule}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
    for (const label of labels) {
      expect(['worth', 'noise', 'wrong']).toContain(label.verdict);
      expect(RULE_IDS.has(label.rule), label.rule).toBe(true);
      expect(label.reason.trim().length).toBeGreaterThan(10);
      expect(label.project).toMatch(/^(ansible|puppet|chef)\/[\w.-]+$/);
      expect(Number.isInteger(label.line) && label.line > 0).toBe(true);
    }
  });
});

describeWithSharedCorpus('the precision judgements against the real corpora', () => {
  it('point at lines that exist', () => {
    for (const label of labels) {
      const file = join(SHARED_CORPUS, 'real', label.project, label.path);
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file, 'utf8').split('\n').length).toBeGreaterThanOrEqual(label.line);
    }
  });
});
