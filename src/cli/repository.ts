/**
 * Where the scanned code's repository begins, and which `.security.yml` governs it.
 *
 * The GitHub App names every file by its path from the repository root and reads the policy at
 * that root, so the CLI does the same whatever directory it runs from: the root is the nearest
 * directory above the scanned paths that holds `.git` (a directory, or the file a worktree or a
 * submodule has). The policy is the nearest `.security.yml` from the scanned paths up to that
 * root. Outside git, the search for the policy goes up to the file-system root, and the policy's
 * directory is the root; with neither, the current directory is (or, for paths outside it, the
 * directory that holds them all).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './usage-error.js';

export const POLICY_FILE = '.security.yml';

export interface RepositoryLocation {
  /** absolute */
  root: string;
  /** whether the root holds `.git` */
  isGitRepository: boolean;
  /** absolute path of the nearest `.security.yml`, when asked for and found */
  policyFile?: string;
}

export interface LocateOptions {
  /** look for `.security.yml` (not needed when the policy is named on the command line) */
  findPolicy: boolean;
}

export async function locateRepository(
  paths: readonly string[],
  cwd: string,
  options: LocateOptions,
): Promise<RepositoryLocation> {
  const starts = await Promise.all(paths.map((given) => startDirectory(path.resolve(cwd, given))));
  const gitRoots = await Promise.all(starts.map(nearestGitRoot));
  const distinct = [...new Set(gitRoots.map((root) => root ?? '(no repository)'))];
  if (distinct.length > 1) {
    throw new UsageError(
      `the paths belong to different repositories (${distinct.join(', ')}); scan one repository at a time`,
    );
  }
  const gitRoot = gitRoots[0];
  const common = commonDirectory(starts.length > 0 ? starts : [cwd]);
  const policyFile = options.findPolicy ? await nearestPolicy(common, gitRoot) : undefined;
  const root =
    gitRoot ?? (policyFile ? path.dirname(policyFile) : contains(cwd, common) ? cwd : common);
  return { root, isGitRepository: gitRoot !== undefined, ...(policyFile ? { policyFile } : {}) };
}

/** The directory a path's search starts in: itself, or the directory holding the file. */
async function startDirectory(absolutePath: string): Promise<string> {
  const stats = await stat(absolutePath).catch(() => undefined);
  return stats?.isDirectory() ? absolutePath : path.dirname(absolutePath);
}

async function nearestGitRoot(directory: string): Promise<string | undefined> {
  for (const candidate of ancestors(directory)) {
    if (await exists(path.join(candidate, '.git'))) return candidate;
  }
  return undefined;
}

/** The nearest `.security.yml` from `directory` up to `root` (both included), or to the file-system root. */
async function nearestPolicy(
  directory: string,
  root: string | undefined,
): Promise<string | undefined> {
  for (const candidate of ancestors(directory)) {
    const file = path.join(candidate, POLICY_FILE);
    if ((await stat(file).catch(() => undefined))?.isFile()) return file;
    if (candidate === root) return undefined;
  }
  return undefined;
}

/** `directory`, its parent, and so on up to the file-system root. */
function* ancestors(directory: string): Generator<string> {
  let current = directory;
  for (;;) {
    yield current;
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

/** The deepest directory that contains every one of `directories`. */
function commonDirectory(directories: readonly string[]): string {
  return directories.reduce((common, directory) => {
    let candidate = common;
    while (!contains(candidate, directory)) candidate = path.dirname(candidate);
    return candidate;
  });
}

function contains(ancestor: string, descendant: string): boolean {
  const relative = path.relative(ancestor, descendant);
  return (
    relative === '' ||
    (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
  );
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined;
}

/** A path relative to `from`, with forward slashes; `.` for `from` itself. */
export function relativePath(from: string, to: string): string {
  const relative = path.relative(from, to);
  return relative === '' ? '.' : relative.split(path.sep).join('/');
}
