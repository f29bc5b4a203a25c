/**
 * Reads one `.security.yml`: YAML with positions, the schema, then what the schema cannot
 * say (rule ids exist, options are declared, regular expressions compile, dates are dates).
 * Every problem comes back as a located `PolicyError`; nothing here throws on bad input.
 */
import { LineCounter, Parser, parseDocument } from 'yaml';
import { UnanalysableError } from '../model/file-error.js';
import { checkNesting } from '../parsers/yaml/nesting.js';
import { CATEGORIES } from '../rules/categories.js';
import { RULE_METAS } from '../rules/metadata.js';
import { withSuggestion } from './did-you-mean.js';
import { YamlLocator, dotted, type KeyPath } from './locate.js';
import { globErrors } from './check-globs.js';
import { validateSchema } from './validate-schema.js';
import type { CustomRuleSpec, PolicyError, PolicyFile, RuleSetting, Waiver } from './types.js';
import { requireOnDemand } from '../shared/require-on-demand.js';

const re2js = requireOnDemand<typeof import('re2js')>('re2js');

export const MAX_POLICY_BYTES = 256 * 1024;
const CONDITIONS = [
  'equals',
  'one_of',
  'glob',
  'regex',
  'greater_than',
  'less_than',
  'present',
  'absent',
] as const;

export interface ParsePolicyOptions {
  /** the org policy may lock; a repository policy may not */
  isOrgPolicy?: boolean;
  /** custom rule ids defined by other policy files (the org's), valid in `rules:` and waivers */
  knownCustomRuleIds?: readonly string[];
}

export interface ParsedPolicy {
  policy?: PolicyFile;
  errors: PolicyError[];
  /** the line of a key in the file, for messages about it found later */
  lineOf?: (path: KeyPath) => number | undefined;
}

export function parsePolicy(
  text: string,
  source: string,
  options: ParsePolicyOptions = {},
): ParsedPolicy {
  if (Buffer.byteLength(text, 'utf8') > MAX_POLICY_BYTES) {
    return {
      errors: [
        { source, message: `the policy file is larger than ${MAX_POLICY_BYTES / 1024} KiB` },
      ],
    };
  }
  const nesting = nestingError(text, source);
  if (nesting) return { errors: [nesting] };
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const syntax = doc.errors.map((error) => ({
    source,
    line: lines.linePos(error.pos[0]).line,
    message: `YAML: ${error.message.split('\n')[0] ?? error.message}`,
  }));
  if (syntax.length > 0) return { errors: syntax };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 }) ?? {};
  } catch (error) {
    return { errors: [{ source, message: `YAML: ${(error as Error).message}` }] };
  }
  const schemaErrors = validateSchema(value, doc, lines, source);
  if (schemaErrors.length > 0) return { errors: sortByLine(schemaErrors) };

  const policy = { ...(value as Omit<PolicyFile, 'source'>), source };
  normalise(policy);
  const locator = new YamlLocator(doc, lines);
  const errors = checkMeaning(policy, locator, options);
  return errors.length > 0
    ? { errors: sortByLine(errors) }
    : { policy, errors: [], lineOf: (path) => locator.lineOf(path, true) };
}

/** A policy nested deeper than any real one gets the analysers' located message, not a stack overflow. */
function nestingError(text: string, source: string): PolicyError | undefined {
  const lines = new LineCounter();
  try {
    checkNesting(
      Array.from(new Parser(lines.addNewLine).parse(text)),
      (offset) => lines.linePos(offset).line,
    );
    return undefined;
  } catch (error) {
    if (!(error instanceof UnanalysableError)) throw error;
    return {
      source,
      ...(error.line === undefined ? {} : { line: error.line }),
      message: error.message,
    };
  }
}

/** `off`/`on`/a severity become settings objects; waivers and custom rules learn where they came from. */
function normalise(policy: PolicyFile): void {
  for (const table of [policy.rules, policy.categories]) {
    if (!table) continue;
    for (const [key, setting] of Object.entries(table)) table[key] = toSetting(setting);
  }
  policy.waivers = policy.waivers?.map((waiver) => ({ ...waiver, source: policy.source }));
  policy.custom_rules = policy.custom_rules?.map((rule) => ({ ...rule, source: policy.source }));
}

function toSetting(raw: unknown): RuleSetting {
  if (raw === 'off' || raw === false) return { enabled: false };
  if (raw === 'on' || raw === true) return { enabled: true };
  if (typeof raw === 'string') return { enabled: true, severity: raw as RuleSetting['severity'] };
  return raw as RuleSetting;
}

function checkMeaning(
  policy: PolicyFile,
  locator: YamlLocator,
  options: ParsePolicyOptions,
): PolicyError[] {
  const errors: PolicyError[] = [];
  const error = (path: KeyPath, message: string, onKey = false) => {
    const line = locator.lineOf(path, onKey);
    errors.push({ source: policy.source, key: dotted(path), ...(line ? { line } : {}), message });
  };
  const builtInIds = RULE_METAS.map((meta) => meta.id);
  const customIds = [
    ...(options.knownCustomRuleIds ?? []),
    ...(policy.custom_rules ?? []).map((rule) => rule.id),
  ];
  const ruleIds = new Set([...builtInIds, ...customIds]);

  if (policy.locked && !options.isOrgPolicy) {
    error(
      ['locked'],
      "only the org policy (the org's .github repository) can lock rules and settings",
      true,
    );
  }
  for (const [id, setting] of Object.entries(policy.rules ?? {})) {
    if (!ruleIds.has(id)) error(['rules', id], withSuggestion('unknown rule', id, ruleIds), true);
    else checkOptions(id, setting, error);
  }
  for (const category of Object.keys(policy.categories ?? {})) {
    if (!(CATEGORIES as readonly string[]).includes(category))
      error(
        ['categories', category],
        withSuggestion('unknown category', category, CATEGORIES),
        true,
      );
    if (policy.categories?.[category]?.options)
      error(['categories', category, 'options'], 'options belong to a rule, not a category', true);
  }
  for (const name of policy.locked?.rules ?? []) {
    const index = policy.locked?.rules?.indexOf(name) ?? 0;
    if (!ruleIds.has(name) && !(CATEGORIES as readonly string[]).includes(name)) {
      error(
        ['locked', 'rules', index],
        withSuggestion('unknown rule or category', name, [...ruleIds, ...CATEGORIES]),
      );
    }
  }
  (policy.waivers ?? []).forEach((waiver: Waiver, index) => {
    if (waiver.rule && !ruleIds.has(waiver.rule))
      error(['waivers', index, 'rule'], withSuggestion('unknown rule', waiver.rule, ruleIds));
    if (Number.isNaN(Date.parse(`${waiver.expires}T00:00:00Z`)))
      error(['waivers', index, 'expires'], 'is not a real date');
  });
  for (const { path, message } of globErrors(policy)) error(path, message);
  (policy.custom_rules ?? []).forEach((rule: CustomRuleSpec, index) => {
    const at = (...rest: KeyPath) => ['custom_rules', index, ...rest];
    if (builtInIds.includes(rule.id))
      error(at('id'), `"${rule.id}" is a built-in rule; choose another id`);
    if (customIds.indexOf(rule.id) !== customIds.lastIndexOf(rule.id))
      error(at('id'), `"${rule.id}" is defined twice`);
    const targets = ['type', 'variable'].filter((key) => rule.match[key] !== undefined);
    if (targets.length !== 1)
      error(at('match'), 'match needs exactly one of "type" (tasks and resources) or "variable"');
    const conditions = CONDITIONS.filter((key) => rule.match[key] !== undefined);
    if (conditions.length > 1)
      error(at('match'), `match takes one condition, not ${conditions.join(' and ')}`);
    if (rule.match.variable !== undefined && rule.match.attribute !== undefined)
      error(at('match', 'attribute'), '"attribute" goes with "type", not "variable"');
    if (typeof rule.match.regex === 'string') {
      try {
        re2js().RE2JS.compile(rule.match.regex);
      } catch (compileError) {
        error(
          at('match', 'regex'),
          `is not a valid regular expression: ${(compileError as Error).message}`,
        );
      }
    }
  });
  return errors;
}

function checkOptions(
  id: string,
  setting: RuleSetting,
  error: (path: KeyPath, message: string, onKey?: boolean) => void,
): void {
  const declared = RULE_METAS.find((meta) => meta.id === id)?.options ?? {};
  for (const option of Object.keys(setting.options ?? {})) {
    if (!Object.hasOwn(declared, option)) {
      const known = Object.keys(declared);
      const message =
        known.length === 0
          ? `${id} takes no options`
          : withSuggestion(`unknown option; ${id} takes ${known.join(', ')}`, option, known);
      error(['rules', id, 'options', option], message, true);
    }
  }
}

function sortByLine(errors: PolicyError[]): PolicyError[] {
  return [...errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
