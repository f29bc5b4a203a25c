/**
 * What a pull request changes, from the fetched files alone (no GitHub calls): the policy that
 * judges it, the findings of the base and the head version of each changed file matched into
 * added, existing and fixed, the `policy-change` finding when it edits `.security.yml`, the
 * security surfaces it touches and its risk level.
 */
import type { ChangeReach } from '../languages/language.js';
import {
  keptModels,
  type AnalysisResult,
  type AnalyzeOptions,
  type SourceFile,
} from '../engine/analyze.js';
import { blastRadius } from '../engine/blast-radius.js';
import { comparableRename } from '../engine/comparable-rename.js';
import { diffFindings, type FingerprintedFinding } from '../engine/diff-findings.js';
import type { FileError, Finding } from '../model/finding.js';
import { createLineLookup, fingerprintAll } from '../engine/fingerprint.js';
import { assessRisk, describeImpact, type SurfaceChange } from '../engine/impact.js';
import type { RiskLevel } from '../model/risk.js';
import { buildPolicy } from '../policy/build-policy.js';
import type { Notice } from '../policy/notice.js';
import { describePolicyChange, policyChangeFinding } from '../policy/policy-change.js';
import type { EffectivePolicy, PolicyError } from '../policy/types.js';
import { buildDiffMap, linesOfFindings, startsOnAddedLine, type DiffMap } from './diff-map.js';
import { withLocalPatches } from './local-patches.js';
import type { FileVersions } from './fetch-sources.js';
import { POLICY_PATH, type PolicyTexts } from './load-policy.js';
import type { ChangedFiles } from './pr-files.js';
import { routeToSecurityReview, type Routing } from './routing.js';
import { judgeUnreadable } from './unreadable-files.js';

export type AnalyzeFunction = (
  files: readonly SourceFile[],
  options: Pick<AnalyzeOptions, 'policy' | 'now' | 'keepModels'>,
) => Promise<AnalysisResult>;

export interface ChangeEvaluation {
  policy: EffectivePolicy;
  policyErrors: PolicyError[];
  added: FingerprintedFinding[];
  existing: FingerprintedFinding[];
  fixed: FingerprintedFinding[];
  /** changed files the head analysis could not read, or that were no text to read */
  errors: FileError[];
  notices: Notice[];
  analyzedFiles: number;
  surfaces: SurfaceChange[];
  /** the hosts, plays, nodes and roles the changed files reach */
  reach: ChangeReach[];
  /** unchanged files read with the change, because its values reach them or they set its values */
  contextFiles: number;
  risk: RiskLevel;
  /** the diff's lines where findings start and end, for each changed file GitHub gave a diff of */
  diffMap: DiffMap;
  /** whether (and why) the policy sends the pull request to security reviewers */
  routing?: Routing;
}

export interface ChangeInputs {
  changed: ChangedFiles;
  versions: FileVersions;
  policyTexts: PolicyTexts;
}

/** What evaluates changes for a review: a pool of worker threads, or the calling thread. */
export interface ChangeAnalyzer {
  evaluate(inputs: ChangeInputs, now: Date, signal?: AbortSignal): Promise<ChangeEvaluation>;
  close(): Promise<void>;
}

export async function evaluateChange(
  { changed, versions, policyTexts }: ChangeInputs,
  analyze: AnalyzeFunction,
  now: Date,
): Promise<ChangeEvaluation> {
  const { policy, errors: policyErrors } = buildPolicy(policyTexts);
  const unreadable = judgeUnreadable(versions.unreadable ?? [], policy);
  const context = versions.context ?? [];
  const [head, base] = await Promise.all([
    analyze([...versions.head, ...context], { policy, now, keepModels: true }),
    analyze([...comparableBase(changed, versions.base, policy), ...context], {
      policy,
      now,
      keepModels: true,
    }),
  ]);
  const contextPaths = new Set(context.map((file) => file.path));
  const inChange = (finding: Finding) => !contextPaths.has(finding.path);
  const diffMap = buildDiffMap(withLocalPatches(changed.files, versions));
  const matched = diffFindings({
    head: head.findings,
    base: base.findings,
    headLineText: lineLookup([...versions.head, ...context]),
    baseLineText: lineLookup([...versions.base, ...context]),
    isWrittenByChange: (finding) => startsOnAddedLine(diffMap, finding),
  });
  // In a file the change does not touch, only what the change brings there is its finding: a
  // value it now uses, set on an unchanged line.
  const diff = {
    added: matched.added,
    existing: matched.existing.filter(({ finding }) => inChange(finding)),
    fixed: matched.fixed.filter(({ finding }) => inChange(finding)),
  };
  const policyChange = reviewPolicyEdit(changed, versions, policyTexts);
  const added = policyChange ? [...diff.added, policyChange] : diff.added;
  const surfaces = describeImpact(keptModels(base), keptModels(head));
  const reach = blastRadius({
    changed: changed.listed.map((file) => file.path),
    models: keptModels(head),
    texts: new Map(context.map((file) => [file.path, file.content])),
  });
  // Waivers are the security team's decision; an author's own suppression does not lower the risk.
  // Test code is reported apart and never routes or raises the risk.
  const unwaived = added.filter(
    ({ finding }) => finding.status !== 'waived' && finding.context !== 'test',
  );
  const risk = assessRisk(
    unwaived.map(({ finding }) => finding),
    surfaces.map((change) => change.surface),
  );
  const routing = routeToSecurityReview(policy.review, {
    added: unwaived,
    risk,
    surfaces,
    listed: changed.listed,
    ...(changed.policyFile ? { policyFile: changed.policyFile } : {}),
    failOn: policy.failOn,
  });
  return {
    policy,
    policyErrors,
    added,
    existing: diff.existing,
    fixed: diff.fixed,
    errors: [...head.errors.filter((error) => !contextPaths.has(error.path)), ...unreadable.errors],
    notices: [
      ...head.notices,
      ...unreadable.notices,
      ...head.errors.filter((error) => contextPaths.has(error.path)).map(unreadContext),
    ],
    analyzedFiles: head.analyzed.filter((file) => !contextPaths.has(file.path)).length,
    contextFiles: context.length,
    surfaces,
    reach,
    risk,
    diffMap: linesOfFindings(
      diffMap,
      [...added, ...diff.existing].map(({ finding }) => finding),
    ),
    ...(routing ? { routing } : {}),
  };
}

/**
 * The base versions to compare with. A file moved to where the policy reads it otherwise (out of
 * a path it excludes, into one a rule's globs or `paths.languages` treat otherwise, or away from a
 * waiver) has none: what it held there was never judged as it is now, so its findings are new.
 */
function comparableBase(
  changed: ChangedFiles,
  base: readonly SourceFile[],
  policy: EffectivePolicy,
): readonly SourceFile[] {
  const moved = new Set(
    changed.files
      .filter(
        ({ path, basePath }) => basePath !== undefined && !comparableRename(basePath, path, policy),
      )
      .map(({ path }) => path),
  );
  return moved.size === 0 ? base : base.filter((file) => !moved.has(file.path));
}

/** An unchanged file the change reaches that Posture could not read: the change's flow may be incomplete. */
function unreadContext(error: FileError): Notice {
  return {
    path: error.path,
    ...(error.line === undefined ? {} : { line: error.line }),
    message: `an unchanged file this change's values reach could not be analysed (${error.message}); values set or used there are not followed`,
  };
}

function lineLookup(files: readonly SourceFile[]) {
  return createLineLookup(new Map(files.map((file) => [file.path, file.content])));
}

/** The finding for an edit of `.security.yml` in this pull request, judged against the base policy. */
function reviewPolicyEdit(
  changed: ChangedFiles,
  versions: FileVersions,
  policyTexts: PolicyTexts,
): FingerprintedFinding | undefined {
  if (!changed.policyFile) return undefined;
  const edited = versions.editedPolicy;
  const head =
    edited === undefined
      ? undefined
      : { source: `${POLICY_PATH} (this pull request)`, text: edited };
  const finding: Finding | undefined = policyChangeFinding(
    POLICY_PATH,
    describePolicyChange(policyTexts.org, policyTexts.repo, head),
  );
  if (!finding) return undefined;
  const [fingerprint = ''] = fingerprintAll([finding], () => finding.message);
  return { finding, fingerprint };
}
