import { mayBeAnalysed } from '../engine/detect-language.js';
import { POLICY_PATH } from './load-policy.js';
import type { GitHubClient, ReviewTarget } from './review-target.js';

/** GitHub's documented ceiling: `pulls.listFiles` returns at most this many files. */
export const LIST_FILES_LIMIT = 3000;

export interface ChangedFile {
  path: string;
  /** blob SHA of the file at the head commit */
  blobSha: string;
  /** unified-diff hunks; absent when GitHub omits them (very large diffs) */
  patch?: string;
}

export interface ChangedFiles {
  /** changed files worth analysing */
  files: ChangedFile[];
  /** every file GitHub listed, analysable or not */
  listedCount: number;
  /** true when GitHub's cap hid some of the pull request's files */
  truncated: boolean;
  /** the repository's policy file, when the pull request adds, edits or deletes it */
  policyFile?: { status: 'added' | 'modified' | 'removed'; blobSha?: string };
}

export async function listChangedFiles(octokit: GitHubClient, target: ReviewTarget): Promise<ChangedFiles> {
  const listed = await octokit.paginate(octokit.rest.pulls.listFiles, {
    owner: target.owner,
    repo: target.repo,
    pull_number: target.pullNumber,
    per_page: 100,
  });
  const files: ChangedFile[] = [];
  let policyFile: ChangedFiles['policyFile'];
  for (const file of listed) {
    if (file.filename === POLICY_PATH || file.previous_filename === POLICY_PATH) {
      const removed = file.status === 'removed' || file.filename !== POLICY_PATH || !file.sha;
      policyFile = removed ? { status: 'removed' } : { status: file.status === 'added' ? 'added' : 'modified', blobSha: file.sha as string };
    }
    if (file.status === 'removed' || !file.sha) continue;
    // No patch and no changed lines: a binary file, or a rename that changed nothing.
    if (file.patch === undefined && file.changes === 0) continue;
    if (!mayBeAnalysed(file.filename)) continue;
    files.push({
      path: file.filename,
      blobSha: file.sha,
      ...(file.patch === undefined ? {} : { patch: file.patch }),
    });
  }
  const truncated =
    target.changedFiles === undefined ? listed.length >= LIST_FILES_LIMIT : target.changedFiles > listed.length;
  return { files, listedCount: listed.length, truncated, ...(policyFile ? { policyFile } : {}) };
}
