/**
 * One tree, scanned from its root, from its parent and from a sub-folder, gives one answer: the
 * policy at the repository root applies, its globs and waivers match paths from the root, and
 * fingerprints are the app's.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/json.js';
import { runCaptured } from './support/run-captured.js';
import { INSECURE_DOWNLOAD, tempTree } from './support/temp-tree.js';
import { TEST_RULES } from './support/test-rules.js';

/** A repository whose policy only makes sense from its root: a glob, a path-scoped rule setting and a waiver. */
const POLICY = [
  'fail_on: medium',
  'paths:',
  '  exclude: ["roles/legacy/**"]',
  'waivers:',
  '  - category: tls-verification-disabled',
  '    path: "roles/lab/**"',
  '    reason: lab appliance with a self-signed certificate',
  '    expires: 2999-01-01',
  '    approved_by: alice',
  '',
].join('\n');

async function repository(): Promise<string> {
  const root = await tempTree({
    '.security.yml': POLICY,
    'roles/web/tasks/main.yml': INSECURE_DOWNLOAD,
    'roles/lab/tasks/main.yml': INSECURE_DOWNLOAD,
    'roles/legacy/tasks/main.yml': INSECURE_DOWNLOAD,
    'roles/web/tasks/todo.yml':
      '- name: later\n  # TODO: pin the version\n  package:\n    name: nginx\n',
  });
  await mkdir(path.join(root, '.git'));
  return root;
}

interface Outcome {
  exitCode: number;
  /** `path:line rule status`, paths from the repository root */
  findings: string[];
  fingerprints: string[];
  policies: JsonReport['policies'];
}

async function scanFrom(cwd: string, root: string, ...args: string[]): Promise<Outcome> {
  const run = await runCaptured(['scan', '--format', 'json', ...args], cwd, { rules: TEST_RULES });
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as JsonReport;
  const fromRoot = (shown: string) =>
    path.relative(root, path.resolve(cwd, shown)).split(path.sep).join('/');
  return {
    exitCode: run.exitCode,
    findings: report.findings.map(
      (finding) =>
        `${fromRoot(finding.path)}:${finding.line} ${finding.ruleId} ${finding.status ?? 'open'}`,
    ),
    fingerprints: report.findings.map((finding) => finding.fingerprint),
    policies: report.policies.map((policy) => ({ ...policy, path: fromRoot(policy.path) })),
  };
}

describe('posture scan and the repository root', () => {
  it('gives the same findings, waivers, fingerprints and exit code from the root, its parent and a sub-folder', async () => {
    const root = await repository();
    const fromRoot = await scanFrom(root, root);
    expect(fromRoot).toEqual({
      exitCode: 1,
      findings: [
        'roles/lab/tasks/main.yml:5 test-tls-off waived',
        'roles/web/tasks/main.yml:5 test-tls-off open',
        'roles/web/tasks/todo.yml:2 test-todo-comment open',
      ],
      fingerprints: [
        expect.stringMatching(/^[0-9a-f]{64}:1$/),
        expect.any(String),
        expect.any(String),
      ],
      policies: [{ layer: 'repository', path: '.security.yml' }],
    });
    expect(await scanFrom(path.dirname(root), root, path.basename(root))).toEqual(fromRoot);
    expect(await scanFrom(path.join(root, 'roles', 'web'), root, '../..')).toEqual(fromRoot);
    expect(await scanFrom(path.join(root, 'roles'), root, root)).toEqual(fromRoot);
  });

  it('applies the root policy to a sub-folder scanned from the root, and from inside it', async () => {
    const root = await repository();
    const whole = await scanFrom(root, root);
    const expected = whole.findings.filter((finding) => finding.startsWith('roles/lab/'));
    const labFromRoot = await scanFrom(root, root, 'roles/lab');
    expect(labFromRoot).toMatchObject({
      exitCode: 0,
      findings: expected,
      policies: [{ layer: 'repository', path: '.security.yml' }],
    });
    expect(await scanFrom(path.join(root, 'roles', 'lab'), root)).toEqual(labFromRoot);
    const legacy = await scanFrom(root, root, 'roles/legacy/tasks/main.yml');
    expect(legacy).toMatchObject({ exitCode: 0, findings: [] });
  });

  it('uses the policy nearest the scanned path, matching its globs from the repository root', async () => {
    const root = await repository();
    const nested = 'fail_on: low\npaths:\n  exclude: ["roles/web/tasks/main.yml"]\n';
    await writeFile(path.join(root, 'roles', 'web', '.security.yml'), nested);
    const outcome = await scanFrom(root, root, 'roles/web');
    expect(outcome).toMatchObject({
      exitCode: 1,
      findings: ['roles/web/tasks/todo.yml:2 test-todo-comment open'],
      policies: [{ layer: 'repository', path: 'roles/web/.security.yml' }],
    });
    expect(await scanFrom(path.join(root, 'roles', 'web', 'tasks'), root)).toEqual(outcome);
  });

  it('says which policy applied in the text report', async () => {
    const root = await repository();
    const inside = await runCaptured(['scan', '.'], path.join(root, 'roles'), {
      rules: TEST_RULES,
    });
    expect(inside.stdout).toContain("Policy: ../.security.yml over Posture's defaults\n");
    const bare = await tempTree({ 'roles/web/tasks/main.yml': INSECURE_DOWNLOAD });
    await mkdir(path.join(bare, '.git'));
    const defaults = await runCaptured(['scan'], path.join(bare, 'roles'), { rules: TEST_RULES });
    expect(defaults.stdout).toContain(
      "Policy: Posture's defaults (no .security.yml between the scanned paths and the repository root)\n",
    );
  });

  it('does not look for a policy above the repository root', async () => {
    const outer = await tempTree({
      '.security.yml': 'fail_on: none\n',
      'repo/roles/web/tasks/main.yml': INSECURE_DOWNLOAD,
    });
    await mkdir(path.join(outer, 'repo', '.git'));
    const run = await runCaptured(['scan', '--format', 'json', 'repo'], outer, {
      rules: TEST_RULES,
    });
    expect(run.exitCode).toBe(1);
    expect((JSON.parse(run.stdout) as JsonReport).policies).toEqual([]);
  });

  it('refuses paths from two repositories in one scan', async () => {
    const outer = await tempTree({
      'a/site.yml': INSECURE_DOWNLOAD,
      'b/site.yml': INSECURE_DOWNLOAD,
    });
    await mkdir(path.join(outer, 'a', '.git'));
    await mkdir(path.join(outer, 'b', '.git'));
    const run = await runCaptured(['scan', 'a', 'b'], outer, { rules: TEST_RULES });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(
      /^posture: the paths belong to different repositories \(.+\); scan one repository at a time\n$/,
    );
  });
});
