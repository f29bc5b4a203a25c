/**
 * The two versions of each changed file a review compares, and the edited policy file, as blob
 * requests and back. A base version is named by its head path, so that findings and surfaces of a
 * renamed file are compared like with like.
 */
import type { SourceFile } from '../engine/analyze.js';
import type { BlobRequest, BlobTexts } from './fetch-blobs.js';
import type { ChangedFile, ChangedFiles } from './pr-files.js';
import type { RepoRef } from './review-target.js';

export interface FileVersions {
  head: SourceFile[];
  base: SourceFile[];
  /**
   * Unchanged files the change reaches or reads (its variables' uses and definitions, the plays
   * and roles that place it on hosts): the same at the base and at head.
   */
  context?: SourceFile[];
  /** `.security.yml` as the pull request leaves it, when it edits it */
  editedPolicy?: string;
}

const headKey = (file: ChangedFile) => `head:${file.path}`;
const baseKey = (file: ChangedFile) => `base:${file.path}`;
const EDITED_POLICY_KEY = 'policy:edited';

export function sourceRequests(
  repo: RepoRef,
  baseSha: string,
  changed: ChangedFiles,
): BlobRequest[] {
  const requests: BlobRequest[] = [];
  for (const file of changed.files) {
    if (file.headBlobSha)
      requests.push({ key: headKey(file), repository: repo, object: { oid: file.headBlobSha } });
    if (file.basePath)
      requests.push({
        key: baseKey(file),
        repository: repo,
        object: { expression: `${baseSha}:${file.basePath}` },
      });
  }
  const editedPolicy = changed.policyFile?.blobSha;
  if (editedPolicy)
    requests.push({ key: EDITED_POLICY_KEY, repository: repo, object: { oid: editedPolicy } });
  return requests;
}

export function fileVersionsFrom(texts: BlobTexts, changed: ChangedFiles): FileVersions {
  const versions: FileVersions = { head: [], base: [] };
  for (const file of changed.files) {
    const head = texts.get(headKey(file));
    const base = texts.get(baseKey(file));
    if (head !== undefined) versions.head.push({ path: file.path, content: head });
    if (base !== undefined) versions.base.push({ path: file.path, content: base });
  }
  const editedPolicy = texts.get(EDITED_POLICY_KEY);
  if (editedPolicy !== undefined) versions.editedPolicy = editedPolicy;
  return versions;
}
