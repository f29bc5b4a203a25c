/**
 * The policy a CLI run uses: the repository's `.security.yml` (or `--config`), layered over
 * an optional `--org-config`, exactly as the app layers the org and repository files.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { buildPolicy, type BuiltPolicy, type PolicyText } from '../policy/build-policy.js';
import type { PolicyFiles } from './args.js';
import { describeError } from './describe-error.js';
import { UsageError } from './usage-error.js';

export const POLICY_FILE = '.security.yml';

export async function loadPolicyFiles(files: PolicyFiles, cwd: string, scannedPaths: readonly string[] = []): Promise<BuiltPolicy> {
  const repoPath = files.config ?? (await defaultPolicyPath(cwd, scannedPaths));
  const org = files.orgConfig ? await readPolicy(cwd, files.orgConfig) : undefined;
  const repo = repoPath ? await readPolicy(cwd, repoPath) : undefined;
  return buildPolicy({ ...(org ? { org } : {}), ...(repo ? { repo } : {}) });
}

export async function readPolicy(cwd: string, file: string): Promise<PolicyText> {
  try {
    return { source: toDisplay(cwd, file), text: await readFile(path.resolve(cwd, file), 'utf8') };
  } catch (error) {
    throw new UsageError(`cannot read policy ${file}: ${describeError(error)}`);
  }
}

/** `.security.yml` at the root of the first scanned directory, when it exists. */
async function defaultPolicyPath(cwd: string, scannedPaths: readonly string[]): Promise<string | undefined> {
  const first = path.resolve(cwd, scannedPaths[0] ?? '.');
  const root = (await stat(first).catch(() => undefined))?.isDirectory() ? first : path.dirname(first);
  const candidate = path.join(root, POLICY_FILE);
  return (await stat(candidate).catch(() => undefined))?.isFile() ? candidate : undefined;
}

function toDisplay(cwd: string, file: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  return (relative.startsWith('..') ? path.resolve(cwd, file) : relative).split(path.sep).join('/');
}
