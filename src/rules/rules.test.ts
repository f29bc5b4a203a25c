/**
 * One harness for every rule: each rule's folder holds its docs and, per language it
 * supports, positive fixtures with the lines they must flag (`expected.json`) and negative
 * fixtures that must stay clean. Adding a rule means adding a folder, not test code.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../engine/analyze.js';
import { isSeverity } from '../engine/finding.js';
import { LANGUAGES } from '../engine/model.js';
import { isCategory } from './categories.js';
import { RULES } from './index.js';
import type { Rule } from './rule.js';

const RULES_DIR = dirname(fileURLToPath(import.meta.url));
const FIXTURE_FILE = /^(positive|negative)[\w-]*\.(ya?ml|pp|rb)$/;

function fixtureFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return fixtureFiles(path);
    return FIXTURE_FILE.test(entry) ? [path] : [];
  });
}

async function flaggedLines(rule: Rule, language: (typeof LANGUAGES)[number], path: string): Promise<number[]> {
  const result = await analyze([{ path: relative(RULES_DIR, path), content: readFileSync(path, 'utf8') }], { language, rules: [rule] });
  expect(result.errors).toEqual([]);
  return [...new Set(result.findings.map((finding) => finding.range.line))].sort((a, b) => a - b);
}

describe('rule catalog', () => {
  it('has unique, readable ids that match their folders', () => {
    const ids = RULES.map((rule) => rule.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(existsSync(join(RULES_DIR, id, 'rule.ts'))).toBe(true);
    }
  });

  it('registers every rule folder', () => {
    const folders = readdirSync(RULES_DIR).filter((entry) => existsSync(join(RULES_DIR, entry, 'rule.ts')));
    expect(folders.sort()).toEqual(RULES.map((rule) => rule.meta.id).sort());
  });

  it('is sorted by id', () => {
    const ids = RULES.map((rule) => rule.meta.id);
    expect(ids).toEqual([...ids].sort());
  });
});

describe.each(RULES.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
  const folder = join(RULES_DIR, id);

  it('has complete metadata', () => {
    const { meta } = rule;
    expect(meta.title.length).toBeGreaterThan(5);
    expect(isSeverity(meta.severity)).toBe(true);
    expect(isCategory(meta.category)).toBe(true);
    expect(meta.languages.length).toBeGreaterThan(0);
    for (const language of meta.languages) expect(LANGUAGES).toContain(language);
    expect(meta.description.length).toBeGreaterThan(60);
    expect(meta.remediation.length).toBeGreaterThan(40);
    expect(meta.cwe).toMatch(/^CWE-\d+$/);
  });

  it('has a README with its title and examples', () => {
    const readme = readFileSync(join(folder, 'README.md'), 'utf8');
    expect(readme.startsWith(`# ${id}\n`)).toBe(true);
    expect(readme.split('\n')[2]).toBe(`**${rule.meta.title}** · severity ${rule.meta.severity} · ${rule.meta.cwe}`);
    expect(readme).toContain('## Flags');
    expect(readme).toContain('## Does not flag');
    expect(readme).toContain('## Fix');
  });

  describe.each(rule.meta.languages.map((language) => [language] as const))('in %s', (language) => {
    const dir = join(folder, 'fixtures', language);
    const files = fixtureFiles(dir);
    const expectedPath = join(dir, 'expected.json');
    const expected = existsSync(expectedPath) ? (JSON.parse(readFileSync(expectedPath, 'utf8')) as Record<string, number[]>) : {};
    const positives = files.filter((file) => file.split('/').at(-1)?.startsWith('positive'));
    const negatives = files.filter((file) => file.split('/').at(-1)?.startsWith('negative'));

    it('has positive and negative fixtures', () => {
      expect(positives.length).toBeGreaterThan(0);
      expect(negatives.length).toBeGreaterThan(0);
      expect(Object.keys(expected).sort()).toEqual(positives.map((file) => relative(dir, file)).sort());
    });

    it.each(positives.map((file) => [relative(dir, file), file] as const))('flags exactly the expected lines of %s', async (name, file) => {
      const lines = expected[name] ?? [];
      expect(lines.length).toBeGreaterThan(0);
      expect(await flaggedLines(rule, language, file)).toEqual(lines);
    });

    it.each(negatives.map((file) => [relative(dir, file), file] as const))('flags nothing in %s', async (_name, file) => {
      expect(await flaggedLines(rule, language, file)).toEqual([]);
    });
  });
});
