/**
 * Who may press "Accept risk": GitHub shows the button to anyone with write access, so Posture
 * checks the person itself. They must be one of the policy's security reviewers, and not the
 * pull request's author. A refusal is written on the run they clicked.
 */
import type { EffectivePolicy } from '../policy/types.js';
import { escapeMarkdownText } from '../report/markdown.js';
import { readReviewMarker, reviewMarker } from '../report/review-marker.js';
import { MAX_SUMMARY_CHARS } from './summary.js';
import { reviewersText } from './security-review-section.js';
import type { ClickedCheckRun, GitHubClient, ReviewTarget } from './review-target.js';
import { createReviewerCheck } from './security-reviewers.js';

export async function whyNotAllowedToAccept(
  octokit: GitHubClient,
  target: ReviewTarget,
  policy: EffectivePolicy,
  login: string,
): Promise<string | undefined> {
  const { teams, users } = policy.review;
  if (teams.length + users.length === 0)
    return 'the security policy names no security reviewers (`review.teams`, `review.users`), so nobody can accept risk';
  if (target.author && target.author.toLowerCase() === login.toLowerCase())
    return `@${login} opened this pull request, and the author cannot accept the risk of their own change`;
  const reviewers = createReviewerCheck(octokit, target.owner, policy.review);
  if (await reviewers.isSecurityReviewer(login)) return undefined;
  const problems = reviewers.problems.length > 0 ? ` (${reviewers.problems.join('; ')})` : '';
  return `@${login} is not one of the security reviewers (${reviewersText(policy.review)})${problems}`;
}

const REFUSAL = /^> \[!WARNING\]\n> \*\*Accept risk refused\*\*[^\n]*\n\n/;

/**
 * The clicked run's output with the refusal on top; an earlier refusal is replaced, not stacked.
 * `headSha` is the commit of the clicked run, whose hidden review record is kept.
 */
export function refusedAcceptanceOutput(
  trigger: { by: string; clickedRun: ClickedCheckRun },
  refusal: string,
  headSha: string,
): { title: string; summary: string } {
  const note = `> [!WARNING]\n> **Accept risk refused** for @${escapeMarkdownText(trigger.by)}: ${escapeMarkdownText(refusal)}.\n\n`;
  const summary = note + trigger.clickedRun.summary.replace(REFUSAL, '');
  if (summary.length <= MAX_SUMMARY_CHARS) return { title: trigger.clickedRun.title, summary };
  // Cut the body, never the hidden review record at the end: later events read it.
  const record = readReviewMarker(summary, headSha);
  const marker = record ? `\n\n${reviewMarker(record)}` : '';
  return {
    title: trigger.clickedRun.title,
    summary: summary.slice(0, MAX_SUMMARY_CHARS - marker.length) + marker,
  };
}
