/**
 * What a change does to the findings of the files it touches: the ones it adds, the ones that
 * were already there at the base, and the ones it fixes. Findings are matched across the two
 * versions by fingerprint (rule, path, normalised text of the flagged line), never by line
 * number, so code that moves keeps its findings "existing".
 */
import type { Finding } from '../model/finding.js';
import { fingerprintAll, type LineLookup } from './fingerprint.js';

export interface FingerprintedFinding {
  finding: Finding;
  /** `<sha256>:<occurrence>`, as in SARIF and in comment markers */
  fingerprint: string;
}

export interface FindingDiff {
  /** at head, with no counterpart at the base */
  added: FingerprintedFinding[];
  /** at head and at the base */
  existing: FingerprintedFinding[];
  /** at the base, gone at head (base line numbers) */
  fixed: FingerprintedFinding[];
}

export interface FindingVersions {
  head: readonly Finding[];
  base: readonly Finding[];
  headLineText: LineLookup;
  baseLineText: LineLookup;
  /**
   * Whether the change wrote the line a head finding is on. When one line is flagged more often
   * at head than at the base, these are the occurrences counted as added.
   */
  isWrittenByChange?: (finding: Finding) => boolean;
}

/** The fingerprint without its occurrence number: what stays equal however often a line repeats. */
export function fingerprintHash(fingerprint: string): string {
  const colon = fingerprint.indexOf(':');
  return colon === -1 ? fingerprint : fingerprint.slice(0, colon);
}

export function diffFindings({
  head,
  base,
  headLineText,
  baseLineText,
  isWrittenByChange = () => false,
}: FindingVersions): FindingDiff {
  const headGroups = groupByHash(fingerprinted(head, headLineText));
  const baseGroups = groupByHash(fingerprinted(base, baseLineText));
  const diff: FindingDiff = { added: [], existing: [], fixed: [] };
  for (const [hash, atHead] of headGroups) {
    const atBase = baseGroups.get(hash) ?? [];
    const surplus = atHead.length - atBase.length;
    if (surplus <= 0) {
      diff.existing.push(...atHead);
      continue;
    }
    // Prefer the occurrences the change wrote, then the last ones in the file.
    const ranked = atHead
      .map((item, index) => ({ item, index, written: isWrittenByChange(item.finding) }))
      .sort((a, b) => Number(b.written) - Number(a.written) || b.index - a.index);
    const added = new Set(ranked.slice(0, surplus).map((entry) => entry.item));
    for (const item of atHead) (added.has(item) ? diff.added : diff.existing).push(item);
  }
  for (const [hash, atBase] of baseGroups) {
    const remaining = headGroups.get(hash)?.length ?? 0;
    if (atBase.length > remaining) diff.fixed.push(...atBase.slice(remaining));
  }
  return diff;
}

function fingerprinted(findings: readonly Finding[], lineText: LineLookup): FingerprintedFinding[] {
  const prints = fingerprintAll(findings, (finding) => lineText(finding.path, finding.range.line));
  return findings.map((finding, index) => ({ finding, fingerprint: prints[index] ?? '' }));
}

function groupByHash(items: readonly FingerprintedFinding[]): Map<string, FingerprintedFinding[]> {
  const groups = new Map<string, FingerprintedFinding[]>();
  for (const item of items) {
    const hash = fingerprintHash(item.fingerprint);
    let group = groups.get(hash);
    if (!group) groups.set(hash, (group = []));
    group.push(item);
  }
  return groups;
}
