import { describe, expect, it } from 'vitest';
import { CATALOG, CATALOG_THEMES } from '../../src/rules/catalog.js';
import { RULES } from '../../src/rules/index.js';

const ROWS_BY_ID = new Map(CATALOG.map((row) => [row.id, row]));

/**
 * Rows a rule claims although they name only some of the rule's languages, and why. The table
 * shows such a rule in the languages the row names; anywhere else, a rule claims a row only if the
 * row applies to every language the rule checks.
 */
const CLAIMS_FOR_SOME_LANGUAGES: Readonly<Record<string, readonly string[]>> = {
  // Literal secrets in a task's `environment:`; the row is about container and cloud
  // environments, which it counts for Ansible only.
  'hard-coded-secret': ['SEC-12'],
  // Host names in rules and lock-out by a default deny: the row counts Ansible and Puppet, whose
  // firewall modules take them; the rule also reads Chef's firewall_rule for open ports.
  'insecure-firewall-rule': ['NET-05', 'NET-06'],
  // A container's user: the row names Ansible's container modules; the rule reads Puppet's
  // docker::run and Chef's docker_container as well.
  'privileged-container': ['CONT-01'],
  // One rule for secrets that reach logs: tasks and ansible.cfg in Ansible (SEC-05, SEC-06),
  // resources not marked sensitive in Puppet and Chef (SEC-07).
  'secret-logged': ['SEC-05', 'SEC-06', 'SEC-07'],
  // `state: latest` everywhere; pip kept at latest is the part of SUP-08 it covers, in Ansible.
  'unpinned-package-version': ['SUP-08'],
};

const claims = RULES.flatMap(({ meta }) => (meta.catalog ?? []).map((id) => ({ meta, id })));

describe('the check catalog', () => {
  it('has 110 rows with unique ids of the form SEC-01', () => {
    expect(CATALOG).toHaveLength(110);
    expect(ROWS_BY_ID.size).toBe(110);
    for (const row of CATALOG) expect(row.id).toMatch(/^[A-Z]+-\d\d$/);
  });

  it('gives each theme one id prefix, in the order of the themes', () => {
    const prefixes = CATALOG_THEMES.map((theme) => {
      const rows = CATALOG.filter((row) => row.theme === theme);
      expect(rows.length, theme).toBeGreaterThan(0);
      return new Set(rows.map((row) => row.id.split('-')[0]));
    });
    for (const prefix of prefixes) expect(prefix.size).toBe(1);
    expect(new Set(prefixes.flatMap((prefix) => [...prefix])).size).toBe(CATALOG_THEMES.length);
  });

  it('keeps titles short', () => {
    for (const row of CATALOG) expect(row.title.length, row.id).toBeLessThanOrEqual(70);
  });

  it('says why exactly for the rows that apply to no language', () => {
    for (const row of CATALOG) {
      expect(new Set(row.languages).size, row.id).toBe(row.languages.length);
      expect(row.notApplicable !== undefined, row.id).toBe(row.languages.length === 0);
    }
  });
});

describe("the rules' catalog claims", () => {
  it('name rows of the catalog, each once per rule', () => {
    for (const { meta, id } of claims) expect(ROWS_BY_ID.has(id), `${meta.id}: ${id}`).toBe(true);
    for (const { meta } of RULES)
      expect(new Set(meta.catalog).size, meta.id).toBe((meta.catalog ?? []).length);
  });

  it('name rows that apply to every language the rule checks', () => {
    for (const { meta, id } of claims) {
      const row = ROWS_BY_ID.get(id);
      if (!row) continue;
      const partial = CLAIMS_FOR_SOME_LANGUAGES[meta.id]?.includes(id) ?? false;
      const outside = meta.languages.filter((language) => !row.languages.includes(language));
      if (partial) expect(outside.length, `${meta.id}: ${id}`).toBeLessThan(meta.languages.length);
      else expect(outside, `${meta.id}: ${id}`).toEqual([]);
    }
  });

  it('list only exceptions that are still needed', () => {
    for (const [ruleId, ids] of Object.entries(CLAIMS_FOR_SOME_LANGUAGES)) {
      const meta = RULES.find((rule) => rule.meta.id === ruleId)?.meta;
      for (const id of ids) {
        const row = ROWS_BY_ID.get(id);
        expect(meta?.catalog, `${ruleId}: ${id}`).toContain(id);
        expect(
          meta?.languages.some((language) => !row?.languages.includes(language)),
          `${ruleId}: ${id}`,
        ).toBe(true);
      }
    }
  });
});
