/**
 * What a pull request changes at exactly the head commit under review: the comparison of the
 * base commit with that head SHA (`base...head`, so against their merge base, as GitHub's own
 * "Files changed" tab), never the pull request's file list, which moves with every push. GitHub
 * lists at most 300 files in a comparison; a larger change is read from the two commits' trees.
 * A file Posture analyses by its path is listed even when GitHub shows no diff of it (binary, or
 * renamed unchanged), so that it is read or reported, never passed over.
 */
import { comparableRename } from '../engine/comparable-rename.js';
import { analysedByPath, mayBeAnalysed } from '../engine/detect-language.js';
import { hasLanguageExtension } from '../languages/files.js';
import { requestLargeJson } from './large-json.js';
import { POLICY_PATH } from './load-policy.js';
import type { GitHubClient, ReviewTarget } from './review-target.js';
import { SYMBOLIC_LINK_MODE } from './unreadable-files.js';

/** GitHub's documented ceiling on the files of a comparison. */
export const COMPARE_FILES_LIMIT = 300;
/** Kept for messages about very large pull requests: GitHub's own listing stops here too. */
export const LIST_FILES_LIMIT = 3000;

export interface ChangedFile {
  /** the path at head (for a removed file, the path it had) */
  path: string;
  /** blob SHA of the file at the head commit; absent when the pull request removes the file */
  headBlobSha?: string;
  /**
   * where the file was at the base commit (its old name when renamed); absent when it is new, and
   * when it moved to where it plays another part (see `comparedBasePath`)
   */
  basePath?: string;
  /** unified-diff hunks; absent when GitHub omits them (very large diffs) */
  patch?: string;
  /** listed from the commits' trees, which carry no diff: the analysis computes one from both versions */
  diffLocally?: true;
  /**
   * whether the head version is a symbolic link (git mode 120000): known when the change was
   * read from the trees; otherwise the content query asks (`fetch-sources.ts`)
   */
  link?: boolean;
  /** read because the policy's `paths.languages` gives it a language, not for its path */
  assignedByPolicy?: true;
}

/** Every file of the change, with its head blob, for review routing by path. */
export interface ListedFile {
  path: string;
  headBlobSha?: string;
}

export interface ChangedFiles {
  /** the commit both versions are compared against: the merge base of the base commit and the head */
  mergeBaseSha: string;
  /** changed files worth analysing, at the base, at head or both */
  files: ChangedFile[];
  /** every changed file, analysable or not */
  listed: ListedFile[];
  /** true when GitHub could not list the whole change (a tree too large to read) */
  truncated: boolean;
  /** the head commit's tree (path → blob SHA), when the change was read from the trees */
  headTree?: ReadonlyMap<string, string>;
  /**
   * changed files Posture does not read by their path that may be symbolic links standing for a
   * folder or a file it reads (`tasks` pointing to a role's `files/`): their head versions and
   * modes are read, and a link is reported as unanalysable (`unreadable-files.ts`)
   */
  possibleLinks: ChangedFile[];
  /**
   * changed files with a language's extension that Posture would not read by their path: read
   * only when the policy's `paths.languages` gives them a language (`policy-assigned-files.ts`)
   */
  byPolicyOnly: ChangedFile[];
  /** the repository's policy file, when the pull request adds, edits or deletes it */
  policyFile?: { status: 'added' | 'modified' | 'removed'; blobSha?: string };
}

/** One changed file as the comparison (or the tree difference) reports it. */
interface ChangeEntry {
  filename: string;
  status: string;
  sha?: string | null;
  previous_filename?: string;
  patch?: string;
  changes?: number;
  /** whether the head version is a symbolic link, when the listing says */
  link?: boolean;
}

/** Statuses with a version of the file at the base commit ("copied" is a new file next to its source). */
const HAS_BASE_VERSION = new Set(['modified', 'changed', 'renamed', 'removed']);

export async function listChangedFiles(
  octokit: GitHubClient,
  target: ReviewTarget,
): Promise<ChangedFiles> {
  const { data } = await requestLargeJson<{
    merge_base_commit: { sha: string };
    files?: ChangeEntry[];
  }>(octokit, 'GET /repos/{owner}/{repo}/compare/{basehead}', {
    owner: target.owner,
    repo: target.repo,
    basehead: `${target.baseSha}...${target.headSha}`,
    // Any paging parameter limits the commits listed; the files come on the first page.
    per_page: 1,
  });
  const mergeBaseSha = data.merge_base_commit.sha;
  // A comparison without its file list says nothing of what changed: the trees say it instead.
  const compared = data.files;
  if (compared !== undefined && compared.length < COMPARE_FILES_LIMIT)
    return classify(mergeBaseSha, compared, false);
  const fromTrees = await changesBetweenTrees(octokit, target, mergeBaseSha);
  return {
    ...classify(mergeBaseSha, fromTrees.entries, fromTrees.truncated, true),
    headTree: fromTrees.headBlobs,
  };
}

function classify(
  mergeBaseSha: string,
  entries: readonly ChangeEntry[],
  truncated: boolean,
  fromTrees = false,
): ChangedFiles {
  const files: ChangedFile[] = [];
  const listed: ListedFile[] = [];
  const possibleLinks: ChangedFile[] = [];
  const byPolicyOnly: ChangedFile[] = [];
  let policyFile: ChangedFiles['policyFile'];
  for (const file of entries) {
    const headBlobSha = file.status === 'removed' ? undefined : (file.sha ?? undefined);
    const removed = headBlobSha === undefined;
    listed.push({ path: file.filename, ...(removed ? {} : { headBlobSha }) });
    if (file.filename === POLICY_PATH || file.previous_filename === POLICY_PATH) {
      policyFile =
        removed || file.filename !== POLICY_PATH
          ? { status: 'removed' }
          : { status: file.status === 'added' ? 'added' : 'modified', blobSha: headBlobSha };
    }
    if (!mayBeAnalysed(file.filename)) {
      // Posture would not read it by its path, but the policy may (`paths.languages`).
      if (hasLanguageExtension(file.filename))
        byPolicyOnly.push(changedFile(file, headBlobSha, fromTrees));
      else if (!removed && mayBeLink(file, fromTrees))
        possibleLinks.push({
          path: file.filename,
          headBlobSha,
          ...(file.link === undefined ? {} : { link: file.link }),
        });
      continue;
    }
    // No patch and no changed lines: a binary file, a rename that changed nothing, or a change of
    // mode (a file turned into a link). A file Posture analyses by its path is read all the same,
    // so that one it cannot read is reported and one moved is judged where it now lives; an
    // image among a role's files is left alone.
    const noDiff = !removed && file.patch === undefined && file.changes === 0;
    if (noDiff && !analysedByPath(file.filename)) continue;
    files.push(changedFile(file, headBlobSha, fromTrees));
  }
  return {
    mergeBaseSha,
    files,
    listed,
    possibleLinks,
    byPolicyOnly,
    truncated,
    ...(policyFile ? { policyFile } : {}),
  };
}

function changedFile(
  file: ChangeEntry,
  headBlobSha: string | undefined,
  fromTrees: boolean,
): ChangedFile {
  const removed = headBlobSha === undefined;
  const basePath = comparedBasePath(file);
  return {
    path: file.filename,
    ...(removed ? {} : { headBlobSha }),
    ...(basePath === undefined ? {} : { basePath }),
    ...(file.patch === undefined || removed ? {} : { patch: file.patch }),
    ...(fromTrees && !removed ? { diffLocally: true as const } : {}),
    ...(file.link === undefined || removed ? {} : { link: file.link }),
  };
}

/** A one-line new version without a final newline, as git stores a link's target. */
const ONE_LINE_WITHOUT_NEWLINE =
  /^@@ -\d+(?:,\d+)? \+1(?:,1)? @@[^\n]*\n(?:-[^\n]*\n(?:\\[^\n]*\n)?)*\+[^\n]*\n\\ No newline at end of file\s*$/;

/**
 * Whether a changed file may be a symbolic link. The trees list modes; a comparison does not,
 * but shows a link as a one-line file without a final newline, or, renamed or turned into a link
 * with the same text, as no diff at all (then only a name without an extension is taken: a
 * folder's). The content query then reads the mode (`fetch-sources.ts`).
 */
function mayBeLink(file: ChangeEntry, fromTrees: boolean): boolean {
  if (fromTrees || file.link !== undefined) return file.link === true;
  if (file.patch === undefined) return file.changes === 0 && !/\.[^/.]+$/.test(file.filename);
  return ONE_LINE_WITHOUT_NEWLINE.test(file.patch);
}

/**
 * The version at the base a file's findings are matched against, so that findings already there
 * count as existing: none for a new file, nor for one moved to where it plays another part
 * (`comparableRename`; the policy's reading of both paths is weighed once it is read).
 */
function comparedBasePath(file: ChangeEntry): string | undefined {
  if (!HAS_BASE_VERSION.has(file.status)) return undefined;
  const before = file.previous_filename ?? file.filename;
  return comparableRename(before, file.filename) ? before : undefined;
}

interface TreeEntry {
  path?: string;
  mode?: string;
  type?: string;
  sha?: string;
}

/**
 * The change as the difference of two trees: blobs added, removed, or with another SHA or mode
 * (a file turned into a link keeps its SHA when the link's text is the file's). Renames show as a
 * removal and an addition.
 */
async function changesBetweenTrees(
  octokit: GitHubClient,
  target: ReviewTarget,
  mergeBaseSha: string,
): Promise<{ entries: ChangeEntry[]; truncated: boolean; headBlobs: Map<string, string> }> {
  const [base, head] = await Promise.all([
    readTree(octokit, target, mergeBaseSha),
    readTree(octokit, target, target.headSha),
  ]);
  const entries: ChangeEntry[] = [];
  for (const [path, sha] of head.blobs) {
    const before = base.blobs.get(path);
    const link = head.links.has(path);
    if (before === undefined) entries.push({ filename: path, status: 'added', sha, link });
    else if (before !== sha || base.links.has(path) !== link)
      entries.push({ filename: path, status: 'modified', sha, link });
  }
  for (const path of base.blobs.keys())
    if (!head.blobs.has(path)) entries.push({ filename: path, status: 'removed', sha: null });
  entries.sort((a, b) => (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0));
  return { entries, truncated: base.truncated || head.truncated, headBlobs: head.blobs };
}

/**
 * The blobs of a commit's tree, path → blob SHA, in one call, and which of them are symbolic
 * links; `truncated` past GitHub's limits.
 */
export async function readTree(
  octokit: GitHubClient,
  target: ReviewTarget,
  commitSha: string,
): Promise<{ blobs: Map<string, string>; links: Set<string>; truncated: boolean }> {
  const { data } = await requestLargeJson<{ tree: TreeEntry[]; truncated?: boolean }>(
    octokit,
    'GET /repos/{owner}/{repo}/git/trees/{tree_sha}',
    {
      owner: target.owner,
      repo: target.repo,
      tree_sha: commitSha,
      recursive: 'true',
    },
  );
  const blobs = new Map<string, string>();
  const links = new Set<string>();
  for (const entry of data.tree) {
    if (entry.type !== 'blob' || !entry.path || !entry.sha) continue;
    blobs.set(entry.path, entry.sha);
    if (entry.mode === SYMBOLIC_LINK_MODE) links.add(entry.path);
  }
  return { blobs, links, truncated: data.truncated === true };
}
