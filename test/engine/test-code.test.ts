import { describe, expect, it } from 'vitest';
import { analyze, reachesThreshold } from '../../src/engine/analyze.js';
import { isOpen } from '../../src/model/finding.js';
import { testCodeLanguage } from '../../src/engine/detect-language.js';
import { isTestCode } from '../../src/languages/test-code.js';
import { defaultPolicy } from '../../src/policy/defaults.js';
import type { TestCodeHandling } from '../../src/policy/types.js';

const SECRET = 'db_password: hunter2hunter2\n';
const RECIPE = "user 'deploy' do\n  password ''\nend\n";

function policy(testCode: TestCodeHandling) {
  return { ...defaultPolicy(), testCode };
}

describe('which files are test code', () => {
  it.each([
    'molecule/default/converge.yml',
    'roles/web/molecule/default/prepare.yml',
    'roles/web/tests/test.yml',
    'spec/fixtures/modules/app/manifests/init.pp',
    'tests/init.pp',
    'examples/server.pp',
    'docs/examples/playbook.yml',
    'test/cookbooks/test/recipes/default.rb',
    'inventory/sample/group_vars/all.yml',
    'ci/kitchen-tests/site.yml',
    'test_playbooks/deploy.yml',
  ])('%s is', (path) => {
    expect(isTestCode(path)).toBe(true);
  });

  it.each([
    'roles/web/tasks/main.yml',
    'roles/contest/tasks/main.yml',
    'manifests/testing_tool.pp',
    'latest/site.yml',
    'roles/attestation/vars/main.yml',
    'recipes/spec_helper.rb',
  ])('%s is not', (path) => {
    expect(isTestCode(path)).toBe(false);
  });

  it('reads the cookbooks kept under test folders as Chef, and not the Ruby tests themselves', () => {
    expect(testCodeLanguage('test/fixtures/cookbooks/test/recipes/default.rb', RECIPE)).toBe(
      'chef',
    );
    expect(testCodeLanguage('test/cookbooks/app_test/metadata.rb', "name 'app_test'\n")).toBe(
      'chef',
    );
    expect(
      testCodeLanguage('spec/unit/recipes/default_spec.rb', "describe 'app::default' do\nend\n"),
    ).toBeUndefined();
    expect(
      testCodeLanguage('test/integration/default/controls/default.rb', "control 'x' do\nend\n"),
    ).toBeUndefined();
    expect(testCodeLanguage('cookbooks/app/recipes/default.rb', RECIPE)).toBeUndefined();
  });
});

describe('test_code: report (the default)', () => {
  it('reports findings in test code apart: low, marked, with the reason, and outside the verdict', async () => {
    const result = await analyze([
      { path: 'molecule/default/group_vars/all.yml', content: SECRET },
      { path: 'group_vars/all.yml', content: SECRET },
    ]);
    const [inTest, inProduction] = [...result.findings].sort(
      (a, b) => b.path.length - a.path.length,
    );
    expect(inTest).toMatchObject({
      path: 'molecule/default/group_vars/all.yml',
      ruleId: 'hard-coded-secret',
      severity: 'low',
      context: 'test',
    });
    expect(inTest?.justification).toMatch(/test or example code/);
    expect(inProduction).toMatchObject({ path: 'group_vars/all.yml', severity: 'high' });
    expect(inProduction?.context).toBeUndefined();
    expect(isOpen(inTest!)).toBe(false);
    expect(reachesThreshold([inTest!], 'low')).toBe(false);
    expect(reachesThreshold([inProduction!], 'high')).toBe(true);
  });

  it('analyses the recipes of a test cookbook, and not ChefSpec or InSpec files', async () => {
    const result = await analyze([
      { path: 'test/fixtures/cookbooks/test/recipes/default.rb', content: RECIPE },
      {
        path: 'spec/unit/recipes/default_spec.rb',
        content: "describe 'app::default' do\n  password ''\nend\n",
      },
      {
        path: 'test/integration/default/controls/default.rb',
        content: "control 'x' do\n  password ''\nend\n",
      },
    ]);
    expect(result.analyzed).toEqual([
      { path: 'test/fixtures/cookbooks/test/recipes/default.rb', language: 'chef' },
    ]);
    expect(result.findings.map((finding) => `${finding.ruleId} ${finding.context}`)).toEqual([
      'empty-password test',
    ]);
  });

  it('turns a test file it cannot analyse into a notice, not an error that fails closed', async () => {
    const result = await analyze([
      { path: 'roles/web/tests/broken.yml', content: '- name: x\n  shell: [unclosed\n' },
    ]);
    expect(result.errors).toEqual([]);
    expect(result.notices).toEqual([
      expect.objectContaining({
        path: 'roles/web/tests/broken.yml',
        message: expect.stringMatching(
          /^not analysed \(test code, outside the verdict\): /,
        ) as unknown,
      }),
    ]);
  });

  it('keeps no model of test code, so that it touches no security surface', async () => {
    const result = await analyze(
      [
        {
          path: 'molecule/default/converge.yml',
          content: '- hosts: all\n  become: true\n  tasks: []\n',
        },
      ],
      { keepModels: true },
    );
    expect([...(result.models?.keys() ?? [])]).toEqual([]);
    const judged = await analyze(
      [
        {
          path: 'molecule/default/converge.yml',
          content: '- hosts: all\n  become: true\n  tasks: []\n',
        },
      ],
      { keepModels: true, policy: policy('production') },
    );
    expect([...(judged.models?.keys() ?? [])]).toEqual(['molecule/default/converge.yml']);
  });

  it('still applies inline suppressions to test code, which keep their own justification', async () => {
    const content =
      '# posture:ignore hard-coded-secret -- throwaway CI database\ndb_password: hunter2hunter2\n';
    const [finding] = (await analyze([{ path: 'molecule/default/group_vars/all.yml', content }]))
      .findings;
    expect(finding).toMatchObject({
      status: 'suppressed',
      context: 'test',
      justification: 'suppressed inline: throwaway CI database',
    });
  });
});

describe('test_code: ignore and production', () => {
  it('ignore: test code is not analysed at all', async () => {
    const result = await analyze(
      [{ path: 'molecule/default/group_vars/all.yml', content: SECRET }],
      { policy: policy('ignore') },
    );
    expect(result.analyzed).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  it('production: test code is judged like any other code', async () => {
    const result = await analyze(
      [{ path: 'molecule/default/group_vars/all.yml', content: SECRET }],
      { policy: policy('production') },
    );
    expect(result.findings).toEqual([
      expect.objectContaining({ ruleId: 'hard-coded-secret', severity: 'high' }),
    ]);
    expect(result.findings[0]?.context).toBeUndefined();
    expect(reachesThreshold(result.findings, 'high')).toBe(true);
  });
});
