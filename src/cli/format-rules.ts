/** `posture rules`: the rules as the policy sets them, as an aligned table or as JSON. */
import { severityRank } from '../model/finding.js';
import type { AppliedPolicy } from '../report/scan-report.js';
import { policyLine } from '../report/text.js';
import type { ListingFormat } from './commands.js';
import type { EffectiveRule } from './effective-rules.js';

export interface RulesListing {
  rules: readonly EffectiveRule[];
  policies: readonly AppliedPolicy[];
  displayPath: (path: string) => string;
}

export function formatRules(
  { rules, policies, displayPath }: RulesListing,
  format: ListingFormat,
): string {
  const sorted = [...rules].sort(
    (a, b) =>
      Number(b.enabled) - Number(a.enabled) ||
      severityRank(b.meta.severity) - severityRank(a.meta.severity) ||
      (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0),
  );
  if (format === 'json') {
    const catalog = sorted.map(({ meta, defaultSeverity, enabled, locked, definedIn }) => ({
      id: meta.id,
      severity: meta.severity,
      defaultSeverity,
      enabled,
      locked,
      category: meta.category,
      title: meta.title,
      languages: meta.languages,
      cwe: meta.cwe,
      ...(definedIn ? { definedIn: displayPath(definedIn) } : {}),
    }));
    return `${JSON.stringify(catalog, null, 2)}\n`;
  }
  const footer = policies.length > 0 ? `\n${policyLine(policies, displayPath)}` : '';
  if (sorted.length === 0) return `No rules.${footer}\n`;
  const notes = sorted.map((rule) => policyNote(rule, displayPath));
  const withNotes = notes.some((note) => note !== '');
  const header = ['ID', 'SEVERITY', 'CATEGORY', 'TITLE', ...(withNotes ? ['POLICY'] : [])];
  const rows = sorted.map((rule, index) => [
    rule.meta.id,
    rule.enabled ? rule.meta.severity : 'off',
    rule.meta.category,
    rule.meta.title,
    ...(withNotes ? [notes[index] ?? ''] : []),
  ]);
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => row[column]?.length ?? 0)),
  );
  const render = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column < cells.length - 1 ? cell.padEnd(widths[column] ?? 0) : cell))
      .join('  ')
      .trimEnd();
  const off = sorted.filter((rule) => !rule.enabled).length;
  const count = `${rules.length} rules${off > 0 ? `, ${off} off` : ''}`;
  return `${[render(header), ...rows.map(render)].join('\n')}\n${count}${footer}\n`;
}

/** How the policy changed a rule: its severity, a lock, where a custom rule comes from. */
function policyNote(rule: EffectiveRule, displayPath: (path: string) => string): string {
  return [
    ...(rule.definedIn ? [`custom rule from ${displayPath(rule.definedIn)}`] : []),
    ...(!rule.definedIn && rule.meta.severity !== rule.defaultSeverity
      ? [`default ${rule.defaultSeverity}`]
      : []),
    ...(rule.locked ? ['locked by the org'] : []),
  ].join(', ');
}
