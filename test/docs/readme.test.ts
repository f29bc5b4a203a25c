import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withCatalog } from '../../scripts/lib/rule-catalog.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('carries the rule catalog and the check coverage generated from the rules (run `npm run docs:rules` after changing a rule or the check catalog)', () => {
    expect(readme).toBe(withCatalog(readme));
  });

  it('gives the two commands of the quick start', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm ci && npm test');
  });
});
