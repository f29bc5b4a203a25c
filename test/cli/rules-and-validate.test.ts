/**
 * `posture rules` and `posture config validate` take the options their help lists, and do
 * with them what `posture scan` does: the same policy files, found the same way.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCaptured } from './support/run-captured.js';
import { tempTree } from './support/temp-tree.js';
import {
  CUSTOM_RULE_POLICY,
  TEST_RULES,
  TEST_TLS_RULE,
  TEST_TODO_RULE,
} from './support/test-rules.js';

describe('posture rules with a policy', () => {
  it('lists the rules at the severities the policy gives them, with its custom rules, rules it turns off and locks', async () => {
    const cwd = await tempTree({
      'org.yml': 'locked:\n  rules: [suspicious-comment]\n',
      'policy.yml': `categories:\n  tls-verification-disabled: critical\n${CUSTOM_RULE_POLICY}`,
    });
    const run = await runCaptured(['rules', '-c', 'policy.yml', '--org-config', 'org.yml'], cwd, {
      rules: TEST_RULES,
    });
    expect(run).toMatchObject({ exitCode: 0, stderr: '' });
    expect(run.stdout).toBe(
      [
        'ID                  SEVERITY  CATEGORY                   TITLE                             POLICY',
        'test-tls-off        critical  tls-verification-disabled  Test: certificate validation off  default high',
        'no-latest-packages  medium    missing-integrity-check    Pin package versions              custom rule from policy.yml',
        'test-todo-comment   low       suspicious-comment         Test: TODO comment                locked by the org',
        '3 rules',
        "Policy: policy.yml over the org policy org.yml over Posture's defaults",
        '',
      ].join('\n'),
    );
  });

  it('finds .security.yml as scan does, and shows rules turned off', async () => {
    const root = await tempTree({
      '.security.yml': 'categories:\n  suspicious-comment: off\n',
      'roles/web/tasks/.keep': '',
    });
    await mkdir(path.join(root, '.git'));
    const run = await runCaptured(['rules', '--format', 'json'], path.join(root, 'roles', 'web'), {
      rules: TEST_RULES,
    });
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({
        id: 'test-tls-off',
        severity: 'high',
        enabled: true,
        locked: false,
      }),
      expect.objectContaining({
        id: 'test-todo-comment',
        severity: 'low',
        defaultSeverity: 'low',
        enabled: false,
      }),
    ]);
    const text = await runCaptured(['rules'], path.join(root, 'roles'), { rules: TEST_RULES });
    expect(text.stdout).toContain('test-todo-comment  off ');
    expect(text.stdout).toContain(
      "2 rules, 1 off\nPolicy: ../.security.yml over Posture's defaults\n",
    );
  });

  it('lists an opt-in rule as off until the policy turns it on', async () => {
    const optIn = { ...TEST_TODO_RULE, meta: { ...TEST_TODO_RULE.meta, optIn: true } };
    const enabledOf = async (tree: Record<string, string>) => {
      const run = await runCaptured(['rules', '--format', 'json'], await tempTree(tree), {
        rules: [TEST_TLS_RULE, optIn],
      });
      const listed = JSON.parse(run.stdout) as Array<{ id: string; enabled: boolean }>;
      return listed.find((rule) => rule.id === optIn.meta.id)?.enabled;
    };
    expect(await enabledOf({})).toBe(false);
    expect(await enabledOf({ '.security.yml': 'categories:\n  suspicious-comment: on\n' })).toBe(
      true,
    );
  });

  it('exits 2 for an invalid policy, listing the rules as its valid layers set them', async () => {
    const cwd = await tempTree({ 'policy.yml': 'fail_on: often\n' });
    const run = await runCaptured(['rules', '-c', 'policy.yml'], cwd, { rules: TEST_RULES });
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toContain('2 rules\n');
    expect(run.stderr).toBe(
      'posture: the policy is invalid; the rules are listed as its valid layers set them\npolicy.yml:1: fail_on: expected one of critical, high, medium, low, none\n',
    );
  });
});

describe('posture config validate', () => {
  it('prints JSON with --format json', async () => {
    const cwd = await tempTree({ 'good.yml': 'fail_on: medium\n', 'bad.yml': 'fail_on: hihg\n' });
    const good = await runCaptured(['config', 'validate', 'good.yml', '--format', 'json'], cwd);
    expect(good.exitCode).toBe(0);
    expect(JSON.parse(good.stdout)).toEqual({ file: 'good.yml', valid: true, errors: [] });
    const bad = await runCaptured(['config', 'validate', '-c', 'bad.yml', '-f', 'json'], cwd);
    expect(bad.exitCode).toBe(1);
    expect(JSON.parse(bad.stdout)).toEqual({
      file: 'bad.yml',
      valid: false,
      errors: [
        {
          path: 'bad.yml',
          line: 1,
          key: 'fail_on',
          message: 'expected one of critical, high, medium, low, none',
        },
      ],
    });
  });

  it('checks the policy at the repository root from a sub-folder', async () => {
    const root = await tempTree({
      '.security.yml': 'fail_on: medium\n',
      'roles/web/tasks/.keep': '',
    });
    await mkdir(path.join(root, '.git'));
    expect(await runCaptured(['config', 'validate'], path.join(root, 'roles', 'web'))).toEqual({
      exitCode: 0,
      stdout: '../../.security.yml: valid\n',
      stderr: '',
    });
  });

  it('says so when there is no policy to check', async () => {
    const root = await tempTree({});
    await mkdir(path.join(root, '.git'));
    expect(await runCaptured(['config', 'validate'], root)).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        'posture: no .security.yml between the current directory and the repository root; name the file to check\n',
    });
  });
});
