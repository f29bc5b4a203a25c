/**
 * An invalid policy layer does what it does in the app: the valid layers still judge the code,
 * the errors are shown where they are, and the run does not pass.
 */
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/json.js';
import { runCaptured } from './support/run-captured.js';
import { tempTree } from './support/temp-tree.js';

const TREE = {
  'org.yml':
    'fail_on: medium\nrules:\n  hard-coded-secret: critical\nlocked:\n  rules: [hard-coded-secret]\n',
  '.security.yml': 'rules:\n  hard-coded-secret: off\n  http-without-tls: off\n',
  'group_vars/all.yml': 'db_password: hunter2hunter2\napi_url: http://api.example.com/v1\n',
};

const LOCK_ERROR =
  '.security.yml:2: rules.hard-coded-secret: hard-coded-secret is locked by the org policy; a repository cannot turn it off';

describe('posture scan with an org lock the repository policy breaks', () => {
  it('reports the findings of the valid layers with the located errors, and exits 2', async () => {
    const cwd = await tempTree(TREE);
    const run = await runCaptured(
      ['scan', '--org-config', 'org.yml', '--config', '.security.yml', '--format', 'json'],
      cwd,
    );
    expect(run.exitCode).toBe(2);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.map((finding) => `${finding.ruleId} ${finding.severity}`)).toEqual([
      'hard-coded-secret critical',
    ]);
    expect(report.policyErrors).toEqual([
      {
        path: '.security.yml',
        line: 2,
        key: 'rules.hard-coded-secret',
        message: 'hard-coded-secret is locked by the org policy; a repository cannot turn it off',
      },
    ]);
    expect(report.policies).toEqual([
      { layer: 'org', path: 'org.yml' },
      { layer: 'repository', path: '.security.yml' },
    ]);
    expect(run.stderr).toBe(
      `posture: the policy is invalid, so the scan exits 2; the findings come from its valid layers only\n${LOCK_ERROR}\n`,
    );
  });

  it('shows the errors in the text report, under the policy file, without repeating them on stderr', async () => {
    const cwd = await tempTree(TREE);
    const run = await runCaptured(['scan', '--org-config', 'org.yml'], cwd);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      '.security.yml\n  2  error  policy  rules.hard-coded-secret: hard-coded-secret is locked by the org policy; a repository cannot turn it off\n',
    );
    expect(run.stdout).toContain('critical  hard-coded-secret');
    expect(run.stdout).toContain(
      "Policy: .security.yml over the org policy org.yml over Posture's defaults\n",
    );
  });
});
