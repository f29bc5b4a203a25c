/**
 * The check run's title and Markdown summary: the change's risk and the security surfaces it
 * touches, the verdict, the security review it needs, the findings it adds, fixes and inherits,
 * what Posture could not analyse, and where the comments went.
 */
import type { ChangeReach } from '../languages/language.js';
import type { SurfaceChange } from '../engine/impact.js';
import type { RiskLevel } from '../model/risk.js';
import { FILE_ERROR_REASONS } from '../model/file-error.js';
import { atLeast, isOpen, SEVERITIES, type FileError, type Finding } from '../model/finding.js';
import type { Notice } from '../policy/notice.js';
import {
  formatPolicyError,
  type OnUnanalysable,
  type PolicyError,
  type Threshold,
} from '../policy/types.js';
import { ruleDocsUrl } from '../rules/docs-url.js';
import { unanalysableFails, type ReviewConclusion } from './conclusion.js';
import { mostSevereFirst } from './most-severe-first.js';
import type { InlineReviewOutcome } from './reviews.js';
import { LIST_FILES_LIMIT } from './pr-files.js';
import { impactSection, riskLine } from '../report/impact-section.js';
import { codeSpan, escapeMarkdownText, tableCell } from '../report/markdown.js';
import { reviewMarker, type ReviewRecord } from '../report/review-marker.js';
import { ruleMeta } from '../report/rule-lookup.js';
import {
  securityReviewSection,
  securityReviewVerdict,
  type SecurityReviewStatus,
} from './security-review-section.js';
import { blastRadiusSection, landingSection } from '../report/reach-section.js';
import type { SharedHeadVerdict } from './shared-head.js';
import { severityLabel } from '../report/severity-label.js';

/** GitHub rejects a summary longer than this with a 422. */
export const MAX_SUMMARY_CHARS = 65_535;
/** Longer tables are folded into `<details>` so the run page opens on the verdict. */
const FOLD_TABLE_AFTER_ROWS = 20;
const MAX_LISTED_ERRORS = 100;
/** Files a title names before it says "and N more". */
const MAX_TITLED_ERRORS = 3;
const MAX_LISTED_FIXED = 50;
const MAX_LISTED_EXISTING = 200;

export interface SummaryInput {
  /** findings the pull request adds, at head */
  added: readonly Finding[];
  /** findings at head that were already at the base */
  existing: readonly Finding[];
  /** findings of the base that the pull request removes (base lines) */
  fixed: readonly Finding[];
  /** existing findings count towards the verdict too */
  failOnExisting?: boolean;
  risk: RiskLevel;
  surfaces: readonly SurfaceChange[];
  /** the hosts, plays, nodes and roles the changed files reach */
  reach?: readonly ChangeReach[];
  /** present when the policy routes the pull request to security reviewers */
  securityReview?: SecurityReviewStatus;
  /** changed configuration files whose head version Posture could not analyse */
  errors: readonly FileError[];
  /** the policy's `on_unanalysable`: whether those files fail the check */
  onUnanalysable: OnUnanalysable;
  /** what the policy did that reviewers should know (expired waivers, unused suppressions) */
  notices?: readonly Notice[];
  /** problems with the policy files; any of them fails the run */
  policyErrors?: readonly PolicyError[];
  /** the policy files in effect, org first */
  policySources?: readonly string[];
  /** the org's `.github` repository, when the app could not see it and the org policy did not apply */
  orgPolicyUnreadable?: string;
  /** where rule documentation links point (`RULE_DOCS_URL`); without it, rule names are not links */
  docsBase?: string;
  analyzedFiles: number;
  /** unchanged files read with the change */
  contextFiles?: number;
  listedFiles: number;
  truncated: boolean;
  headSha: string;
  failOn: Threshold;
  /** the conclusion this pull request's own review reached */
  conclusion: ReviewConclusion;
  /** present when the run concludes worse than that, because of other pull requests of the head */
  sharedHead?: SharedHeadOutcome;
  inlineReview: InlineReviewOutcome;
  /** Posture comments folded because their finding is gone or accepted */
  minimizedComments?: number;
  /** why Posture could not fold them */
  foldFailure?: string;
  /** true when the diff shows that this pull request did not write the line a finding starts on */
  isUnchangedLine: (finding: Finding) => boolean;
  /** what a later event needs to know about this review; rendered as a hidden line */
  record?: ReviewRecord;
}

/** The run's conclusion when other pull requests of its head made it worse than its own review's. */
export interface SharedHeadOutcome {
  conclusion: ReviewConclusion;
  /** the pull requests whose reviews concluded worse than this one's */
  pulls: readonly SharedHeadVerdict[];
}

export interface TitleInput {
  added: readonly Finding[];
  existing: readonly Finding[];
  fixed?: readonly Finding[];
  errors: readonly FileError[];
  truncated: boolean;
  policyErrors?: number;
  conclusion?: ReviewConclusion;
  sharedHead?: SharedHeadOutcome;
}

/**
 * e.g. "2 high, 1 medium findings, 3 existing", "1 low finding", "No findings",
 * "No findings, 1 file not analysed: roles/db/vars/main.yml (nested too deeply)".
 */
export function checkRunTitle({
  added,
  existing,
  fixed = [],
  errors,
  truncated,
  policyErrors = 0,
  conclusion,
  sharedHead,
}: TitleInput): string {
  const open = added.filter(isOpen);
  const inherited = existing.filter(isOpen).length;
  const counts = SEVERITIES.map(
    (severity) => [severity, open.filter((f) => f.severity === severity).length] as const,
  )
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`);
  const noun = open.length === 1 ? 'finding' : 'findings';
  let title =
    counts.length > 0
      ? `${counts.join(', ')} ${noun}`
      : inherited > 0
        ? 'No new findings'
        : 'No findings';
  if (inherited > 0) title += `, ${inherited} existing`;
  const accepted = [...added, ...existing].length - open.length - inherited;
  if (accepted > 0) title += `, ${accepted} accepted`;
  if (fixed.length > 0) title += `, ${fixed.length} fixed`;
  if (errors.length > 0) title += `, ${notAnalysedInTitle(errors)}`;
  if (policyErrors > 0) title = `Invalid security policy: ${title}`;
  else if (conclusion === 'action_required') title = `Security review needed: ${title}`;
  if (truncated) title = `Not fully evaluated: ${title}`;
  return sharedHead ? `${sharedHeadTitle(sharedHead)}; this pull request: ${title}` : title;
}

/** "Pull request #12 of the same commit concluded failure" */
function sharedHeadTitle({ conclusion, pulls }: SharedHeadOutcome): string {
  const worst = pulls
    .filter((pull) => pull.verdict === conclusion)
    .map((pull) => `#${pull.pullNumber}`);
  const which =
    worst.length === 1 ? `Pull request ${worst.join('')}` : `Pull requests ${worst.join(', ')}`;
  return `${which} of the same commit concluded ${conclusion}`;
}

/**
 * Why the run concludes worse than the review below it says. Base branch names come from the
 * repository, so they go through `codeSpan`.
 */
function sharedHeadSection({ conclusion, pulls }: SharedHeadOutcome): string {
  const each = pulls.map(
    ({ pullNumber, baseRef, verdict }) =>
      `Pull request #${pullNumber} has the same head commit, into ${codeSpan(baseRef)}, and its review concluded ${verdict}.`,
  );
  return [
    `> [!WARNING]`,
    `> **This run concludes ${conclusion}**, whatever this pull request's own review below says.`,
    ...each.map((line) => `> ${line}`),
    `> A commit has one Posture check for every pull request of it, so this run concludes the worst of them.`,
  ].join('\n');
}

/** "1 file not analysed: a.yml (too large)", naming at most a few files and their reasons. */
function notAnalysedInTitle(errors: readonly FileError[]): string {
  const named = errors
    .slice(0, MAX_TITLED_ERRORS)
    .map((error) => `${error.path} (${FILE_ERROR_REASONS[error.kind]})`);
  const rest = errors.length - named.length;
  return `${errors.length} ${errors.length === 1 ? 'file' : 'files'} not analysed: ${named.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`;
}

export function checkRunSummary(input: SummaryInput): string {
  const before = [
    ...policyErrorsSection(input.policyErrors ?? []),
    riskLine(input.risk, input.surfaces),
    ...(input.sharedHead ? [sharedHeadSection(input.sharedHead)] : []),
    verdict(input),
    scope(input),
    ...(input.truncated ? [truncationWarning(input.listedFiles)] : []),
    ...errorsSection(input.errors, input.onUnanalysable),
    ...(input.securityReview ? securityReviewSection(input.securityReview) : []),
    ...impactSection(input.surfaces),
    ...landingSection(input.added.filter(isOpen)),
    ...blastRadiusSection(input.reach ?? []),
  ];
  const after = [
    ...fixedSection(input.fixed),
    ...existingSection(
      input.existing.filter(isOpen),
      input.failOnExisting ?? false,
      input.docsBase,
    ),
    ...acceptedSection(
      [...input.added, ...input.existing].filter((finding) => finding.status !== undefined),
    ),
    ...testCodeSection(
      input.added.filter((finding) => finding.status === undefined && finding.context === 'test'),
    ),
    ...noticesSection(input.notices ?? []),
    inlineReviewSection(input.inlineReview, input.minimizedComments ?? 0, input.foldFailure),
    ...orgPolicyNote(input.orgPolicyUnreadable),
    policySection(input.policySources ?? [], input.failOn, input.failOnExisting ?? false),
  ];
  const marker = input.record ? `\n\n${reviewMarker(input.record)}` : '';
  const limit = MAX_SUMMARY_CHARS - marker.length;
  const open = input.added.filter(isOpen).sort(mostSevereFirst);
  // Rows past the size limit can never be shown: building them would only cost time.
  const rows: string[] = [];
  for (let index = 0, length = 0; index < open.length && length <= limit; index += 1) {
    const row = findingRow(
      open[index] as Finding,
      input.isUnchangedLine(open[index] as Finding),
      input.docsBase,
    );
    rows.push(row);
    length += row.length + 1;
  }
  const render = (shown: number) =>
    [...before, ...findingsSection(rows, shown, open.length), ...after].join('\n\n');
  if (rows.length === open.length) {
    const complete = render(rows.length);
    if (complete.length <= limit) return complete + marker;
  }
  // Keep as many of the most severe rows as fit; binary search, since length grows with each row.
  let fits = -1;
  for (let low = 0, high = Math.min(rows.length, open.length) - 1; low <= high;) {
    const middle = Math.floor((low + high) / 2);
    if (render(middle).length <= limit) {
      fits = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  if (fits >= 0) return render(fits) + marker;
  const note =
    '\n\n_Summary cut at GitHub’s size limit; the most severe findings are annotations on this check run._';
  return render(0).slice(0, limit - note.length) + note + marker;
}

/** The summary of a run that broke off: honest about what failed, without any credentials. */
export function interruptedRunReport(
  reason: string,
  headSha: string,
): { title: string; summary: string } {
  return {
    title: 'Posture could not complete the review',
    summary: [
      `Posture stopped before it finished reviewing ${codeSpan(headSha.slice(0, 7))}, so this pull request was **not evaluated**.`,
      `**What went wrong:** ${escapeMarkdownText(reason)}`,
      'Re-run this check to try again. If it keeps failing, the problem is on the GitHub API side or in Posture, not in your change.',
    ].join('\n\n'),
  };
}

function verdict({
  added,
  existing,
  failOn,
  conclusion,
  policyErrors = [],
  securityReview,
  failOnExisting = false,
  errors,
  onUnanalysable,
}: SummaryInput): string {
  const counting = [...added, ...(failOnExisting ? existing : [])].filter(isOpen);
  const blocking =
    failOn === 'none' ? 0 : counting.filter((finding) => atLeast(finding.severity, failOn)).length;
  const which = failOnExisting ? '' : 'new ';
  const blockingFindings = `${blocking === 1 ? `1 ${which}finding is` : `${blocking} ${which}findings are`} at or above the fail threshold (${failOn})`;
  if (conclusion === 'failure' && policyErrors.length > 0) {
    return '**Posture failed this pull request** because the security policy is invalid (see above).';
  }
  if (conclusion === 'failure' && unanalysableFails(errors, onUnanalysable)) {
    const files =
      errors.length === 1
        ? '1 changed configuration file'
        : `${errors.length} changed configuration files`;
    const alsoBlocking = !securityReview && blocking > 0 ? `; besides, ${blockingFindings}` : '';
    return `**Posture failed this pull request:** it could not analyse ${files} (listed below), and a file nobody could analyse does not pass this check${alsoBlocking}.`;
  }
  if (securityReview) return securityReviewVerdict(securityReview);
  if (conclusion === 'failure') return `**Posture failed this pull request:** ${blockingFindings}.`;
  if (counting.length === 0)
    return `**No ${which}findings** in the changed files Posture analysed.`;
  return `**No ${which}finding reaches the fail threshold** (${failOn}); the findings below are worth a look.`;
}

function scope({ analyzedFiles, listedFiles, headSha, contextFiles = 0 }: SummaryInput): string {
  const analysed = `${analyzedFiles} ${analyzedFiles === 1 ? 'file' : 'files'}`;
  const changed = `${listedFiles} changed ${listedFiles === 1 ? 'file' : 'files'}`;
  const beyond =
    contextFiles > 0
      ? `, with ${contextFiles} unchanged ${contextFiles === 1 ? 'file' : 'files'} their values reach or come from`
      : '';
  return `Analysed ${analysed} of ${changed} at ${codeSpan(headSha.slice(0, 7))}${beyond}; other files are not configuration code Posture reads.`;
}

function truncationWarning(listedFiles: number): string {
  return (
    `> [!WARNING]\n> **Not fully evaluated.** GitHub lists at most ${LIST_FILES_LIMIT.toLocaleString('en-US')} ` +
    `changed files of a pull request, so Posture saw ${listedFiles.toLocaleString('en-US')} of them and could not review the rest.`
  );
}

function findingRow(
  finding: Finding,
  unchangedLine: boolean,
  docsBase: string | undefined,
): string {
  const title = ruleMeta(finding.ruleId)?.title;
  const docs = ruleDocsUrl(finding.ruleId, docsBase);
  const rule = `${docs ? `[${codeSpan(finding.ruleId)}](${docs})` : codeSpan(finding.ruleId)}${title ? ` ${escapeMarkdownText(title)}` : ''}`;
  const location = `${codeSpan(`${finding.path}:${finding.range.line}`)}${unchangedLine ? ' (unchanged line)' : ''}`;
  const cells = [
    severityLabel(finding.severity),
    rule,
    location,
    escapeMarkdownText(finding.message),
  ];
  return `| ${cells.map(tableCell).join(' | ')} |`;
}

/** The new findings' table: the first `shown` of `rows` (the most severe first), of `total` findings in all. */
function findingsSection(rows: readonly string[], shown: number, total: number): string[] {
  if (total === 0) return [];
  const table = [
    '| Severity | Rule | Location | Message |',
    '| --- | --- | --- | --- |',
    ...rows.slice(0, shown),
  ].join('\n');
  const hidden = total - shown;
  const note =
    hidden > 0
      ? [
          `_${hidden} more ${hidden === 1 ? 'finding is' : 'findings are'} not listed here because of GitHub’s size limit; the most severe are annotations on this check run._`,
        ]
      : [];
  const heading = `### New findings (${total})`;
  if (total <= FOLD_TABLE_AFTER_ROWS) return [heading, table, ...note];
  return [
    heading,
    `<details><summary>All ${total} findings, most severe first</summary>\n\n${table}\n\n</details>`,
    ...note,
  ];
}

function fixedSection(fixed: readonly Finding[]): string[] {
  if (fixed.length === 0) return [];
  const listed = [...fixed]
    .sort(mostSevereFirst)
    .slice(0, MAX_LISTED_FIXED)
    .map((finding) => {
      const title = ruleMeta(finding.ruleId)?.title;
      return `- ✅ ${severityLabel(finding.severity)} ${codeSpan(finding.ruleId)}${title ? ` ${escapeMarkdownText(title)}` : ''}, was ${codeSpan(`${finding.path}:${finding.range.line}`)}`;
    });
  const rest = fixed.length - listed.length;
  if (rest > 0) listed.push(`- …and ${rest} more`);
  const noun = fixed.length === 1 ? 'finding' : 'findings';
  return [
    `### Fixed by this pull request (${fixed.length})`,
    `This pull request removes ${fixed.length} ${noun} the base branch has. Thank you!\n${listed.join('\n')}`,
  ];
}

function existingSection(
  existing: readonly Finding[],
  counted: boolean,
  docsBase: string | undefined,
): string[] {
  if (existing.length === 0) return [];
  const rows = [...existing]
    .sort(mostSevereFirst)
    .slice(0, MAX_LISTED_EXISTING)
    .map((finding) => findingRow(finding, false, docsBase));
  const rest = existing.length - rows.length;
  const table = [
    '| Severity | Rule | Location | Message |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
  const note = rest > 0 ? `\n\n_…and ${rest} more, each an annotation on this check run._` : '';
  const noun = existing.length === 1 ? 'finding' : 'findings';
  const weight = counted
    ? 'they count towards the verdict (`fail_on_existing: true`)'
    : 'they do not count towards the verdict';
  return [
    '### Findings already on the base branch',
    `<details><summary>${existing.length} ${noun} in the changed files that this pull request did not add; ${weight}</summary>\n\n${table}${note}\n\n</details>`,
  ];
}

function policyErrorsSection(errors: readonly PolicyError[]): string[] {
  if (errors.length === 0) return [];
  const listed = errors.map((error) => `- ${escapeMarkdownText(formatPolicyError(error))}`);
  return [
    '> [!CAUTION]\n> **The security policy is invalid.** The parts in error were not applied; fix them and push again (`posture config validate` shows the same messages locally).',
    listed.join('\n'),
  ];
}

function acceptedSection(accepted: readonly Finding[]): string[] {
  if (accepted.length === 0) return [];
  const rows = [...accepted].sort(mostSevereFirst).map((finding) => {
    const cells = [
      severityLabel(finding.severity),
      codeSpan(finding.ruleId),
      codeSpan(`${finding.path}:${finding.range.line}`),
      escapeMarkdownText(finding.justification ?? finding.status ?? ''),
    ];
    return `| ${cells.map(tableCell).join(' | ')} |`;
  });
  const table = [
    '| Severity | Rule | Location | Accepted |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
  return [
    '### Accepted findings',
    `<details><summary>${accepted.length} waived or suppressed ${accepted.length === 1 ? 'finding' : 'findings'}, which do not count towards the verdict</summary>\n\n${table}\n\n</details>`,
  ];
}

/** Findings in test and example code: listed apart, folded, never counted. */
function testCodeSection(inTestCode: readonly Finding[]): string[] {
  if (inTestCode.length === 0) return [];
  const rows = [...inTestCode].sort(mostSevereFirst).map((finding) => {
    const cells = [
      codeSpan(finding.ruleId),
      codeSpan(`${finding.path}:${finding.range.line}`),
      escapeMarkdownText(finding.message),
    ];
    return `| ${cells.map(tableCell).join(' | ')} |`;
  });
  const table = ['| Rule | Location | Finding |', '| --- | --- | --- |', ...rows].join('\n');
  const count = `${inTestCode.length} ${inTestCode.length === 1 ? 'finding' : 'findings'}`;
  return [
    '### In test and example code',
    `<details><summary>${count} in test or example code, reported apart (\`test_code: report\`): they do not count towards the verdict and get no review comments</summary>\n\n${table}\n\n</details>`,
  ];
}

function noticesSection(notices: readonly Notice[]): string[] {
  if (notices.length === 0) return [];
  const listed = notices.map(
    (notice) =>
      `- ${codeSpan(notice.line === undefined ? notice.path : `${notice.path}:${notice.line}`)}: ${escapeMarkdownText(notice.message)}`,
  );
  return ['### Policy notices', listed.join('\n')];
}

/** The org policy and its locks did not apply: the app cannot see the org's `.github` repository. */
function orgPolicyNote(repository: string | undefined): string[] {
  if (!repository) return [];
  return [
    `> [!NOTE]\n> **The org policy was not read.** Posture cannot see ${codeSpan(repository)}: it is not installed on it, or the repository does not exist. An org policy there, and the rules and settings it locks, did not apply to this review; install Posture on ${codeSpan(repository)} (or on all repositories) to apply it.`,
  ];
}

function policySection(
  sources: readonly string[],
  failOn: Threshold,
  failOnExisting: boolean,
): string {
  const from =
    sources.length === 0
      ? 'Posture’s built-in policy'
      : `${[...sources].reverse().map(codeSpan).join(' over ')} over Posture’s defaults`;
  const counted = failOnExisting ? 'new and existing findings count' : 'only new findings count';
  return `<sub>Policy: ${from}; fail threshold ${failOn}, ${counted}. Policy is read from the base branch, never from this pull request.</sub>`;
}

function errorsSection(errors: readonly FileError[], onUnanalysable: OnUnanalysable): string[] {
  if (errors.length === 0) return [];
  const listed = errors.slice(0, MAX_LISTED_ERRORS).map((error) => {
    const location = error.line === undefined ? error.path : `${error.path}:${error.line}`;
    return `- ${codeSpan(location)} (${FILE_ERROR_REASONS[error.kind]}): ${escapeMarkdownText(error.message)}`;
  });
  const rest = errors.length - listed.length;
  if (rest > 0) listed.push(`- …and ${rest} more, each an annotation on its file`);
  return [
    '### Files Posture could not analyse',
    unanalysedAdvice(onUnanalysable),
    listed.join('\n'),
  ];
}

/** What unanalysed files mean for the verdict, and how to proceed. */
function unanalysedAdvice(onUnanalysable: OnUnanalysable): string {
  const fix =
    'split or simplify a file that is too large or nested too deeply (the limits are in Posture’s README), correct a syntax error, and push again';
  if (onUnanalysable === 'warn') {
    return `Findings in these files are unknown. The policy lets the check pass without them (\`on_unanalysable: warn\`); to have them reviewed, ${fix}.`;
  }
  return (
    `Findings in these files are unknown, so the check fails (\`on_unanalysable: fail\`, the default). To proceed, ${fix}. ` +
    'If the security team accepts unreviewed files here, the base branch’s `.security.yml` can say `on_unanalysable: warn` (unless the org policy locks it).'
  );
}

function inlineReviewSection(
  outcome: InlineReviewOutcome,
  minimized: number,
  foldFailure: string | undefined,
): string {
  const folded =
    (minimized > 0
      ? ` Posture folded ${minimized} earlier ${minimized === 1 ? 'comment' : 'comments'} whose finding is fixed or accepted.`
      : '') +
    (foldFailure
      ? ` Posture could not fold its comments on fixed findings (${escapeMarkdownText(foldFailure)}).`
      : '');
  switch (outcome.status) {
    case 'posted': {
      const parts = [
        `${outcome.comments} ${outcome.comments === 1 ? 'line' : 'lines'} this pull request adds`,
      ];
      if (outcome.fileComments > 0)
        parts.push(
          `${outcome.fileComments} ${outcome.fileComments === 1 ? 'file' : 'files'} for findings outside the diff`,
        );
      const left =
        outcome.notPosted === undefined
          ? ''
          : ` GitHub refused the first attempt, so ${outcome.notPosted === 1 ? '1 comment that it could not place was' : `${outcome.notPosted} comments that it could not place were`} left out; the findings above are complete without ${outcome.notPosted === 1 ? 'it' : 'them'}.`;
      return `### Inline review\nPosture commented on ${parts.join(' and ')}.${left}${earlier(outcome.alreadyCommented)}${folded}`;
    }
    case 'not-needed':
      return `### Inline review\n${outcome.alreadyCommented > 0 ? 'No new comments:' : 'No new finding sits on a line this pull request adds, so there are no inline comments.'}${earlier(outcome.alreadyCommented)}${folded}`;
    case 'failed':
      return `### Inline review\nGitHub did not accept the inline review (${escapeMarkdownText(outcome.reason)}); the findings above are complete without it.${folded}`;
    case 'head-moved':
      return `### Inline review\nThe pull request moved on to ${codeSpan(outcome.currentHead.slice(0, 7))} while Posture was reviewing, so nothing was posted against this commit; the new head gets its own review.`;
  }
}

function earlier(count: number): string {
  if (count === 0) return '';
  return ` ${count === 1 ? '1 finding keeps its comment' : `${count} findings keep their comments`} from an earlier push.`;
}
