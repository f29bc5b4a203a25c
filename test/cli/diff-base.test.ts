import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/json.js';
import { committedTree, git } from './support/git-repo.js';
import { runCaptured } from './support/run-captured.js';
import { INSECURE_DOWNLOAD, tempTree } from './support/temp-tree.js';
import { TEST_RULES } from './support/test-rules.js';

const TASKS = 'roles/web/tasks/main.yml';
const SECOND_DOWNLOAD = INSECURE_DOWNLOAD.replace('name: x', 'name: y').replace('a.tgz', 'b.tgz');

async function scanJson(cwd: string, ...args: string[]) {
  const run = await runCaptured(['scan', '--format', 'json', ...args], cwd, { rules: TEST_RULES });
  return { ...run, report: JSON.parse(run.stdout) as JsonReport };
}

const located = (report: JsonReport) =>
  report.findings.map((finding) => `${finding.path}:${finding.line} ${finding.ruleId}`);

describe('posture scan --diff-base', () => {
  it('reports only the findings that are new since the revision, matched by fingerprint as the app does', async () => {
    const root = await committedTree({ [TASKS]: INSECURE_DOWNLOAD });
    const untouched = await scanJson(root, '--diff-base', 'HEAD');
    expect(untouched).toMatchObject({ exitCode: 0, stderr: '' });
    expect(untouched.report.findings).toEqual([]);
    expect(untouched.report.diffBase).toEqual({ ref: 'HEAD', existing: 1 });

    await writeFile(
      path.join(root, TASKS),
      `- name: first\n  debug:\n    msg: hi\n${INSECURE_DOWNLOAD}${SECOND_DOWNLOAD}`,
    );
    const changed = await scanJson(root, '--diff-base', 'HEAD');
    expect(changed.exitCode).toBe(1);
    expect(located(changed.report)).toEqual([`${TASKS}:13 test-tls-off`]);
    expect(changed.report.diffBase).toEqual({ ref: 'HEAD', existing: 1 });
  });

  it('counts a copy of an existing line as new where the change wrote it', async () => {
    const root = await committedTree({ [TASKS]: INSECURE_DOWNLOAD });
    await writeFile(path.join(root, TASKS), `${INSECURE_DOWNLOAD}${INSECURE_DOWNLOAD}`);
    expect(located((await scanJson(root, '--diff-base', 'HEAD')).report)).toEqual([
      `${TASKS}:10 test-tls-off`,
    ]);
    await writeFile(
      path.join(root, TASKS),
      `${INSECURE_DOWNLOAD.replace('name: x', 'name: copy')}${INSECURE_DOWNLOAD}`,
    );
    expect(located((await scanJson(root, '--diff-base', 'HEAD')).report)).toEqual([
      `${TASKS}:5 test-tls-off`,
    ]);
  });

  it('compares a renamed file with its old self, and finds everything in a new file new', async () => {
    const root = await committedTree({ [TASKS]: INSECURE_DOWNLOAD });
    await mkdir(path.join(root, 'roles', 'app', 'tasks'), { recursive: true });
    await git(root, 'mv', TASKS, 'roles/app/tasks/main.yml');
    await writeFile(path.join(root, 'roles', 'app', 'tasks', 'extra.yml'), SECOND_DOWNLOAD);
    const scanned = await scanJson(root, '--diff-base', 'HEAD');
    expect(located(scanned.report)).toEqual(['roles/app/tasks/extra.yml:5 test-tls-off']);
    expect(scanned.report.diffBase).toEqual({ ref: 'HEAD', existing: 1 });
  });

  it('finds everything new in a file moved to where it plays another part, or is read otherwise', async () => {
    const scenario = 'molecule/default/converge.yml';
    const fromTestCode = await committedTree({ [scenario]: INSECURE_DOWNLOAD });
    await mkdir(path.join(fromTestCode, 'roles', 'app', 'tasks'), { recursive: true });
    await git(fromTestCode, 'mv', scenario, 'roles/app/tasks/main.yml');
    expect(located((await scanJson(fromTestCode, '--diff-base', 'HEAD')).report)).toEqual([
      'roles/app/tasks/main.yml:5 test-tls-off',
    ]);

    const vendored = 'vendor/roles/app/tasks/main.yml';
    const policy = { '.security.yml': 'paths:\n  exclude: ["vendor/**"]\n' };
    const fromExcluded = await committedTree({ ...policy, [vendored]: INSECURE_DOWNLOAD });
    await mkdir(path.join(fromExcluded, 'roles', 'app', 'tasks'), { recursive: true });
    await git(fromExcluded, 'mv', vendored, 'roles/app/tasks/main.yml');
    expect(located((await scanJson(fromExcluded, '--diff-base', 'HEAD')).report)).toEqual([
      'roles/app/tasks/main.yml:5 test-tls-off',
    ]);
  });

  it('works from a sub-folder, with paths from the repository root', async () => {
    const root = await committedTree({ [TASKS]: INSECURE_DOWNLOAD });
    await writeFile(path.join(root, TASKS), `${INSECURE_DOWNLOAD}${SECOND_DOWNLOAD}`);
    const scanned = await scanJson(path.join(root, 'roles', 'web'), '--diff-base', 'HEAD');
    expect(located(scanned.report)).toEqual(['tasks/main.yml:10 test-tls-off']);
  });

  it('refuses a revision git does not know, and a tree outside git', async () => {
    const root = await committedTree({ [TASKS]: INSECURE_DOWNLOAD });
    expect(
      await runCaptured(['scan', '--diff-base', 'no-such-branch'], root, { rules: TEST_RULES }),
    ).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'posture: --diff-base: git knows no commit named no-such-branch\n',
    });
    const outside = await tempTree({ [TASKS]: INSECURE_DOWNLOAD });
    expect(
      await runCaptured(['scan', '--diff-base', 'HEAD'], outside, { rules: TEST_RULES }),
    ).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'posture: --diff-base needs a git repository, and . is not inside one\n',
    });
  });
});
