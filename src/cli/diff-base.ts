/**
 * `--diff-base REF`: which findings are new since a git revision, decided the way the app
 * decides which findings a pull request adds. The files with findings are read at REF (under
 * their old name when the working tree renamed them, unless the move gave the file another part:
 * `comparableRename`), analysed with the same policy and rules,
 * and the two sets are matched by fingerprint; when a line is flagged more often now than at
 * REF, the copies on lines written since are the new ones.
 */
import { diffLines } from 'diff';
import type { SourceFile } from '../engine/analyze.js';
import { comparableRename } from '../engine/comparable-rename.js';
import { diffFindings } from '../engine/diff-findings.js';
import type { Finding } from '../model/finding.js';
import type { EffectivePolicy } from '../policy/types.js';
import { createLineLookup } from '../engine/fingerprint.js';
import { mapConcurrently } from '../shared/map-concurrently.js';
import { fileAtCommit, renamesSince, resolveCommit } from './git.js';

/** git processes at once: enough to overlap their start-up, few enough for a 2-core machine. */
const GIT_CONCURRENCY = 4;

export interface DiffBaseInput {
  /** the repository root, where `.git` is */
  root: string;
  revision: string;
  /** the findings of the working tree, paths relative to the root */
  findings: readonly Finding[];
  /** the working tree's content of the files read, by path */
  sources: ReadonlyMap<string, string>;
  /** analyses base versions exactly as the working tree was analysed */
  analyze(files: readonly SourceFile[]): Promise<readonly Finding[]>;
  /** the policy of the scan, which says whether a renamed file is read alike at both paths */
  policy: EffectivePolicy;
}

export interface NewFindings {
  /** the findings of `findings` that REF did not have */
  added: ReadonlySet<Finding>;
  /** how many findings REF had already */
  existing: number;
}

export async function findingsNewSince(input: DiffBaseInput): Promise<NewFindings> {
  const commit = await resolveCommit(input.root, input.revision);
  const renames = await renamesSince(input.root, commit);
  const paths = [...new Set(input.findings.map((finding) => finding.path))];
  const baseContents = await mapConcurrently(paths, GIT_CONCURRENCY, async (path) => {
    const before = renames.get(path) ?? path;
    return comparableRename(before, path, input.policy)
      ? fileAtCommit(input.root, commit, before)
      : undefined;
  });
  const baseFiles: SourceFile[] = paths.flatMap((path, index) => {
    const content = baseContents[index];
    return content === undefined ? [] : [{ path, content }];
  });
  const baseSources = new Map(baseFiles.map((file) => [file.path, file.content]));
  const writtenLines = new Map(
    paths.map((path) => [
      path,
      linesWrittenSince(baseSources.get(path) ?? '', input.sources.get(path) ?? ''),
    ]),
  );
  const diff = diffFindings({
    head: input.findings,
    base: await input.analyze(baseFiles),
    headLineText: createLineLookup(input.sources),
    baseLineText: createLineLookup(baseSources),
    isWrittenByChange: (finding) =>
      writtenLines.get(finding.path)?.has(finding.range.line) === true,
  });
  return {
    added: new Set(diff.added.map(({ finding }) => finding)),
    existing: diff.existing.length,
  };
}

/** The 1-based line numbers of `after` that `before` did not have. */
export function linesWrittenSince(before: string, after: string): Set<number> {
  const written = new Set<number>();
  let line = 1;
  for (const change of diffLines(before, after)) {
    const count = change.count ?? 0;
    if (change.removed) continue;
    if (change.added) for (let offset = 0; offset < count; offset++) written.add(line + offset);
    line += count;
  }
  return written;
}
