/**
 * The files under the paths given on the command line, in a deterministic order.
 * Skips `.git` and `node_modules`, and never follows a symbolic link found while walking.
 *
 * The file system is asked synchronously: a command-line run has nothing else to do meanwhile,
 * and a promise per directory entry costs more CPU than the calls themselves.
 */
import { lstatSync, readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { FileError } from '../model/finding.js';
import { describeError } from './describe-error.js';
import { relativePath } from './repository.js';
import { UsageError } from './usage-error.js';

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);

export interface FoundFile {
  absolutePath: string;
  /** relative to the root (the working directory unless told otherwise), forward slashes */
  path: string;
  sizeBytes: number;
  /** named on the command line rather than found by walking a directory */
  explicit: boolean;
}

export interface WalkOptions {
  /** the directory the given paths are relative to */
  cwd: string;
  /** the directory found files are named relative to; `cwd` by default */
  root?: string;
  /** whether a file found while walking a directory is worth reading, judged by its path */
  accept(path: string): boolean;
}

export interface WalkResult {
  files: FoundFile[];
  /** directories that could not be listed */
  errors: FileError[];
}

export async function walk(paths: readonly string[], options: WalkOptions): Promise<WalkResult> {
  const found = new Map<string, FoundFile>();
  const errors: FileError[] = [];
  for (const given of paths) {
    const absolutePath = path.resolve(options.cwd, given);
    const stats = quietly(() => statSync(absolutePath));
    if (!stats) throw new UsageError(`path not found: ${given}`);
    if (stats.isDirectory()) {
      walkDirectory(absolutePath, options, found, errors);
    } else if (stats.isFile()) {
      remember(found, {
        absolutePath,
        path: pathFromRoot(absolutePath, options),
        sizeBytes: stats.size,
        explicit: true,
      });
    } else {
      throw new UsageError(`not a file or directory: ${given}`);
    }
  }
  const files = [...found.values()].sort((a, b) => compareText(a.path, b.path));
  return { files, errors: errors.sort((a, b) => compareText(a.path, b.path)) };
}

/**
 * Files whose names are not UTF-8. Node lists such a name with U+FFFD in place of each bad byte,
 * a name it then cannot open, or one that opens another file, really named so, in its place: each
 * is reported unreadable, never passed over. Only a folder with a U+FFFD in some name is listed
 * again, by bytes, to tell the two apart.
 */
function namesNotUtf8(
  directory: string,
  entries: readonly Dirent[],
  options: WalkOptions,
): FileError[] {
  if (!entries.some((entry) => entry.name.includes('\uFFFD'))) return [];
  const raw = quietly(() => readdirSync(directory, { encoding: 'buffer' })) ?? [];
  return raw
    .filter((name) => !Buffer.from(name.toString('utf8'), 'utf8').equals(name))
    .map((name) => pathFromRoot(path.join(directory, name.toString('utf8')), options))
    .filter((file) => options.accept(file))
    .map((file) => ({
      path: file,
      kind: 'unreadable' as const,
      message: 'the file name is not UTF-8, so Posture cannot open the file by it; rename it',
    }));
}

function walkDirectory(
  directory: string,
  options: WalkOptions,
  found: Map<string, FoundFile>,
  errors: FileError[],
): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    errors.push({
      path: pathFromRoot(directory, options),
      kind: 'unreadable',
      message: `cannot list directory: ${describeError(error)}`,
    });
    return;
  }
  entries.sort((a, b) => compareText(a.name, b.name));
  errors.push(...namesNotUtf8(directory, entries, options));
  const accepted = entries
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const absolutePath = path.join(directory, entry.name);
      return { absolutePath, path: pathFromRoot(absolutePath, options) };
    })
    .filter((file) => options.accept(file.path));
  for (const file of accepted) {
    const sizeBytes = quietly(() => lstatSync(file.absolutePath))?.size;
    if (sizeBytes === undefined)
      errors.push({
        path: file.path,
        kind: 'unreadable',
        message: 'file disappeared while scanning',
      });
    else remember(found, { ...file, sizeBytes, explicit: false });
  }
  for (const entry of entries) {
    if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) {
      walkDirectory(path.join(directory, entry.name), options, found, errors);
    }
  }
}

/** What a file-system question answers, or undefined when it fails for any reason. */
export function quietly<T>(ask: () => T): T | undefined {
  try {
    return ask();
  } catch {
    return undefined;
  }
}

function remember(found: Map<string, FoundFile>, file: FoundFile): void {
  const existing = found.get(file.absolutePath);
  if (!existing || (file.explicit && !existing.explicit)) found.set(file.absolutePath, file);
}

function pathFromRoot(absolutePath: string, options: WalkOptions): string {
  return relativePath(options.root ?? options.cwd, absolutePath);
}

/** Plain code-unit order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
