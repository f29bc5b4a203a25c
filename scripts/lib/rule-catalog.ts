/**
 * The README's rule catalog, its coverage of the check catalog and the configuration formats,
 * generated from the rules' metadata and the formats' specs so that they cannot drift: `npm run docs:rules` rewrites them and a test fails when
 * they are stale.
 */
import { FORMATS } from '../../src/parsers/config/formats.js';
import { RULES } from '../../src/rules/index.js';
import { catalogCoverageMarkdown } from './catalog-coverage.js';

export const CATALOG_START = '<!-- rule-catalog:start -->';
export const CATALOG_END = '<!-- rule-catalog:end -->';
export const COVERAGE_START = '<!-- catalog-coverage:start -->';
export const COVERAGE_END = '<!-- catalog-coverage:end -->';
export const FORMATS_START = '<!-- config-formats:start -->';
export const FORMATS_END = '<!-- config-formats:end -->';

/** The daemon configuration formats Posture reads, from their specs. */
export function configFormatsMarkdown(): string {
  const rows = FORMATS.map(
    (spec) => `| ${spec.label} | ${spec.files} | ${spec.syntax} | ${spec.checks} |`,
  );
  return [
    '| Format | Read from | Syntax family | What the rules look for |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

export function ruleCatalogMarkdown(): string {
  const rows = RULES.map(({ meta }) => {
    const options = Object.keys(meta.options ?? {});
    const notes = [
      ...(meta.optIn ? ['opt-in'] : []),
      ...(options.length > 0
        ? [`options: ${options.map((option) => `\`${option}\``).join(', ')}`]
        : []),
    ];
    const title = notes.length > 0 ? `${meta.title} (${notes.join('; ')})` : meta.title;
    const checks = (meta.catalog ?? []).join(', ') || '—';
    return `| [\`${meta.id}\`](src/rules/${meta.id}/README.md) | \`${meta.category}\` | ${title} | ${meta.severity} | ${meta.languages.join(', ')} | ${meta.cwe} | ${checks} |`;
  });
  return [
    '| Rule | Category | What it flags | Default severity | Languages | CWE | Checks covered |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The text between two markers replaced by `content`, each marker kept on its own line. */
function replaceBetween(readme: string, start: string, end: string, content: string): string {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md lacks the ${start} … ${end} markers`);
  return `${readme.slice(0, from + start.length)}\n${content}\n${readme.slice(to)}`;
}

/** The README with its rule catalog and coverage table replaced by the current ones. */
export function withCatalog(readme: string): string {
  const withRules = replaceBetween(readme, CATALOG_START, CATALOG_END, ruleCatalogMarkdown());
  const withFormats = replaceBetween(
    withRules,
    FORMATS_START,
    FORMATS_END,
    configFormatsMarkdown(),
  );
  return replaceBetween(
    withFormats,
    COVERAGE_START,
    COVERAGE_END,
    catalogCoverageMarkdown(RULES.map((rule) => rule.meta)),
  );
}
