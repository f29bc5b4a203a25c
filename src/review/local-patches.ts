/**
 * Diffs for the changed files GitHub listed without one: a change too large for the comparison
 * is read from the two commits' trees, which say which files changed but not how. The two
 * versions are at hand, so the hunks are computed here (jsdiff), the way `git diff` shows them.
 */
import { structuredPatch } from 'diff';
import type { FileVersions } from './fetch-sources.js';
import type { ChangedFile } from './pr-files.js';

export function withLocalPatches(
  files: readonly ChangedFile[],
  versions: FileVersions,
): ChangedFile[] {
  const head = new Map(versions.head.map((file) => [file.path, file.content]));
  const base = new Map(versions.base.map((file) => [file.path, file.content]));
  return files.map((file) => {
    if (!file.diffLocally || file.patch !== undefined || !head.has(file.path)) return file;
    return { ...file, patch: unifiedHunks(base.get(file.path) ?? '', head.get(file.path) ?? '') };
  });
}

/** The hunks of a unified diff with three lines of context, without the file header. */
function unifiedHunks(before: string, after: string): string {
  const { hunks } = structuredPatch('a', 'b', before, after, '', '', { context: 3 });
  return hunks
    .map((hunk) =>
      [
        `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
        ...hunk.lines,
      ].join('\n'),
    )
    .join('\n');
}
