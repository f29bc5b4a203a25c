/**
 * The hook in .pre-commit-hooks.yaml, run the way pre-commit runs it. pre-commit itself (a
 * Python tool) is not needed: its contract for a hook is to run `entry`, split like a shell
 * command line, from the repository root, with the staged files that `files` matches (and
 * `exclude` does not) appended as arguments, and to fail the commit on a non-zero exit. The
 * `posture` of the entry is the package's bin, as pre-commit's node environment installs it.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CLEAN_TASKS, INSECURE_DOWNLOAD, tempTree } from './support/temp-tree.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
const entryPoint = path.join(projectRoot, 'src', 'cli', 'main.ts');

interface HookDefinition {
  id: string;
  name: string;
  entry: string;
  language: string;
  files?: string;
  exclude?: string;
  pass_filenames?: boolean;
}

async function postureHook(): Promise<HookDefinition> {
  const hooks = parse(
    await readFile(path.join(projectRoot, '.pre-commit-hooks.yaml'), 'utf8'),
  ) as HookDefinition[];
  const hook = hooks.find((candidate) => candidate.id === 'posture');
  if (!hook) throw new Error('.pre-commit-hooks.yaml has no posture hook');
  return hook;
}

/** What pre-commit does with a hook and the staged files, up to the exit code. */
async function runHook(
  hook: HookDefinition,
  repository: string,
  staged: readonly string[],
): Promise<{ code: number; output: string; files: string[] }> {
  if (/["'\\]/.test(hook.entry))
    throw new Error('this emulation splits entries on whitespace only');
  const [command, ...args] = hook.entry.split(/\s+/);
  expect(command).toBe('posture');
  const files = staged.filter(
    (file) =>
      new RegExp(hook.files ?? '').test(file) && !new RegExp(hook.exclude ?? '^$').test(file),
  );
  const passed = hook.pass_filenames === false ? [] : files;
  return new Promise((resolve) => {
    execFile(
      tsx,
      [entryPoint, ...args, ...passed],
      { cwd: repository, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
          output: stdout + stderr,
          files,
        });
      },
    );
  });
}

async function sampleRepository(): Promise<string> {
  const root = await tempTree({
    '.security.yml': 'fail_on: high\n',
    '.github/workflows/ci.yml':
      'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n',
    'roles/web/tasks/main.yml': INSECURE_DOWNLOAD,
    'roles/db/tasks/main.yml': CLEAN_TASKS,
    'cookbooks/app/recipes/default.rb': "package 'nginx'\n",
    'README.md': '# infrastructure\n',
  });
  await mkdir(path.join(root, '.git'));
  return root;
}

describe('the pre-commit hook', () => {
  it('is a node hook whose entry is posture scan, for YAML, Puppet and Ruby files', async () => {
    const hook = await postureHook();
    expect(hook).toMatchObject({ id: 'posture', language: 'node', files: '\\.(ya?ml|pp|rb)$' });
    expect(hook.entry.startsWith('posture scan')).toBe(true);
  });

  it('fails a commit that stages an insecure task, naming it', async () => {
    const repository = await sampleRepository();
    const run = await runHook(await postureHook(), repository, [
      'roles/web/tasks/main.yml',
      '.github/workflows/ci.yml',
      'README.md',
    ]);
    expect(run.files).toEqual(['roles/web/tasks/main.yml', '.github/workflows/ci.yml']);
    expect(run.code).toBe(1);
    expect(run.output).toContain('roles/web/tasks/main.yml\n');
    expect(run.output).toContain('tls-verification-disabled');
  });

  it('passes a commit of clean configuration code alongside files Posture does not read', async () => {
    const repository = await sampleRepository();
    const run = await runHook(await postureHook(), repository, [
      'roles/db/tasks/main.yml',
      'cookbooks/app/recipes/default.rb',
      '.github/workflows/ci.yml',
      '.security.yml',
      'README.md',
    ]);
    expect(run.files).toEqual([
      'roles/db/tasks/main.yml',
      'cookbooks/app/recipes/default.rb',
      '.github/workflows/ci.yml',
      '.security.yml',
    ]);
    expect(run.code).toBe(0);
    expect(run.output).toContain('0 findings');
  });
});
