import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/json.js';
import { runCaptured } from './support/run-captured.js';
import { tempTree } from './support/temp-tree.js';

const SECRET = { 'group_vars/all.yml': 'db_password: hunter2hunter2\n' };

describe('posture config validate', () => {
  it('says a valid file is valid', async () => {
    const cwd = await tempTree({ '.security.yml': 'fail_on: medium\n' });
    expect(await runCaptured(['config', 'validate'], cwd)).toEqual({
      exitCode: 0,
      stdout: '.security.yml: valid\n',
      stderr: '',
    });
  });

  it('prints every problem with its line, as the check run does, and exits 1', async () => {
    const cwd = await tempTree({
      'policy.yml': 'fail_on: hihg\nrules:\n  hardcoded-secret: off\n',
    });
    const run = await runCaptured(['config', 'validate', 'policy.yml'], cwd);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe(
      'policy.yml:1: fail_on: expected one of critical, high, medium, low, none\n',
    );
  });

  it('checks a repository file against the org file it would be layered on', async () => {
    const cwd = await tempTree({
      'org.yml': 'locked:\n  rules: [hard-coded-secret]\n',
      '.security.yml': 'rules:\n  hard-coded-secret: off\n',
    });
    const run = await runCaptured(['config', 'validate', '--org-config', 'org.yml'], cwd);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe(
      '.security.yml:2: rules.hard-coded-secret: hard-coded-secret is locked by the org policy; a repository cannot turn it off\n',
    );
  });

  it('accepts locks in an org file checked with --org', async () => {
    const cwd = await tempTree({ 'org.yml': 'locked:\n  rules: [hard-coded-secret]\n' });
    expect((await runCaptured(['config', 'validate', 'org.yml', '--org'], cwd)).exitCode).toBe(0);
  });
});

describe('posture scan with a policy', () => {
  it('reads .security.yml from the scanned directory', async () => {
    const cwd = await tempTree({
      ...SECRET,
      '.security.yml': 'rules:\n  hard-coded-secret: off\n',
    });
    const run = await runCaptured(['scan', '--format', 'json'], cwd);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      findings: [],
      errors: [],
      policies: [{ layer: 'repository', path: '.security.yml' }],
    });
  });

  it('takes the threshold from the policy unless --fail-on is given', async () => {
    const cwd = await tempTree({
      'vars/main.yml': 'api: http://api.example.com\n',
      '.security.yml': 'fail_on: medium\n',
    });
    expect((await runCaptured(['scan'], cwd)).exitCode).toBe(1);
    expect((await runCaptured(['scan', '--fail-on', 'high'], cwd)).exitCode).toBe(0);
  });

  it('shows waived findings as waived, and they do not fail the scan', async () => {
    const policy =
      'waivers:\n  - rule: hard-coded-secret\n    path: group_vars/all.yml\n    reason: throwaway test database\n    expires: 2999-01-01\n    approved_by: alice\n';
    const cwd = await tempTree({ ...SECRET, '.security.yml': policy });
    const run = await runCaptured(['scan', '--format', 'json'], cwd);
    expect(run.exitCode).toBe(0);
    expect((JSON.parse(run.stdout) as JsonReport).findings[0]).toMatchObject({
      ruleId: 'hard-coded-secret',
      status: 'waived',
      justification: 'waived by alice until 2999-01-01: throwaway test database',
    });
  });

  it('reports the findings of the valid layers of an invalid policy, with the located errors, and exits 2', async () => {
    const cwd = await tempTree({ ...SECRET, 'strict.yml': 'fail_on: often\n' });
    const run = await runCaptured(['scan', '--config', 'strict.yml', '--format', 'json'], cwd);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(
      'posture: the policy is invalid, so the scan exits 2; the findings come from its valid layers only\nstrict.yml:1: fail_on: expected one of critical, high, medium, low, none\n',
    );
    const report = JSON.parse(run.stdout) as {
      findings: { ruleId: string }[];
      policyErrors: unknown[];
    };
    expect(report.findings.map((finding) => finding.ruleId)).toEqual(['hard-coded-secret']);
    expect(report.policyErrors).toEqual([
      {
        path: 'strict.yml',
        line: 1,
        key: 'fail_on',
        message: 'expected one of critical, high, medium, low, none',
      },
    ]);
  });
});
