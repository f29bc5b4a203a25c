/**
 * A configuration file a role, module or cookbook deploys, as the shared model: its
 * directives, each with the exact range it is written at in the template or file. Template
 * expressions become the deploying language's interpolation, so rules and variable flow
 * treat them like any other value (`interpolation.ts`).
 */
import type { ParseOutcome } from '../../model/parse-outcome.js';
import type { Comment, FileModel, Language, VariableTest } from '../../model/model.js';
import { readErbConditionWays, type ErbCondition } from '../templates/erb-conditions.js';
import { erbSelectsHosts } from '../templates/erb-host-test.js';
import { erbTags } from '../templates/erb-tags.js';
import type { FlagTest } from '../templates/flag-test.js';
import { jinjaTags } from '../templates/jinja-tags.js';
import { jinjaSets } from '../templates/jinja-sets.js';
import { jinjaLoops } from '../templates/jinja-loops.js';
import { renderLines } from '../templates/render-lines.js';
import { TemplateSyntaxError, type TemplateTag } from '../templates/tags.js';
import { formatByName, type FormatSpec } from './formats.js';
import { readDirectives } from './read-directives.js';
import { trailingComment } from './syntaxes/comments.js';

export type TemplateSyntax = 'jinja' | 'erb' | 'epp' | 'none';

/** What the deploying language says of a template's expressions (its descriptor knows). */
export interface TemplateDialect {
  /** an expression written as the language's own interpolation (`@port` → `${port}` in Puppet) */
  interpolate(syntax: TemplateSyntax): (code: string) => string;
  /** the scope a template's bare names are read in (a Puppet module's class), if any */
  scopeOf(path: string): string | undefined;
  /** whether a rendered value still computes something: an interpolation, a reference */
  templated: RegExp;
  /** the variable an interpolation reads when it is all the text is (`${x11}` → `x11`) */
  variableOf(interpolation: string): string | undefined;
}

export function parseConfig(
  path: string,
  source: string,
  language: Language,
  dialect: TemplateDialect,
  spec: FormatSpec | undefined = formatByName(path),
  recognisedBy = `by its name ${path.slice(path.lastIndexOf('/') + 1)}`,
): ParseOutcome {
  if (!spec)
    return {
      ok: false,
      error: { path, kind: 'internal', message: 'not a configuration file Posture reads' },
    };
  const syntax = templateSyntax(path);
  let tags: TemplateTag[];
  try {
    tags = tagsOf(source, syntax);
  } catch (error) {
    if (!(error instanceof TemplateSyntaxError)) throw error;
    const line = source.slice(0, error.offset).split('\n').length;
    return { ok: false, error: { path, kind: 'syntax', message: error.message, line } };
  }
  if (syntax === 'erb' || syntax === 'epp') testFlags(tags, syntax, dialect);
  const lines = renderLines(source, tags, dialect.interpolate(syntax));
  const within = dialect.scopeOf(path);
  const loops = syntax === 'jinja' ? jinjaLoops(source, tags, lines) : [];
  const model: FileModel = {
    path,
    language,
    kind: 'config',
    units: [],
    variables: syntax === 'jinja' ? jinjaSets(source, tags) : [],
    comments: spec.tool && syntax === 'none' ? commentsOf(source) : [],
    conditions: [],
    config: {
      format: spec.format,
      recognisedBy,
      template: syntax !== 'none',
      ...(within ? { within } : {}),
      directives: readDirectives(lines, spec, dialect.templated),
      ...(loops.length > 0 ? { loops } : {}),
    },
    lines: source.split(/\r?\n/),
  };
  return { ok: true, model };
}

/**
 * The comments of a tool's own settings file (`ansible.cfg`), which the repository writes like
 * its code: `#` and `;` lines and a `#` after a setting, so that inline suppressions work there.
 */
function commentsOf(source: string): Comment[] {
  return source.split(/\r?\n/).flatMap((text, index) => {
    const start = /^\s*[#;]/.test(text)
      ? text.length - text.trimStart().length
      : trailingComment(text);
    if (start < 0) return [];
    const end = text.trimEnd().length;
    return [
      {
        text: text.slice(start + 1, end).trim(),
        range: { line: index + 1, column: start + 1, endLine: index + 1, endColumn: end + 1 },
      },
    ];
  });
}

export function templateSyntax(path: string): TemplateSyntax {
  if (/\.(j2|jinja2?)$/i.test(path)) return 'jinja';
  if (/\.erb$/i.test(path)) return 'erb';
  if (/\.epp$/i.test(path)) return 'epp';
  return 'none';
}

/**
 * The conditions of ERB and EPP tags, read as the ways they hold, each the variables it tests as
 * the deploying language names them, or as only picking hosts (Jinja2's tags read their own,
 * `jinja-tags.ts`).
 */
function testFlags(tags: TemplateTag[], syntax: 'erb' | 'epp', dialect: TemplateDialect): void {
  const interpolate = dialect.interpolate(syntax);
  const language = syntax === 'epp' ? 'puppet' : 'ruby';
  const flagOf = ({ operand, negated, equals, ignoringCase }: ErbCondition): FlagTest[] => {
    const name = dialect.variableOf(interpolate(operand));
    const test: VariableTest =
      equals === undefined ? 'set' : { equals, ...(ignoringCase ? { ignoringCase } : {}) };
    return name === undefined ? [] : [{ name, test, negated }];
  };
  for (const tag of tags) {
    if (tag.kind !== 'statement' || tag.nesting === 'none' || tag.nesting === 'closes') continue;
    if (erbSelectsHosts(tag.code, language)) {
      tag.ways = [{ picksHosts: true, flags: [] }];
      continue;
    }
    const ways = readErbConditionWays(tag.code, language)?.map(({ picksHosts, tests }) => ({
      picksHosts,
      flags: tests.flatMap(flagOf),
      read: tests.length,
    }));
    // A condition is read only where the deploying language names every variable it tests.
    if (ways?.every((way) => way.flags.length === way.read))
      tag.ways = ways.map(({ picksHosts, flags }) => ({ picksHosts, flags }));
  }
}

function tagsOf(source: string, syntax: TemplateSyntax): TemplateTag[] {
  if (syntax === 'jinja') return jinjaTags(source);
  if (syntax === 'epp') return erbTags(source, 'puppet');
  if (syntax === 'erb') return erbTags(source, 'ruby');
  return [];
}
