/**
 * What each rule of a review means and how to fix what it flags, written into the check run
 * itself (its `text`, under the summary), so that the review reads completely without following a
 * link: offline, on GitHub Enterprise, in a fork.
 */
import type { Finding } from '../model/finding.js';
import { ruleMeta } from './rule-lookup.js';
import { codeSpan, escapeMarkdownText } from './markdown.js';

/** GitHub's limit for a check run's text. */
const MAX_TEXT_CHARS = 65_535;

export function ruleReference(findings: readonly Finding[], budget = MAX_TEXT_CHARS): string {
  const ids = [...new Set(findings.map((finding) => finding.ruleId))].sort();
  const sections: string[] = [];
  let length = 0;
  for (const id of ids) {
    const meta = ruleMeta(id);
    if (!meta) continue;
    const section = [
      `### ${codeSpan(id)} ${escapeMarkdownText(meta.title)}`,
      meta.description,
      `**How to fix:** ${meta.remediation}`,
      `<sub>${meta.cwe}</sub>`,
    ].join('\n\n');
    if (length + section.length + 2 > budget) break;
    sections.push(section);
    length += section.length + 2;
  }
  return sections.length === 0 ? '' : ['## The rules in this review', ...sections].join('\n\n');
}
