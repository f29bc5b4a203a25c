import { mayBeAnalysed } from '../engine/detect-language.js';
import { POLICY_PATH } from './load-policy.js';
import type { GitHubClient, ReviewTarget } from './review-target.js';

/** GitHub's documented ceiling: `pulls.listFiles` returns at most this many files. */
export const LIST_FILES_LIMIT = 3000;

export interface ChangedFile {
  /** the path at head (for a removed file, the path it had) */
  path: string;
  /** blob SHA of the file at the head commit; absent when the pull request removes the file */
  headBlobSha?: string;
  /** where the file was at the base commit (its old name when renamed); absent when it is new */
  basePath?: string;
  /** unified-diff hunks; absent when GitHub omits them (very large diffs) */
  patch?: string;
}

/** Every file GitHub listed, with its head blob, for review routing by path. */
export interface ListedFile {
  path: string;
  headBlobSha?: string;
}

export interface ChangedFiles {
  /** changed files worth analysing, at the base, at head or both */
  files: ChangedFile[];
  /** every file GitHub listed, analysable or not */
  listed: ListedFile[];
  /** true when GitHub's cap hid some of the pull request's files */
  truncated: boolean;
  /** the repository's policy file, when the pull request adds, edits or deletes it */
  policyFile?: { status: 'added' | 'modified' | 'removed'; blobSha?: string };
}

/** Statuses with a version of the file at the base commit ("copied" is a new file next to its source). */
const HAS_BASE_VERSION = new Set(['modified', 'changed', 'renamed', 'removed']);

export async function listChangedFiles(octokit: GitHubClient, target: ReviewTarget): Promise<ChangedFiles> {
  const listedFiles = await octokit.paginate(octokit.rest.pulls.listFiles, {
    owner: target.owner,
    repo: target.repo,
    pull_number: target.pullNumber,
    per_page: 100,
  });
  const files: ChangedFile[] = [];
  const listed: ListedFile[] = [];
  let policyFile: ChangedFiles['policyFile'];
  for (const file of listedFiles) {
    const headBlobSha = file.status === 'removed' ? undefined : (file.sha ?? undefined);
    const removed = headBlobSha === undefined;
    listed.push({ path: file.filename, ...(removed ? {} : { headBlobSha }) });
    if (file.filename === POLICY_PATH || file.previous_filename === POLICY_PATH) {
      policyFile = removed || file.filename !== POLICY_PATH ? { status: 'removed' } : { status: file.status === 'added' ? 'added' : 'modified', blobSha: headBlobSha };
    }
    // No patch and no changed lines: a binary file, or a rename that changed nothing.
    if (!removed && file.patch === undefined && file.changes === 0) continue;
    if (!mayBeAnalysed(file.filename)) continue;
    const basePath = HAS_BASE_VERSION.has(file.status) ? (file.previous_filename ?? file.filename) : undefined;
    files.push({
      path: file.filename,
      ...(removed ? {} : { headBlobSha }),
      ...(basePath === undefined ? {} : { basePath }),
      ...(file.patch === undefined || removed ? {} : { patch: file.patch }),
    });
  }
  const truncated =
    target.changedFiles === undefined ? listedFiles.length >= LIST_FILES_LIMIT : target.changedFiles > listedFiles.length;
  return { files, listed, truncated, ...(policyFile ? { policyFile } : {}) };
}
