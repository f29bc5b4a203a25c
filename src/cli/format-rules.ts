/** `posture rules`: the rule catalog as an aligned table or as JSON. */
import { severityRank } from '../engine/finding.js';
import type { RuleMeta } from '../rules/rule.js';
import type { RulesFormat } from './args.js';

export function formatRules(rules: readonly RuleMeta[], format: RulesFormat): string {
  const sorted = [...rules].sort(
    (a, b) => severityRank(b.severity) - severityRank(a.severity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  if (format === 'json') {
    const catalog = sorted.map(({ id, severity, category, title, languages, cwe }) => ({ id, severity, category, title, languages, cwe }));
    return `${JSON.stringify(catalog, null, 2)}\n`;
  }
  if (sorted.length === 0) return 'No rules.\n';
  const header = ['ID', 'SEVERITY', 'CATEGORY', 'TITLE'] as const;
  const rows = sorted.map((rule) => [rule.id, rule.severity, rule.category, rule.title] as const);
  const widths = [0, 1, 2].map((column) => Math.max(header[column]?.length ?? 0, ...rows.map((row) => row[column]?.length ?? 0)));
  const render = (cells: readonly string[]) =>
    cells.map((cell, column) => (column < 3 ? cell.padEnd(widths[column] ?? 0) : cell)).join('  ').trimEnd();
  return `${[render(header), ...rows.map(render)].join('\n')}\n${rules.length} rules\n`;
}
