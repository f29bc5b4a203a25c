/**
 * The few git questions `--diff-base` asks, each one `git` process run with an argument array
 * (never a shell), read-only (no optional index locks).
 */
import { UsageError } from './usage-error.js';

/** Base versions of files can be large; analysis stops at 2 MiB, but git must hand the whole blob over. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

class GitFailed extends Error {}

function git(root: string, args: readonly string[]): Promise<Buffer> {
  // node:child_process is loaded by the first git question, not when the CLI starts: only
  // `--diff-base` asks any, and loading it costs a few milliseconds.
  const { execFile } = process.getBuiltinModule('node:child_process');
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-C', root, ...args],
      {
        encoding: 'buffer',
        maxBuffer: MAX_OUTPUT_BYTES,
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          return reject(
            new UsageError('--diff-base needs git, and git is not installed or not on PATH'),
          );
        reject(new GitFailed(stderr.toString('utf8').trim() || error.message));
      },
    );
  });
}

/** The commit a revision names, as a full SHA, so that every later read sees the same tree. */
export async function resolveCommit(root: string, revision: string): Promise<string> {
  try {
    return (await git(root, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]))
      .toString('utf8')
      .trim();
  } catch (error) {
    if (error instanceof GitFailed)
      throw new UsageError(`--diff-base: git knows no commit named ${revision}`);
    throw error;
  }
}

/** Files the working tree has under a new name since `commit`: new path → old path. */
export async function renamesSince(root: string, commit: string): Promise<Map<string, string>> {
  const fields = (await git(root, ['diff', '-z', '--name-status', '--find-renames', commit, '--']))
    .toString('utf8')
    .split('\0');
  const renames = new Map<string, string>();
  for (let index = 0; index < fields.length;) {
    const status = fields[index] ?? '';
    if (status.startsWith('R') || status.startsWith('C')) {
      const [from, to] = [fields[index + 1], fields[index + 2]];
      if (status.startsWith('R') && from !== undefined && to !== undefined) renames.set(to, from);
      index += 3;
    } else {
      index += status === '' ? 1 : 2;
    }
  }
  return renames;
}

/** A file's content at `commit`, or undefined when it did not exist there. */
export async function fileAtCommit(
  root: string,
  commit: string,
  path: string,
): Promise<string | undefined> {
  try {
    return (await git(root, ['show', `${commit}:${path}`])).toString('utf8');
  } catch (error) {
    if (error instanceof GitFailed) return undefined;
    throw error;
  }
}
