/**
 * The security review in the check-run summary: why the pull request needs one, who can give it,
 * whether they were asked, and who signed off (approval or accepted risk).
 */
import type { ReviewRequestOutcome } from './request-reviewers.js';
import { codeSpan, escapeMarkdownText } from '../report/markdown.js';

export type SecuritySignOff =
  | { kind: 'approval'; by: string; commitSha: string }
  | { kind: 'accepted-risk'; by: string; at: string; commitSha: string; reason: string };

export interface SecurityReviewStatus {
  /** Markdown sentences: the conditions of the policy's `review:` section this pull request meets */
  reasons: string[];
  teams: string[];
  users: string[];
  signOff?: SecuritySignOff;
  /** absent when Posture did not write to the pull request (its head moved on) */
  request?: ReviewRequestOutcome;
  /** memberships Posture could not read */
  problems: string[];
}

export function reviewersText({
  teams,
  users,
}: Pick<SecurityReviewStatus, 'teams' | 'users'>): string {
  return [
    ...teams.map((team) => `team ${codeSpan(team)}`),
    ...users.map((user) => `@${escapeMarkdownText(user)}`),
  ].join(', ');
}

/** One sentence for the top of the summary. */
export function securityReviewVerdict(status: SecurityReviewStatus): string {
  const { signOff } = status;
  if (signOff?.kind === 'approval')
    return `**Approved by a security reviewer:** @${escapeMarkdownText(signOff.by)} approved ${codeSpan(signOff.commitSha.slice(0, 7))}.`;
  if (signOff?.kind === 'accepted-risk')
    return `**Risk accepted by a security reviewer:** @${escapeMarkdownText(signOff.by)} accepted the findings on ${signOff.at.slice(0, 10)}.`;
  return `**This pull request needs a security reviewer's approval** because ${status.reasons.join('; ')}. It turns green when one of ${reviewersText(status)} approves this commit, or accepts the risk with the **Accept risk** button of this check.`;
}

export function securityReviewSection(status: SecurityReviewStatus): string[] {
  const lines = [
    `- **Why:** ${status.reasons.join('; ')}.`,
    `- **Security reviewers:** ${reviewersText(status)} (the author cannot approve their own change).`,
  ];
  const { signOff } = status;
  if (signOff?.kind === 'approval')
    lines.push(
      `- **Approved** by @${escapeMarkdownText(signOff.by)} on ${codeSpan(signOff.commitSha.slice(0, 7))}.`,
    );
  if (signOff?.kind === 'accepted-risk') {
    const reason = signOff.reason ? escapeMarkdownText(signOff.reason) : '_no reason given_';
    lines.push(
      `- **Risk accepted** by @${escapeMarkdownText(signOff.by)} on ${signOff.at.replace('T', ' ').slice(0, 16)} UTC, on ${codeSpan(signOff.commitSha.slice(0, 7))}: ${reason}`,
    );
  }
  if (!signOff) lines.push(`- **Review request:** ${requestText(status.request)}`);
  for (const problem of status.problems) lines.push(`- ⚠️ ${escapeMarkdownText(problem)}`);
  return ['### Security review', lines.join('\n')];
}

function requestText(request: ReviewRequestOutcome | undefined): string {
  switch (request?.status) {
    case 'requested':
      return `Posture asked ${reviewersText(request)} to review.`;
    case 'already-requested':
      return 'the security reviewers have been asked and have not approved this commit yet.';
    case 'draft':
      return 'not sent yet: Posture asks the security reviewers once this draft is ready for review.';
    case 'failed':
      return `GitHub did not accept the request (${escapeMarkdownText(request.reason)}); ask a security reviewer directly.`;
    case undefined:
      return 'not sent: the pull request moved on to a newer commit while Posture was reviewing.';
  }
}
