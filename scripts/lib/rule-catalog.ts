/**
 * The README's rule catalog, generated from the rules' metadata so that it cannot drift:
 * `npm run docs:rules` rewrites it and a test fails when it is stale.
 */
import { RULES } from '../../src/rules/index.js';

export const CATALOG_START = '<!-- rule-catalog:start -->';
export const CATALOG_END = '<!-- rule-catalog:end -->';

export function ruleCatalogMarkdown(): string {
  const rows = RULES.map(({ meta }) => {
    const options = Object.keys(meta.options ?? {});
    const title =
      options.length > 0
        ? `${meta.title} (options: ${options.map((option) => `\`${option}\``).join(', ')})`
        : meta.title;
    return `| [\`${meta.id}\`](src/rules/${meta.id}/README.md) | ${title} | ${meta.severity} | ${meta.languages.join(', ')} | ${meta.cwe} |`;
  });
  return [
    '| Rule (id = category) | What it flags | Default severity | Languages | CWE |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The README with its catalog section replaced by the current one. */
export function withCatalog(readme: string): string {
  const start = readme.indexOf(CATALOG_START);
  const end = readme.indexOf(CATALOG_END);
  if (start < 0 || end < start)
    throw new Error(`README.md lacks the ${CATALOG_START} … ${CATALOG_END} markers`);
  return `${readme.slice(0, start + CATALOG_START.length)}\n${ruleCatalogMarkdown()}\n${readme.slice(end)}`;
}
