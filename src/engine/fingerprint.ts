/**
 * A finding's identity across commits: the rule, the file and what the flagged line says,
 * but not its line number, so that code moving up or down keeps the same fingerprint.
 */
import type { Finding } from '../model/finding.js';

export const FINGERPRINT_KEY = 'postureFingerprint/v1';

/** Whitespace differences (re-indentation, trailing spaces, tabs) do not change a fingerprint. */
export function normaliseLineText(lineText: string): string {
  return lineText.trim().replace(/\s+/g, ' ');
}

export function fingerprint(finding: Pick<Finding, 'ruleId' | 'path'>, lineText: string): string {
  // node:crypto is loaded when a first finding is fingerprinted, not when the CLI starts: loading
  // it costs a few milliseconds that a scan without findings would pay for nothing.
  return process
    .getBuiltinModule('node:crypto')
    .createHash('sha256')
    .update(finding.ruleId)
    .update('\0')
    .update(finding.path)
    .update('\0')
    .update(normaliseLineText(lineText))
    .digest('hex');
}

/**
 * Fingerprints for a list of findings, with an occurrence number so that two identical lines
 * flagged by the same rule in one file stay distinct (`<sha256>:1`, `<sha256>:2`), as GitHub
 * does for its own line hashes.
 */
export function fingerprintAll(
  findings: readonly Finding[],
  lineTextOf: (finding: Finding) => string,
): string[] {
  const occurrences = new Map<string, number>();
  return findings.map((finding) => {
    const hash = fingerprint(finding, lineTextOf(finding));
    const occurrence = (occurrences.get(hash) ?? 0) + 1;
    occurrences.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}

export type LineLookup = (path: string, line: number) => string;

/** Looks lines up in the scanned sources, splitting each file once; '' when unknown. */
export function createLineLookup(sources: ReadonlyMap<string, string>): LineLookup {
  const linesByPath = new Map<string, string[]>();
  return (path, line) => {
    let lines = linesByPath.get(path);
    if (!lines) {
      lines = (sources.get(path) ?? '').split(/\r?\n/);
      linesByPath.set(path, lines);
    }
    return lines[line - 1] ?? '';
  };
}
