/**
 * The two versions of each changed file a review compares, and the edited policy file, as blob
 * requests and back. A base version is named by its head path, so that findings and surfaces of a
 * renamed file are compared like with like. A head version that is no text, or only a link's
 * text, is analysed in neither version: it is reported as unanalysable instead.
 */
import type { SourceFile } from '../engine/analyze.js';
import { foldersOf } from '../languages/layout.js';
import type { FileError } from '../model/file-error.js';
import type { BlobRequest, BlobTexts } from './fetch-blobs.js';
import type { ChangedFile, ChangedFiles } from './pr-files.js';
import type { RepoRef } from './review-target.js';
import { analysedByPath } from '../engine/detect-language.js';
import {
  binaryFileError,
  linkMayStandForCode,
  SYMBOLIC_LINK_MODE,
  symbolicLinkError,
} from './unreadable-files.js';

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
  /**
   * Changed files Posture analyses by their path whose head version it could not read: binary,
   * or a symbolic link (`unreadable-files.ts`)
   */
  unreadable?: FileError[];
}

const headKey = (file: ChangedFile) => `head:${file.path}`;
const baseKey = (file: ChangedFile) => `base:${file.path}`;
const folderKey = (folder: string) => `folder:${folder}`;
const EDITED_POLICY_KEY = 'policy:edited';

/** The folder holding a path, as a `<commit>:<path>` expression names it (`''` for the top). */
const folderOf = (path: string) => foldersOf(path).join('/');

/**
 * Both versions of each changed file, and, where the listing does not say which head versions
 * are links (a comparison lists no modes), the folders holding them at the head commit: one
 * more object per folder in the same content query, never one more request.
 */
export function sourceRequests(
  repo: RepoRef & { headSha: string },
  baseSha: string,
  changed: ChangedFiles,
): BlobRequest[] {
  const requests = fileRequests(repo, baseSha, changed.files, changed.possibleLinks);
  const editedPolicy = changed.policyFile?.blobSha;
  if (editedPolicy)
    requests.push({ key: EDITED_POLICY_KEY, repository: repo, object: { oid: editedPolicy } });
  return requests;
}

/** Both versions of changed files, the head versions of possible links, and their folders. */
export function fileRequests(
  repo: RepoRef & { headSha: string },
  baseSha: string,
  files: readonly ChangedFile[],
  possibleLinks: readonly ChangedFile[] = [],
): BlobRequest[] {
  const requests: BlobRequest[] = [];
  const folders = new Set<string>();
  // A possible link has no base version: only its head and its folder are read.
  for (const file of [...files, ...possibleLinks]) {
    if (file.headBlobSha) {
      requests.push({ key: headKey(file), repository: repo, object: { oid: file.headBlobSha } });
      if (file.link === undefined) folders.add(folderOf(file.path));
    }
    if (file.basePath)
      requests.push({
        key: baseKey(file),
        repository: repo,
        object: { expression: `${baseSha}:${file.basePath}` },
      });
  }
  for (const folder of folders)
    requests.push({
      key: folderKey(folder),
      repository: repo,
      object: { expression: `${repo.headSha}:${folder}` },
      entries: true,
    });
  return requests;
}

export function fileVersionsFrom(texts: BlobTexts, changed: ChangedFiles): FileVersions {
  const versions: FileVersions = { head: [], base: [] };
  const unreadable: FileError[] = [];
  for (const file of changed.files) {
    const head = texts.get(headKey(file));
    const base = texts.get(baseKey(file));
    const unread = file.headBlobSha ? whyUnread(file, head, texts) : undefined;
    if (unread) {
      // A file Posture would not analyse by its path (an image among a role's files) is left
      // out. Either way its base version stays unread too: alone, it would make every finding
      // there look fixed.
      if (file.assignedByPolicy || analysedByPath(file.path))
        unreadable.push(
          unread === 'link' ? symbolicLinkError(file.path, head) : binaryFileError(file.path),
        );
      continue;
    }
    if (head !== undefined) versions.head.push({ path: file.path, content: head });
    if (base !== undefined) versions.base.push({ path: file.path, content: base });
  }
  for (const file of changed.possibleLinks) {
    const target = texts.get(headKey(file));
    if (whyUnread(file, target, texts) === 'link' && linkMayStandForCode(file.path, target ?? ''))
      unreadable.push(symbolicLinkError(file.path, target));
  }
  if (unreadable.length > 0) versions.unreadable = unreadable;
  const editedPolicy = texts.get(EDITED_POLICY_KEY);
  if (editedPolicy !== undefined) versions.editedPolicy = editedPolicy;
  return versions;
}

/** Why a changed file's head version cannot be analysed: a symbolic link, or no text at all. */
function whyUnread(
  file: ChangedFile,
  head: string | undefined,
  texts: BlobTexts,
): 'link' | 'binary' | undefined {
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  const mode = texts.folders.get(folderKey(folderOf(file.path)))?.get(name);
  if (file.link ?? mode === SYMBOLIC_LINK_MODE) return 'link';
  return head === undefined ? 'binary' : undefined;
}
