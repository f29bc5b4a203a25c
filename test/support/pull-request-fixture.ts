/**
 * A pull request built from two in-memory trees: the files `pulls.listFiles` would return
 * (with unified-diff patches computed by the `diff` package, independently of Posture's own
 * patch parser), the blobs by SHA, and the hunk ranges GitHub would accept comments on.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { structuredPatch } from 'diff';

/** path → file content */
export type Tree = ReadonlyMap<string, string>;

export interface PullRequestFile {
  sha: string;
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed';
  previous_filename?: string;
  additions: number;
  deletions: number;
  changes: number;
  patch?: string;
  blob_url: string;
  raw_url: string;
  contents_url: string;
}

/** Right-side line ranges of one file's hunks, inclusive. */
export interface HunkRange {
  start: number;
  end: number;
}

export interface PullRequestFixture {
  baseSha: string;
  headSha: string;
  base: Tree;
  head: Tree;
  files: PullRequestFile[];
  /** blob SHA → content, for every file at head */
  blobs: Map<string, string>;
  hunks: Map<string, HunkRange[]>;
  /** right-side lines each file's diff adds */
  addedLines: Map<string, Set<number>>;
}

/** Git's own object id for a blob, so the fixture's SHAs look and behave like GitHub's. */
export function blobSha(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

export function treeSha(tree: Tree): string {
  const hash = createHash('sha1');
  for (const [path, content] of [...tree].sort(([a], [b]) => a.localeCompare(b)))
    hash.update(`${path}\0${blobSha(content)}\n`);
  return hash.digest('hex');
}

export function readTree(directory: string): Map<string, string> {
  const tree = new Map<string, string>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else tree.set(relative(directory, path).split(sep).join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(directory);
  return tree;
}

export interface FixtureOptions {
  omitPatchFor?: readonly string[];
  /** new path → old path: listed once, as GitHub lists a rename, with the diff between the two */
  renames?: Readonly<Record<string, string>>;
}

/** What changed from one tree to another, as `pulls.listFiles` and the compare API describe it. */
export interface TreeDiff {
  files: PullRequestFile[];
  hunks: Map<string, HunkRange[]>;
  /** right-side lines each file's diff adds */
  addedLines: Map<string, Set<number>>;
}

export function buildPullRequest(
  base: Tree,
  head: Tree,
  options: FixtureOptions = {},
): PullRequestFixture {
  const blobs = new Map<string, string>();
  for (const content of head.values()) blobs.set(blobSha(content), content);
  return {
    baseSha: treeSha(base),
    headSha: treeSha(head),
    base,
    head,
    blobs,
    ...diffTrees(base, head, options),
  };
}

/** The changed files between two trees, path order, with unified-diff patches of three context lines. */
export function diffTrees(base: Tree, head: Tree, options: FixtureOptions = {}): TreeDiff {
  const files: PullRequestFile[] = [];
  const hunks = new Map<string, HunkRange[]>();
  const addedLines = new Map<string, Set<number>>();
  const renames = new Map(Object.entries(options.renames ?? {}));
  const renamedFrom = new Set(renames.values());
  const paths = [...new Set([...base.keys(), ...head.keys()])]
    .filter((path) => !renamedFrom.has(path))
    .sort();
  for (const path of paths) {
    const previous = renames.get(path);
    const before = base.get(previous ?? path);
    const after = head.get(path);
    if (before === after && previous === undefined) continue;
    const patch = structuredPatch(previous ?? path, path, before ?? '', after ?? '', '', '', {
      context: 3,
    });
    let additions = 0;
    let deletions = 0;
    const text: string[] = [];
    const ranges: HunkRange[] = [];
    const added = new Set<number>();
    for (const hunk of patch.hunks) {
      let rightLine = hunk.newStart;
      for (const line of hunk.lines) {
        if (line.startsWith('+')) added.add(rightLine);
        if (line.startsWith('+') || line.startsWith(' ')) rightLine += 1;
      }
      // Git writes an empty side as "-0,0"; jsdiff starts it at 1.
      const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
      const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
      text.push(`@@ -${oldStart},${hunk.oldLines} +${newStart},${hunk.newLines} @@`, ...hunk.lines);
      additions += hunk.lines.filter((line) => line.startsWith('+')).length;
      deletions += hunk.lines.filter((line) => line.startsWith('-')).length;
      if (hunk.newLines > 0)
        ranges.push({ start: hunk.newStart, end: hunk.newStart + hunk.newLines - 1 });
    }
    hunks.set(path, ranges);
    addedLines.set(path, added);
    const sha = after === undefined ? blobSha(before ?? '') : blobSha(after);
    const status =
      previous !== undefined
        ? 'renamed'
        : before === undefined
          ? 'added'
          : after === undefined
            ? 'removed'
            : 'modified';
    files.push({
      sha,
      filename: path,
      status,
      ...(previous === undefined ? {} : { previous_filename: previous }),
      additions,
      deletions,
      changes: additions + deletions,
      ...(options.omitPatchFor?.includes(path) ? {} : { patch: text.join('\n') }),
      blob_url: `https://github.com/blob/${sha}/${path}`,
      raw_url: `https://github.com/raw/${sha}/${path}`,
      contents_url: `https://api.github.com/contents/${path}`,
    });
  }
  return { files, hunks, addedLines };
}
