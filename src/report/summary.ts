/**
 * The check run's title and Markdown summary: what Posture found, what it could not analyse,
 * and where the inline review went.
 */
import { atLeast, isOpen, SEVERITIES, type FileError, type Finding } from '../engine/finding.js';
import type { Notice } from '../policy/notice.js';
import { formatPolicyError, type PolicyError, type Threshold } from '../policy/types.js';
import { ruleDocsUrl } from '../rules/docs-url.js';
import type { ReviewConclusion } from '../review/conclusion.js';
import { mostSevereFirst } from '../review/most-severe-first.js';
import type { InlineReviewOutcome } from '../review/reviews.js';
import { LIST_FILES_LIMIT } from '../review/pr-files.js';
import { codeSpan, escapeMarkdownText, tableCell } from './markdown.js';
import { ruleMeta } from './rule-lookup.js';
import { severityLabel } from './severity-label.js';

/** GitHub rejects a summary longer than this with a 422. */
export const MAX_SUMMARY_CHARS = 65_535;
/** Longer tables are folded into `<details>` so the run page opens on the verdict. */
const FOLD_TABLE_AFTER_ROWS = 20;
const MAX_LISTED_ERRORS = 100;

export interface SummaryInput {
  findings: readonly Finding[];
  errors: readonly FileError[];
  /** what the policy did that reviewers should know (expired waivers, unused suppressions) */
  notices?: readonly Notice[];
  /** problems with the policy files; any of them fails the run */
  policyErrors?: readonly PolicyError[];
  /** the policy files in effect, org first */
  policySources?: readonly string[];
  analyzedFiles: number;
  listedFiles: number;
  truncated: boolean;
  headSha: string;
  failOn: Threshold;
  conclusion: ReviewConclusion;
  inlineReview: InlineReviewOutcome;
  /** true when the diff shows that this pull request did not write the line a finding starts on */
  isUnchangedLine: (finding: Finding) => boolean;
}

/** e.g. "2 high, 1 medium findings", "1 low finding", "No findings". */
export function checkRunTitle(findings: readonly Finding[], errors: readonly FileError[], truncated: boolean, policyErrors = 0): string {
  const open = findings.filter(isOpen);
  const counts = SEVERITIES.map((severity) => [severity, open.filter((f) => f.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`);
  const noun = open.length === 1 ? 'finding' : 'findings';
  let title = counts.length === 0 ? 'No findings' : `${counts.join(', ')} ${noun}`;
  const accepted = findings.length - open.length;
  if (accepted > 0) title += `, ${accepted} accepted`;
  if (errors.length > 0) title += `, ${errors.length} ${errors.length === 1 ? 'file' : 'files'} not analysed`;
  if (policyErrors > 0) title = `Invalid security policy: ${title}`;
  return truncated ? `Not fully evaluated: ${title}` : title;
}

export function checkRunSummary(input: SummaryInput): string {
  const before = [
    ...policyErrorsSection(input.policyErrors ?? []),
    verdict(input),
    scope(input),
    ...(input.truncated ? [truncationWarning(input.listedFiles)] : []),
  ];
  const after = [
    ...acceptedSection(input.findings.filter((finding) => !isOpen(finding))),
    ...noticesSection(input.notices ?? []),
    ...errorsSection(input.errors),
    inlineReviewSection(input.inlineReview),
    policySection(input.policySources ?? [], input.failOn),
  ];
  const rows = input.findings.filter(isOpen).sort(mostSevereFirst).map((finding) => findingRow(finding, input.isUnchangedLine(finding)));
  const render = (shown: number) => [...before, ...findingsSection(rows, shown), ...after].join('\n\n');
  const complete = render(rows.length);
  if (complete.length <= MAX_SUMMARY_CHARS) return complete;
  // Keep as many of the most severe rows as fit; binary search, since length grows with each row.
  let fits = -1;
  for (let low = 0, high = rows.length - 1; low <= high; ) {
    const middle = Math.floor((low + high) / 2);
    if (render(middle).length <= MAX_SUMMARY_CHARS) {
      fits = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  if (fits >= 0) return render(fits);
  const note = '\n\n_Summary cut at GitHub’s size limit; every finding is an annotation on this check run._';
  return render(0).slice(0, MAX_SUMMARY_CHARS - note.length) + note;
}

/** The summary of a run that broke off: honest about what failed, without any credentials. */
export function interruptedRunReport(reason: string, headSha: string): { title: string; summary: string } {
  return {
    title: 'Posture could not complete the review',
    summary: [
      `Posture stopped before it finished reviewing ${codeSpan(headSha.slice(0, 7))}, so this pull request was **not evaluated**.`,
      `**What went wrong:** ${escapeMarkdownText(reason)}`,
      'Re-run this check to try again. If it keeps failing, the problem is on the GitHub API side or in Posture, not in your change.',
    ].join('\n\n'),
  };
}

function verdict({ findings: all, failOn, conclusion, policyErrors = [] }: SummaryInput): string {
  const findings = all.filter(isOpen);
  const blocking = failOn === 'none' ? 0 : findings.filter((finding) => atLeast(finding.severity, failOn)).length;
  if (conclusion === 'failure' && blocking === 0 && policyErrors.length > 0) {
    return '**Posture failed this pull request** because the security policy is invalid (see above).';
  }
  if (conclusion === 'failure') {
    const subject = blocking === 1 ? '1 finding is' : `${blocking} findings are`;
    return `**Posture failed this pull request:** ${subject} at or above the fail threshold (${failOn}).`;
  }
  if (findings.length === 0) return '**No findings** in the changed files Posture analysed.';
  return `**No finding reaches the fail threshold** (${failOn}); the findings below are worth a look.`;
}

function scope({ analyzedFiles, listedFiles, headSha }: SummaryInput): string {
  const analysed = `${analyzedFiles} ${analyzedFiles === 1 ? 'file' : 'files'}`;
  const changed = `${listedFiles} changed ${listedFiles === 1 ? 'file' : 'files'}`;
  return `Analysed ${analysed} of ${changed} at ${codeSpan(headSha.slice(0, 7))}; other files are not configuration code Posture reads.`;
}

function truncationWarning(listedFiles: number): string {
  return (
    `> [!WARNING]\n> **Not fully evaluated.** GitHub lists at most ${LIST_FILES_LIMIT.toLocaleString('en-US')} ` +
    `changed files of a pull request, so Posture saw ${listedFiles.toLocaleString('en-US')} of them and could not review the rest.`
  );
}

function findingRow(finding: Finding, unchangedLine: boolean): string {
  const title = ruleMeta(finding.ruleId)?.title;
  const rule = `[${codeSpan(finding.ruleId)}](${ruleDocsUrl(finding.ruleId)})${title ? ` ${escapeMarkdownText(title)}` : ''}`;
  const location = `${codeSpan(`${finding.path}:${finding.range.line}`)}${unchangedLine ? ' (unchanged line)' : ''}`;
  const cells = [severityLabel(finding.severity), rule, location, escapeMarkdownText(finding.message)];
  return `| ${cells.map(tableCell).join(' | ')} |`;
}

function findingsSection(rows: readonly string[], shown: number): string[] {
  if (rows.length === 0) return [];
  const table = ['| Severity | Rule | Location | Message |', '| --- | --- | --- | --- |', ...rows.slice(0, shown)].join('\n');
  const hidden = rows.length - shown;
  const note = hidden > 0 ? [`_${hidden} more ${hidden === 1 ? 'finding is' : 'findings are'} not listed here because of GitHub’s size limit; every finding is an annotation on this check run._`] : [];
  if (rows.length <= FOLD_TABLE_AFTER_ROWS) return ['### Findings', table, ...note];
  return ['### Findings', `<details><summary>All ${rows.length} findings, most severe first</summary>\n\n${table}\n\n</details>`, ...note];
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
    const cells = [severityLabel(finding.severity), codeSpan(finding.ruleId), codeSpan(`${finding.path}:${finding.range.line}`), escapeMarkdownText(finding.justification ?? finding.status ?? '')];
    return `| ${cells.map(tableCell).join(' | ')} |`;
  });
  const table = ['| Severity | Rule | Location | Accepted |', '| --- | --- | --- | --- |', ...rows].join('\n');
  return ['### Accepted findings', `<details><summary>${accepted.length} waived or suppressed ${accepted.length === 1 ? 'finding' : 'findings'}, which do not count towards the verdict</summary>\n\n${table}\n\n</details>`];
}

function noticesSection(notices: readonly Notice[]): string[] {
  if (notices.length === 0) return [];
  const listed = notices.map((notice) => `- ${codeSpan(notice.line === undefined ? notice.path : `${notice.path}:${notice.line}`)}: ${escapeMarkdownText(notice.message)}`);
  return ['### Policy notices', listed.join('\n')];
}

function policySection(sources: readonly string[], failOn: Threshold): string {
  const from = sources.length === 0 ? 'Posture’s built-in policy' : `${[...sources].reverse().map(codeSpan).join(' over ')} over Posture’s defaults`;
  return `<sub>Policy: ${from}; fail threshold ${failOn}. Policy is read from the base branch, never from this pull request.</sub>`;
}

function errorsSection(errors: readonly FileError[]): string[] {
  if (errors.length === 0) return [];
  const listed = errors.slice(0, MAX_LISTED_ERRORS).map((error) => {
    const location = error.line === undefined ? error.path : `${error.path}:${error.line}`;
    return `- ${codeSpan(location)}: ${escapeMarkdownText(error.message)}`;
  });
  const rest = errors.length - listed.length;
  if (rest > 0) listed.push(`- …and ${rest} more, each an annotation on its file`);
  return ['### Files Posture could not analyse', 'Findings in these files are unknown; fix them and push again.', listed.join('\n')];
}

function inlineReviewSection(outcome: InlineReviewOutcome): string {
  switch (outcome.status) {
    case 'posted':
      return `### Inline review\nPosture commented on ${outcome.comments} ${outcome.comments === 1 ? 'line' : 'lines'} this pull request adds.`;
    case 'not-needed':
      return '### Inline review\nNo finding sits on a line this pull request adds, so there are no inline comments.';
    case 'failed':
      return `### Inline review\nGitHub did not accept the inline review (${escapeMarkdownText(outcome.reason)}); the findings above are complete without it.`;
  }
}
