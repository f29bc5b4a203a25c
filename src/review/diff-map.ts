/**
 * Which right-side (head) lines of each file a pull request's diff shows, so inline comments
 * are only placed where GitHub accepts them.
 */

export type DiffLineKind = 'added' | 'context';

export interface DiffLine {
  kind: DiffLineKind;
  /** 0-based index of the hunk the line belongs to; range comments must stay within one hunk */
  hunk: number;
}

/** Head line number → how the diff shows it. Lines absent from the map are outside every hunk. */
export type FileDiff = ReadonlyMap<number, DiffLine>;

/** path → lines of that file in the diff; a changed file without a patch has no entry. */
export type DiffMap = ReadonlyMap<string, FileDiff>;

const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

export function parsePatch(patch: string): FileDiff {
  const lines = new Map<number, DiffLine>();
  let hunk = -1;
  let rightLine = 0;
  // Lines still expected on each side; the header's counts, not the text, say where a hunk ends.
  let leftRemaining = 0;
  let rightRemaining = 0;
  for (const text of patch.split('\n')) {
    const header = HUNK_HEADER.exec(text);
    if (header) {
      hunk += 1;
      leftRemaining = header[1] === undefined ? 1 : Number(header[1]);
      rightLine = Number(header[2]);
      rightRemaining = header[3] === undefined ? 1 : Number(header[3]);
      continue;
    }
    if (leftRemaining + rightRemaining === 0) continue;
    const marker = text[0];
    if (marker === '+') {
      lines.set(rightLine, { kind: 'added', hunk });
      rightLine += 1;
      rightRemaining -= 1;
    } else if (marker === '-') {
      leftRemaining -= 1;
    } else if (marker === ' ' || text === '') {
      lines.set(rightLine, { kind: 'context', hunk });
      rightLine += 1;
      rightRemaining -= 1;
      leftRemaining -= 1;
    }
    // '\ No newline at end of file' is a marker, not a line.
  }
  return lines;
}

export function buildDiffMap(
  files: readonly { path: string; patch?: string | undefined }[],
): DiffMap {
  const map = new Map<string, FileDiff>();
  for (const file of files) {
    if (file.patch !== undefined) map.set(file.path, parsePatch(file.patch));
  }
  return map;
}

/**
 * The diff map cut down to the lines the findings start and end on (each changed file keeps its
 * entry, even empty): all that commenting needs, and far less to hand from an analysis thread
 * back to the server than every line of every changed file.
 */
export function linesOfFindings(
  diffMap: DiffMap,
  findings: readonly { path: string; range: { line: number; endLine: number } }[],
): DiffMap {
  const kept = new Map<string, Map<number, DiffLine>>(
    [...diffMap.keys()].map((path) => [path, new Map()]),
  );
  for (const { path, range } of findings) {
    const lines = diffMap.get(path);
    const target = kept.get(path);
    if (!lines || !target) continue;
    for (const line of [range.line, range.endLine, range.endLine - 1]) {
      const entry = lines.get(line);
      if (entry) target.set(line, entry);
    }
  }
  return kept;
}

/** Whether the pull request adds the line a finding starts on: the lines its author wrote. */
export function startsOnAddedLine(
  diffMap: DiffMap,
  finding: { path: string; range: { line: number } },
): boolean {
  return diffMap.get(finding.path)?.get(finding.range.line)?.kind === 'added';
}
