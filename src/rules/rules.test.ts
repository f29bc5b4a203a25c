/**
 * One harness for every rule: each rule's folder holds its docs and, per language it
 * supports, positive fixtures with the lines they must flag (`expected.json`) and negative
 * fixtures that must stay clean. Adding a rule means adding a folder, not test code.
 *
 * `expected.json` maps each positive fixture to what it flags in every profile the rule runs
 * in: a list, or, where profiles differ, one list per profile (`{"security": [3], "glitch":
 * [3, 8]}`). An entry is a line (`12`) or a line and the severity its finding must have
 * (`"12:low"`). Negative fixtures flag nothing in any profile. Fixtures are judged as
 * production code, whatever folder they sit in.
 *
 * Files named `uses-*` are analysed with the fixtures but not scored themselves: the tasks and
 * resources that take a positive fixture's variables, so that a finding reported on a
 * definition can be tested where the definition is.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../engine/analyze.js';
import { isSeverity, type Severity } from '../model/finding.js';
import { LANGUAGES, type Language } from '../model/model.js';
import { defaultPolicy } from '../policy/defaults.js';
import { PROFILES, type Profile } from './profiles.js';
import { isCategory } from './categories.js';
import { RULES } from './index.js';
import { RULE_METAS, ruleMetaById } from './metadata.js';
import { fixtureFiles } from './fixture-files.js';
import type { Rule } from './rule.js';

const RULES_DIR = dirname(fileURLToPath(import.meta.url));
type Expectation = number | string;
type Expected = Record<string, Expectation[] | Partial<Record<Profile, Expectation[]>>>;

const WITH_SEVERITY = /^(\d+):(critical|high|medium|low)$/;

function expectedIn(expected: Expected, name: string, profile: Profile): Expectation[] {
  const entry = expected[name];
  if (entry === undefined) return [];
  return Array.isArray(entry) ? entry : (entry[profile] ?? []);
}

function lineOf(expectation: Expectation): number {
  return typeof expectation === 'number'
    ? expectation
    : Number(WITH_SEVERITY.exec(expectation)?.[1]);
}

/**
 * The fixtures of one rule in one language are analysed together, as one checkout: a role's
 * defaults are read with its tasks, a module's Hiera data with its manifests.
 */
const fixtureRuns = new Map<string, ReturnType<typeof analyze>>();

function analyseFixtures(
  rule: Rule,
  language: Language,
  profile: Profile,
): ReturnType<typeof analyze> {
  const key = `${rule.meta.id}:${language}:${profile}`;
  let run = fixtureRuns.get(key);
  if (!run) {
    const base = defaultPolicy();
    const policy = {
      ...base,
      profile,
      testCode: 'production' as const,
      // an opt-in rule is tested as a policy that turns it on sees it
      rules: rule.meta.optIn ? { ...base.rules, [rule.meta.id]: { enabled: true } } : base.rules,
    };
    const files = fixtureFiles(join(RULES_DIR, rule.meta.id, 'fixtures', language)).map((file) => ({
      path: relative(RULES_DIR, file),
      content: readFileSync(file, 'utf8'),
    }));
    fixtureRuns.set(key, (run = analyze(files, { language, rules: [rule], policy })));
  }
  return run;
}

/** `line:severity` for every finding, one per line (rules report at most one per line). */
async function flagged(
  rule: Rule,
  language: Language,
  path: string,
  profile: Profile,
): Promise<Map<number, Severity>> {
  const result = await analyseFixtures(rule, language, profile);
  expect(result.errors).toEqual([]);
  const inFile = result.findings.filter((finding) => finding.path === relative(RULES_DIR, path));
  return new Map(inFile.map((finding) => [finding.range.line, finding.severity]));
}

async function flaggedLines(
  rule: Rule,
  language: Language,
  path: string,
  profile: Profile,
): Promise<number[]> {
  return [...(await flagged(rule, language, path, profile)).keys()].sort((a, b) => a - b);
}

describe('rule catalog', () => {
  it('has unique, readable ids that match their folders', () => {
    const ids = RULES.map((rule) => rule.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(existsSync(join(RULES_DIR, id, 'rule.ts'))).toBe(true);
      expect(existsSync(join(RULES_DIR, id, 'meta.ts'))).toBe(true);
    }
  });

  it('registers every rule folder', () => {
    const folders = readdirSync(RULES_DIR).filter((entry) =>
      existsSync(join(RULES_DIR, entry, 'rule.ts')),
    );
    expect(folders.sort()).toEqual(RULES.map((rule) => rule.meta.id).sort());
  });

  it('is sorted by id', () => {
    const ids = RULES.map((rule) => rule.meta.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('lists the metadata of every rule, in the same order, without the code', () => {
    expect(RULE_METAS).toHaveLength(RULES.length);
    RULES.forEach((rule, index) => expect(RULE_METAS[index]).toBe(rule.meta));
    for (const { id } of RULE_METAS) expect(ruleMetaById(id)?.id).toBe(id);
    expect(ruleMetaById('no-such-rule')).toBeUndefined();
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
    expect(readme.split('\n')[2]).toBe(
      `**${rule.meta.title}** · severity ${rule.meta.severity} · ${rule.meta.cwe}`,
    );
    expect(readme).toContain('## Flags');
    expect(readme).toContain('## Does not flag');
    expect(readme).toContain('## Fix');
  });

  const profiles = rule.meta.profiles ?? PROFILES;

  describe.each(rule.meta.languages.map((language) => [language] as const))('in %s', (language) => {
    const dir = join(folder, 'fixtures', language);
    const files = fixtureFiles(dir);
    const expectedPath = join(dir, 'expected.json');
    const expected = existsSync(expectedPath)
      ? (JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected)
      : {};
    const positives = files.filter((file) => file.split('/').at(-1)?.startsWith('positive'));
    const negatives = files.filter((file) => file.split('/').at(-1)?.startsWith('negative'));

    it('has positive and negative fixtures', () => {
      expect(positives.length).toBeGreaterThan(0);
      expect(negatives.length).toBeGreaterThan(0);
      expect(Object.keys(expected).sort()).toEqual(
        positives.map((file) => relative(dir, file)).sort(),
      );
      for (const name of Object.keys(expected)) {
        const entry = expected[name];
        if (entry && !Array.isArray(entry))
          expect(Object.keys(entry).sort()).toEqual([...profiles].sort());
        expect(profiles.some((profile) => expectedIn(expected, name, profile).length > 0)).toBe(
          true,
        );
        for (const profile of profiles)
          for (const expectation of expectedIn(expected, name, profile))
            expect(typeof expectation === 'number' || WITH_SEVERITY.test(expectation)).toBe(true);
      }
    });

    describe.each(profiles.map((profile) => [profile] as const))('in the %s profile', (profile) => {
      it.each(positives.map((file) => [relative(dir, file), file] as const))(
        'flags exactly the expected lines of %s',
        async (name, file) => {
          const expectations = expectedIn(expected, name, profile);
          const found = await flagged(rule, language, file, profile);
          expect([...found.keys()].sort((a, b) => a - b)).toEqual(expectations.map(lineOf));
          for (const expectation of expectations.filter(
            (item): item is string => typeof item === 'string',
          )) {
            const [, line, severity] = WITH_SEVERITY.exec(expectation) ?? [];
            expect(`${line}:${found.get(Number(line))}`).toBe(`${line}:${severity}`);
          }
        },
      );

      it.each(negatives.map((file) => [relative(dir, file), file] as const))(
        'flags nothing in %s',
        async (_name, file) => {
          expect(await flaggedLines(rule, language, file, profile)).toEqual([]);
        },
      );
    });

    it
      .runIf(profiles.length > 1)
      .each(positives.map((file) => [relative(dir, file), file] as const))(
      'reports in the glitch profile every line the security profile reports in %s',
      async (_name, file) => {
        const security = await flaggedLines(rule, language, file, 'security');
        const glitch = await flaggedLines(rule, language, file, 'glitch');
        expect(security.filter((line) => !glitch.includes(line))).toEqual([]);
      },
    );
  });
});
