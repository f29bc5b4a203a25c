/**
 * The unchanged files a review reads beyond the diff: when a change touches variables,
 * templates or deployed files, or adds lines that read variables, the head commit's tree is
 * read once (or taken from the listing of a change too large to compare) and the files the changed values reach (`engine/variables/reach.ts`) are fetched in
 * the same content query as the changed files, by blob SHA, so that later pushes reuse them.
 * Those files are the same at the base and at head: both analyses read them.
 */
import type { SourceFile } from '../engine/analyze.js';
import { isDeployedFile } from '../parsers/config/formats.js';
import { definesForOthers } from '../engine/variables/definitions.js';
import {
  appliedUnitFiles,
  languageByPath,
  mayBeGivenWhole,
  reachedFiles,
  unitsApplied,
} from '../engine/variables/reach.js';
import type { BlobRequest, BlobTexts } from './fetch-blobs.js';
import { readTree, type ChangedFiles } from './pr-files.js';
import type { GitHubClient, ReviewTarget } from './review-target.js';

/** Files read beyond the diff at most: a few content queries, a few seconds of analysis. */
export const MAX_CONTEXT_FILES = 2_000;

/** An added line that reads a variable: Jinja2, Puppet, Ruby interpolation or node attributes. */
const READS_VARIABLES = /^\+.*(\{\{|\$\{|\$[a-z_:]|#\{|node\[|@[a-z_])/m;

export interface ContextFile {
  path: string;
  blobSha: string;
}

/** Whether the change can reach or read files it does not change. */
export function needsContext(changed: ChangedFiles): boolean {
  return changed.files.some((file) => {
    // A deployed file's language may show only in the layout around it (`templates/` beside
    // `manifests/`), which the tree tells.
    if (isDeployedFile(file.path)) return true;
    const language = languageByPath(file.path);
    if (!language) return false;
    if (definesForOthers(file.path, language)) return true;
    // A vars file a play names (`vars_files:`) shows only in the plays around it.
    if (mayBeGivenWhole(file.path, language)) return true;
    return file.patch === undefined || READS_VARIABLES.test(file.patch);
  });
}

/** The head commit's tree (path → blob SHA), read from GitHub at most once per review. */
export type HeadTree = () => Promise<ReadonlyMap<string, string>>;

export function headTreeOf(
  octokit: GitHubClient,
  target: ReviewTarget,
  changed: ChangedFiles,
): HeadTree {
  let reading: Promise<ReadonlyMap<string, string>> | undefined;
  return () => {
    reading ??= changed.headTree
      ? Promise.resolve(changed.headTree)
      : readTree(octokit, target, target.headSha).then(({ blobs }) => blobs);
    return reading;
  };
}

/** The files to read with the change, from the head commit's tree; none when it is not needed. */
export async function contextFiles(
  changed: ChangedFiles,
  headTree: HeadTree,
): Promise<ContextFile[]> {
  if (!needsContext(changed)) return [];
  const blobs = await headTree();
  const changedPaths = changed.listed.map((file) => file.path);
  return withBlobs(reachedFiles(changedPaths, [...blobs.keys()], MAX_CONTEXT_FILES), blobs);
}

/**
 * The files a change reaches that only its text tells, read once the changed files are: the
 * roles a changed play gives values to, the modules a manifest declares classes of, the
 * cookbooks a Chef role runs (`appliedUnitFiles`), and the roles of the unchanged plays that
 * give a changed file whole (`vars_files:`), beyond those already in `context`.
 */
export async function appliedContextFiles(
  headTexts: readonly SourceFile[],
  context: readonly ContextFile[],
  contextTexts: readonly SourceFile[],
  headTree: HeadTree,
): Promise<ContextFile[]> {
  const applied = unitsApplied(headTexts, contextTexts);
  if (applied.length === 0) return [];
  const blobs = await headTree();
  const changedPaths = new Set(headTexts.map((file) => file.path));
  const read = new Set([...changedPaths, ...applied.map((file) => file.path)]);
  const known = new Set(context.map((file) => file.path));
  const reached = appliedUnitFiles(applied, [...blobs.keys()], MAX_CONTEXT_FILES, read).filter(
    (path) => !known.has(path),
  );
  return withBlobs(reached.slice(0, Math.max(0, MAX_CONTEXT_FILES - context.length)), blobs);
}

function withBlobs(paths: readonly string[], blobs: ReadonlyMap<string, string>): ContextFile[] {
  return paths.flatMap((path) => {
    const blobSha = blobs.get(path);
    return blobSha ? [{ path, blobSha }] : [];
  });
}

const contextKey = (path: string) => `context:${path}`;

export function contextRequests(
  target: ReviewTarget,
  files: readonly ContextFile[],
): BlobRequest[] {
  return files.map((file) => ({
    key: contextKey(file.path),
    repository: { owner: target.owner, repo: target.repo },
    object: { oid: file.blobSha },
  }));
}

export function contextFrom(texts: BlobTexts, files: readonly ContextFile[]): SourceFile[] {
  return files.flatMap((file) => {
    const content = texts.get(contextKey(file.path));
    return content === undefined ? [] : [{ path: file.path, content }];
  });
}
