import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze.js';
import { buildPolicy } from '../../src/policy/build-policy.js';

const TASKS = {
  path: 'roles/web/tasks/main.yml',
  content:
    '- name: fetch\n  ansible.builtin.get_url:\n    url: https://example.com/a.tgz\n    dest: /tmp/a.tgz\n    validate_certs: no\n',
};
const REMAP = 'paths:\n  languages:\n    puppet: ["roles/**"]\n';

async function ruleIds(org: string | undefined, repo: string | undefined): Promise<string[]> {
  const { policy, errors } = buildPolicy({
    ...(org ? { org: { source: 'org', text: org } } : {}),
    ...(repo ? { repo: { source: '.security.yml', text: repo } } : {}),
  });
  expect(errors).toEqual([]);
  const result = await analyze([TASKS], { policy });
  expect(result.errors).toEqual([]);
  return result.findings.map((finding) => finding.ruleId);
}

describe('a repository that remaps a file to another language', () => {
  it('changes how the rules it may configure read the file', async () => {
    expect(await ruleIds(undefined, undefined)).toEqual([
      'missing-integrity-check',
      'predictable-temp-file',
      'tls-verification-disabled',
    ]);
    // Read as Hiera data the task is only variables: nothing downloads, so no integrity check is missing.
    expect(await ruleIds(undefined, REMAP)).toEqual(['tls-verification-disabled']);
  });

  it('cannot silence a rule the org locked: locked rules read the file as the org does', async () => {
    const org = 'locked:\n  rules: [missing-integrity-check]\n';
    expect(await ruleIds(org, REMAP)).toEqual([
      'missing-integrity-check',
      'tls-verification-disabled',
    ]);
  });

  it("leaves locked rules to the org layer's own mapping", async () => {
    const org = `${REMAP}locked:\n  rules: [missing-integrity-check]\n`;
    expect(await ruleIds(org, undefined)).toEqual(['tls-verification-disabled']);
  });
});
