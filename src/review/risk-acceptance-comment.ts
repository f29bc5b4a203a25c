/**
 * The conversation comment that records a security reviewer's "Accept risk": readable for people,
 * with the machine record Posture reads back on later pushes.
 */
import type { Finding } from '../model/finding.js';
import { acceptanceRecord, type RiskAcceptance } from './risk-acceptance.js';
import { codeSpan, escapeMarkdownText } from '../report/markdown.js';
import { severityLabel } from '../report/severity-label.js';

const LISTED = 20;

export function riskAcceptanceComment(
  acceptance: RiskAcceptance,
  accepted: readonly Finding[],
): string {
  const when = `${acceptance.at.replace('T', ' ').slice(0, 16)} UTC`;
  const lines = [
    `**Risk accepted** by @${escapeMarkdownText(acceptance.by)} on ${when}, for ${codeSpan(acceptance.commitSha.slice(0, 7))}.`,
    acceptance.reason
      ? `> ${escapeMarkdownText(acceptance.reason)}`
      : '_No reason given: the reviewer had written no review text on this pull request._',
  ];
  if (accepted.length > 0) {
    const listed = accepted
      .slice(0, LISTED)
      .map(
        (finding) =>
          `- ${severityLabel(finding.severity)} ${codeSpan(finding.ruleId)} at ${codeSpan(`${finding.path}:${finding.range.line}`)}`,
      );
    if (accepted.length > LISTED) listed.push(`- …and ${accepted.length - LISTED} more`);
    lines.push(
      `These ${accepted.length === 1 ? 'finding is' : `${accepted.length} findings are`} accepted for this pull request; a new finding in a later push is not:\n${listed.join('\n')}`,
    );
  }
  lines.push(acceptanceRecord(acceptance));
  return lines.join('\n\n');
}
