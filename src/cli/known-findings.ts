/**
 * Findings a team already knows about: those a git revision had already (`--diff-base`, left
 * out of the report) and those a baseline file accepts (`--baseline`, marked `baselined`), and
 * the baseline `--write-baseline` records. Every finding arrives with its fingerprint, numbered
 * over the whole scan as the app numbers a pull request's.
 */
import type { SourceFile } from '../engine/analyze.js';
import type { Finding } from '../model/finding.js';
import type { EffectivePolicy } from '../policy/types.js';
import { createLineLookup, fingerprintAll } from '../engine/fingerprint.js';
import {
  isOpenFinding,
  type BaselineComparison,
  type DiffBaseComparison,
  type ReportedFinding,
} from '../report/scan-report.js';
import { applyBaseline, writeBaseline, type Baseline } from './baseline.js';
import { findingsNewSince } from './diff-base.js';

export interface KnownFindingsInput {
  /** the scan's findings, paths from the repository root */
  findings: readonly Finding[];
  /** the content of every file read, by path */
  sources: ReadonlyMap<string, string>;
  /** analyses files as the scan did: base versions, for `--diff-base` */
  analyze: (files: readonly SourceFile[]) => Promise<readonly Finding[]>;
  /** the scan's policy */
  policy: EffectivePolicy;
  root: string;
  cwd: string;
  diffBase?: string;
  baseline?: { file: string; content: Baseline };
  writeBaseline?: string;
}

export interface KnownFindings {
  findings: ReportedFinding[];
  baseline?: BaselineComparison;
  diffBase?: DiffBaseComparison;
}

export async function setAsideKnownFindings(input: KnownFindingsInput): Promise<KnownFindings> {
  let findings = withFingerprints(input.findings, input.sources);
  const known: Omit<KnownFindings, 'findings'> = {};
  if (input.diffBase !== undefined) {
    const { added, existing } = await findingsNewSince({
      root: input.root,
      revision: input.diffBase,
      findings: input.findings,
      sources: input.sources,
      analyze: input.analyze,
      policy: input.policy,
    });
    findings = findings.filter((_, index) => added.has(input.findings[index] as Finding));
    known.diffBase = { ref: input.diffBase, existing };
  }
  if (input.baseline) {
    const matched = applyBaseline(findings, input.baseline.content);
    findings = matched.findings;
    known.baseline = {
      file: input.baseline.file,
      accepted: matched.accepted,
      unmatched: matched.unmatched,
    };
  }
  if (input.writeBaseline !== undefined) {
    await writeBaseline(input.cwd, input.writeBaseline, findings);
    findings = findings.map((finding) =>
      isOpenFinding(finding) ? { ...finding, status: 'baselined' as const } : finding,
    );
    const accepted = findings.filter((finding) => finding.status === 'baselined').length;
    known.baseline = { file: input.writeBaseline, accepted, unmatched: 0 };
  }
  return { findings, ...known };
}

function withFingerprints(
  findings: readonly Finding[],
  sources: ReadonlyMap<string, string>,
): ReportedFinding[] {
  const lineText = createLineLookup(sources);
  const fingerprints = fingerprintAll(findings, (finding) =>
    lineText(finding.path, finding.range.line),
  );
  return findings.map((finding, index) => ({ ...finding, fingerprint: fingerprints[index] ?? '' }));
}
