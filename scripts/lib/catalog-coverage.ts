/**
 * The README's coverage table: each row of the check catalog against each language, naming the
 * rules that cover it there. Generated from the catalog and the rules' `catalog` metadata.
 */
import type { Language } from '../../src/model/model.js';
import { CATALOG, CATALOG_THEMES, type CatalogRow } from '../../src/rules/catalog.js';
import type { RuleMeta } from '../../src/rules/rule.js';
import { markdownTable } from './table.js';

const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  ansible: 'Ansible',
  puppet: 'Puppet',
  chef: 'Chef',
};

const LANGUAGES_IN_COLUMNS = Object.keys(LANGUAGE_NAMES) as Language[];

/** A cell of a row that names no rule yet. */
const NOT_COVERED = '—';
/** A cell of a row that does not apply to the column's language. */
const NOT_APPLICABLE = 'n/a';

/** The rules that claim the row and check the language, when the row applies to it. */
export function rulesCovering(
  row: CatalogRow,
  language: Language,
  rules: readonly RuleMeta[],
): RuleMeta[] {
  if (!row.languages.includes(language)) return [];
  return rules.filter(
    (rule) => rule.languages.includes(language) && (rule.catalog ?? []).includes(row.id),
  );
}

export interface LanguageCoverage {
  language: Language;
  /** rows at least one rule covers in the language */
  covered: number;
  /** rows that apply to the language */
  applicable: number;
}

export function coverageByLanguage(
  rules: readonly RuleMeta[],
  catalog: readonly CatalogRow[] = CATALOG,
): LanguageCoverage[] {
  return LANGUAGES_IN_COLUMNS.map((language) => {
    const applicable = catalog.filter((row) => row.languages.includes(language));
    const covered = applicable.filter((row) => rulesCovering(row, language, rules).length > 0);
    return { language, covered: covered.length, applicable: applicable.length };
  });
}

const ruleLink = (rule: RuleMeta) =>
  `[\`${rule.id}\`](src/rules/${rule.id}/README.md)${rule.optIn ? ' (opt-in)' : ''}`;

function cell(row: CatalogRow, language: Language, rules: readonly RuleMeta[]): string {
  if (!row.languages.includes(language)) return NOT_APPLICABLE;
  const covering = rulesCovering(row, language, rules);
  return covering.length > 0 ? covering.map(ruleLink).join(', ') : NOT_COVERED;
}

/** One theme's rows; the last column, why a check applies to no language, only where one does not. */
function themeTable(rows: readonly CatalogRow[], rules: readonly RuleMeta[]): string {
  const withReasons = rows.some((row) => row.notApplicable !== undefined);
  return markdownTable(
    [
      'Check',
      'What it is about',
      ...LANGUAGES_IN_COLUMNS.map((language) => LANGUAGE_NAMES[language]),
      ...(withReasons ? ['Not applicable because'] : []),
    ],
    rows.map((row) => [
      row.id,
      row.title,
      ...LANGUAGES_IN_COLUMNS.map((language) => cell(row, language, rules)),
      ...(withReasons ? [row.notApplicable ?? ''] : []),
    ]),
  );
}

function summaryLine(rules: readonly RuleMeta[], catalog: readonly CatalogRow[]): string {
  const parts = coverageByLanguage(rules, catalog).map(
    ({ language, covered, applicable }) =>
      `${LANGUAGE_NAMES[language]} ${covered} of ${applicable}`,
  );
  return `Checks covered, out of those that apply to the language: ${parts.join(', ')}.`;
}

export function catalogCoverageMarkdown(
  rules: readonly RuleMeta[],
  catalog: readonly CatalogRow[] = CATALOG,
): string {
  const sections = CATALOG_THEMES.flatMap((theme) => {
    const rows = catalog.filter((row) => row.theme === theme);
    return rows.length > 0 ? [`**${theme}**`, themeTable(rows, rules)] : [];
  });
  return [summaryLine(rules, catalog), ...sections].join('\n\n');
}
