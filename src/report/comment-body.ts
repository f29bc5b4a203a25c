import type { Finding } from '../model/finding.js';
import { ruleDocsUrl } from '../rules/docs-url.js';
import { ruleMeta } from './rule-lookup.js';
import { codeFence, codeSpan, escapeMarkdownText } from './markdown.js';
import { severityLabel } from './severity-label.js';

export interface CommentBodyInput {
  finding: Finding;
  fingerprint: string;
  /** true when the comment spans exactly the suggestion's lines, so GitHub can apply it as is */
  offerSuggestion: boolean;
  /** for a comment on the whole file: the finding's line is outside the diff, so the body names it */
  onFile?: boolean;
  /** the rule documentation's location, when the deployment has one (`RULE_DOCS_URL`) */
  docsBase?: string;
}

/** Marks Posture's own comments, so later runs can recognise them and leave everyone else's alone. */
export function fingerprintMarker(fingerprint: string): string {
  return `<!-- posture:fingerprint=${fingerprint} -->`;
}

/** Only the body's last line, where Posture writes it: a suggestion above it holds the file's own text. */
const MARKER = /(?:^|\n)<!-- posture:fingerprint=([0-9a-f]{64})(?::\d+)? -->\s*$/;

/** The fingerprint hash (without occurrence number) a comment body carries, if it is one of Posture's. */
export function markedFingerprintHash(body: string): string | undefined {
  return MARKER.exec(body)?.[1];
}

export function inlineCommentBody({
  finding,
  fingerprint,
  offerSuggestion,
  onFile = false,
  docsBase,
}: CommentBodyInput): string {
  const rule = ruleMeta(finding.ruleId);
  const title = escapeMarkdownText(rule?.title ?? finding.ruleId);
  const docs = ruleDocsUrl(finding.ruleId, docsBase);
  const ruleLink = docs ? `[${title}](${docs})` : title;
  const where = onFile ? ` · line ${finding.range.line}, outside the diff` : '';
  const parts = [
    `**${severityLabel(finding.severity)}** · ${ruleLink} ${codeSpan(finding.ruleId)}${where}`,
    escapeMarkdownText(finding.message),
  ];
  if (rule?.remediation) parts.push(`**How to fix:** ${rule.remediation}`);
  if (offerSuggestion && finding.suggestion)
    parts.push(suggestionBlock(finding.suggestion.replacement));
  parts.push(fingerprintMarker(fingerprint));
  return parts.join('\n\n');
}

function suggestionBlock(replacement: string): string {
  // The block's lines replace the commented lines one for one; a trailing newline would add an empty line.
  const lines = replacement.replace(/\r?\n$/, '');
  const fence = codeFence(lines);
  // An empty block deletes the commented lines.
  return lines === '' ? `${fence}suggestion\n${fence}` : `${fence}suggestion\n${lines}\n${fence}`;
}
