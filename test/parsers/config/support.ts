import type { Directive, FileModel, Language } from '../../../src/model/model.js';
import { parseFile } from '../../../src/languages/parse-file.js';

/** The model of a deployed configuration file; throws with the parser's reason when it fails. */
export function parsedConfig(path: string, source: string, language: Language): FileModel {
  const outcome = parseFile(path, source, language);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.model;
}

/** `line:column name=value [section]`, the column being where the value starts, with `(dynamic)` / `(conditional)` marks. */
export function directiveSummary(directive: Directive): string {
  return summaryOf(directive, '');
}

/** The same, with where the value ends: `line:column-end name=value`. */
export function directiveSummaryWithEnd(directive: Directive): string {
  return summaryOf(directive, `-${directive.value.range.endColumn}`);
}

function summaryOf(directive: Directive, end: string): string {
  const section = directive.section ? ` [${directive.section}]` : '';
  const flags = `${directive.value.dynamic ? ' (dynamic)' : ''}${directive.conditional ? ' (conditional)' : ''}`;
  return `${directive.range.line}:${directive.value.range.column}${end} ${directive.name}=${directive.value.text}${flags}${section}`;
}
