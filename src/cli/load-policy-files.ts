/**
 * The policy a CLI run uses: the repository's `.security.yml` (or `--config`), layered over an
 * optional `--org-config`, exactly as the app layers the org and repository files. Files are
 * named relative to the repository root in what the policy reports (errors, waiver notices),
 * as the app names them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildPolicy, type BuiltPolicy, type PolicyText } from '../policy/build-policy.js';
import type { AppliedPolicy } from '../report/scan-report.js';
import type { PolicyFiles } from './commands.js';
import { describeError } from './describe-error.js';
import { relativePath, type RepositoryLocation } from './repository.js';
import { UsageError } from './usage-error.js';

export interface LoadedPolicy extends BuiltPolicy {
  /** the files layered, org first */
  applied: AppliedPolicy[];
}

export async function loadPolicyFiles(
  files: PolicyFiles,
  location: RepositoryLocation,
  cwd: string,
): Promise<LoadedPolicy> {
  const repoFile = files.config ? path.resolve(cwd, files.config) : location.policyFile;
  const org = files.orgConfig
    ? await readPolicy(path.resolve(cwd, files.orgConfig), location.root, cwd)
    : undefined;
  const repo = repoFile ? await readPolicy(repoFile, location.root, cwd) : undefined;
  const built = buildPolicy({ ...(org ? { org } : {}), ...(repo ? { repo } : {}) });
  const applied: AppliedPolicy[] = [
    ...(org ? [{ layer: 'org' as const, path: org.source }] : []),
    ...(repo ? [{ layer: 'repository' as const, path: repo.source }] : []),
  ];
  return { ...built, applied };
}

/** A policy file's text, named relative to `namedFrom`; a file that cannot be read is a usage error. */
export async function readPolicy(
  absolutePath: string,
  namedFrom: string,
  cwd: string,
): Promise<PolicyText> {
  try {
    return {
      source: relativePath(namedFrom, absolutePath),
      text: await readFile(absolutePath, 'utf8'),
    };
  } catch (error) {
    throw new UsageError(
      `cannot read policy ${relativePath(cwd, absolutePath)}: ${describeError(error)}`,
    );
  }
}
