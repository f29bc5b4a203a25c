import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/json.js';
import { runCaptured } from './support/run-captured.js';
import { INSECURE_DOWNLOAD, tempTree } from './support/temp-tree.js';
import {
  CUSTOM_RULE_POLICY,
  TEST_RULES,
  TEST_TLS_RULE,
  TEST_TODO_RULE,
} from './support/test-rules.js';

const TREE = {
  'roles/web/tasks/main.yml': `${INSECURE_DOWNLOAD}# TODO: pin it\n- name: latest nginx\n  package:\n    name: nginx\n    state: latest\n`,
  '.security.yml': CUSTOM_RULE_POLICY,
};

async function rulesReported(...args: string[]): Promise<string[]> {
  const run = await runCaptured(['scan', '--format', 'json', ...args], await tempTree(TREE), {
    rules: TEST_RULES,
  });
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as JsonReport).findings.map((finding) => finding.ruleId);
}

describe('posture scan --rule and --skip-rule', () => {
  it('runs every rule, custom ones included, by default', async () => {
    expect(await rulesReported()).toEqual([
      'test-tls-off',
      'test-todo-comment',
      'no-latest-packages',
    ]);
  });

  it('runs only the rules or categories named with --rule', async () => {
    expect(await rulesReported('--rule', 'test-todo-comment')).toEqual(['test-todo-comment']);
    expect(
      await rulesReported('--rule', 'tls-verification-disabled', '--rule', 'no-latest-packages'),
    ).toEqual(['test-tls-off', 'no-latest-packages']);
  });

  it('runs an opt-in rule only when --rule names it', async () => {
    const optInTodo = { ...TEST_TODO_RULE, meta: { ...TEST_TODO_RULE.meta, optIn: true } };
    const reported = async (...args: string[]) => {
      const run = await runCaptured(['scan', '--format', 'json', ...args], await tempTree(TREE), {
        rules: [TEST_TLS_RULE, optInTodo],
      });
      return (JSON.parse(run.stdout) as JsonReport).findings.map((finding) => finding.ruleId);
    };
    expect(await reported()).toEqual(['test-tls-off', 'no-latest-packages']);
    expect(await reported('--rule', 'test-todo-comment')).toEqual(['test-todo-comment']);
    expect(await reported('--rule', 'suspicious-comment')).toEqual([]);
  });

  it('skips the rules or categories named with --skip-rule, after --rule', async () => {
    expect(
      await rulesReported('--skip-rule', 'suspicious-comment,missing-integrity-check'),
    ).toEqual(['test-tls-off']);
    expect(
      await rulesReported(
        '--rule',
        'test-tls-off,test-todo-comment',
        '--skip-rule',
        'test-tls-off',
      ),
    ).toEqual(['test-todo-comment']);
  });

  it('refuses a name that matches no rule or category, suggesting the one meant', async () => {
    const run = await runCaptured(['scan', '--rule', 'test-tls-of'], await tempTree(TREE), {
      rules: TEST_RULES,
    });
    expect(run).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        'posture: --rule: no rule or category is named test-tls-of (did you mean "test-tls-off"?); `posture rules` lists them\n',
    });
  });
});
