/**
 * The scope of a change in the check-run summary: where the values it changes land on the host
 * (a variable set in one file and written into a template in another), and which hosts, plays,
 * nodes and roles the changed files reach, when the repository says so.
 */
import type { ChangeReach } from '../languages/language.js';
import type { Finding } from '../model/finding.js';
import { codeSpan, escapeMarkdownText, tableCell } from './markdown.js';

const MAX_LANDINGS = 30;
const MAX_REACHES_PER_FILE = 10;
const MAX_FILES = 30;

/** "Set at → lands at" for each new finding reported on the line that sets a value used elsewhere. */
export function landingSection(added: readonly Finding[]): string[] {
  const landed = added.filter((finding) => finding.landing);
  if (landed.length === 0) return [];
  const rows = landed.slice(0, MAX_LANDINGS).map((finding) => {
    const landing = finding.landing;
    const at = landing ? codeSpan(`${landing.path}:${landing.line}`) : '';
    const as = landing ? ` ${escapeMarkdownText(landing.as)}` : '';
    return `| ${codeSpan(`${finding.path}:${finding.range.line}`)} | ${tableCell(`${at}${as}`)} | ${codeSpan(finding.ruleId)} |`;
  });
  const more = landed.length - rows.length;
  return [
    '### Where changed values land',
    [
      '| Set at | Lands at | Rule |',
      '| --- | --- | --- |',
      ...rows,
      ...(more > 0 ? [`| and ${more} more | | |`] : []),
    ].join('\n'),
  ];
}

/** Each changed file with what it reaches: hosts, groups, plays, nodes, roles. */
export function blastRadiusSection(reach: readonly ChangeReach[]): string[] {
  if (reach.length === 0) return [];
  const everyHost = reach.some((entry) => entry.everyHost);
  const lines = reach.slice(0, MAX_FILES).map((entry) => {
    const shown = entry.reaches.slice(0, MAX_REACHES_PER_FILE).map(escapeMarkdownText);
    const more = entry.reaches.length - shown.length;
    return `- ${codeSpan(entry.path)} reaches ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
  });
  const hidden = reach.length - lines.length;
  return [
    '### Where this change runs',
    [
      ...(everyHost ? ['**This change reaches every host the repository manages.**', ''] : []),
      ...lines,
      ...(hidden > 0 ? [`- and ${hidden} more files`] : []),
    ].join('\n'),
  ];
}
