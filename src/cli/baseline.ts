/**
 * Baselines: findings a team has accepted for now, so that a scan fails only on what is new.
 *
 * A baseline file is JSON, written by `--write-baseline` and read by `--baseline`:
 *
 *   {
 *     "version": 1,
 *     "findings": [
 *       { "fingerprint": "3f2a…:1", "ruleId": "hard-coded-secret", "path": "group_vars/all.yml",
 *         "line": 3, "message": "`db_password` is set to a literal secret" }
 *     ]
 *   }
 *
 * Only `fingerprint` is matched (rule, path from the repository root, normalised text of the
 * flagged line: the identity the app uses); the other fields are there for the people who
 * review the file. Findings are matched as the app matches a pull request's findings with its
 * base: by fingerprint hash, so that code moving up or down stays accepted; when a line is
 * flagged more often than the baseline says, the extra copies (the last ones in the file) are new.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fingerprintHash } from '../engine/diff-findings.js';
import { isOpenFinding, type ReportedFinding } from '../report/scan-report.js';
import { describeError } from './describe-error.js';
import { UsageError } from './usage-error.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  path: string;
  line: number;
  message: string;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  findings: BaselineEntry[];
}

export interface BaselineMatch {
  findings: ReportedFinding[];
  /** findings the baseline accepted */
  accepted: number;
  /** baseline entries no finding matched */
  unmatched: number;
}

const FINGERPRINT = /^[0-9a-f]{64}:[1-9][0-9]*$/;

export async function readBaseline(cwd: string, file: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read baseline ${file}: ${describeError(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `baseline ${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return validBaseline(parsed, file);
}

function validBaseline(value: unknown, file: string): Baseline {
  const invalid = (why: string) =>
    new UsageError(
      `baseline ${file} is not a Posture baseline: ${why}; write one with --write-baseline`,
    );
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid('expected an object');
  const { version, findings } = value as { version?: unknown; findings?: unknown };
  if (version !== BASELINE_VERSION) throw invalid(`version must be ${BASELINE_VERSION}`);
  if (!Array.isArray(findings)) throw invalid('findings must be a list');
  findings.forEach((entry: unknown, index) => {
    const fingerprint =
      typeof entry === 'object' && entry !== null
        ? (entry as { fingerprint?: unknown }).fingerprint
        : undefined;
    if (typeof fingerprint !== 'string' || !FINGERPRINT.test(fingerprint))
      throw invalid(`findings[${index}].fingerprint must be <sha256>:<n>`);
  });
  return value as Baseline;
}

/** The findings that would count without a baseline, in the order reports list them, as a baseline file's text. */
export function formatBaseline(findings: readonly ReportedFinding[]): string {
  const entries: BaselineEntry[] = findings
    .filter((finding) => isOpenFinding(finding) || finding.status === 'baselined')
    .map((finding) => ({
      fingerprint: finding.fingerprint,
      ruleId: finding.ruleId,
      path: finding.path,
      line: finding.range.line,
      message: finding.message,
    }));
  const baseline: Baseline = { version: BASELINE_VERSION, findings: entries };
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

export async function writeBaseline(
  cwd: string,
  file: string,
  findings: readonly ReportedFinding[],
): Promise<void> {
  try {
    await writeFile(path.resolve(cwd, file), formatBaseline(findings), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot write baseline ${file}: ${describeError(error)}`);
  }
}

/** Marks the open findings the baseline lists as `baselined`; waived, suppressed and test-code findings stay as they are. */
export function applyBaseline(
  findings: readonly ReportedFinding[],
  baseline: Baseline,
): BaselineMatch {
  const remaining = new Map<string, number>();
  for (const entry of baseline.findings) {
    const hash = fingerprintHash(entry.fingerprint);
    remaining.set(hash, (remaining.get(hash) ?? 0) + 1);
  }
  let accepted = 0;
  const marked = findings.map((finding) => {
    if (!isOpenFinding(finding)) return finding;
    const hash = fingerprintHash(finding.fingerprint);
    const left = remaining.get(hash) ?? 0;
    if (left === 0) return finding;
    remaining.set(hash, left - 1);
    accepted += 1;
    return { ...finding, status: 'baselined' as const };
  });
  const unmatched = [...remaining.values()].reduce((sum, left) => sum + left, 0);
  return { findings: marked, accepted, unmatched };
}
