import type { Rule, RuleContext } from '../rule.js';
import type { SourceRange, Value } from '../../model/model.js';
import { quote, rangeOfMatch } from '../support/source-lines.js';
import { escapeRegExp } from '../../shared/escape-regexp.js';
import { ansibleInjections } from './ansible.js';
import { chefInjections } from './chef.js';
import { puppetInjections } from './puppet.js';
import type { Interpolation } from './interpolations.js';
import { meta } from './meta.js';

const CONSEQUENCE = 'a value holding `;`, a quote or `$(...)` runs commands of its own';

/**
 * The line of each interpolation: the n-th use of the same text in a multi-line command sits on
 * the n-th line holding it. One finding per line.
 */
class Reporter {
  private readonly seen = new Map<string, number>();
  private readonly lines = new Set<string>();

  constructor(private readonly context: RuleContext) {}

  report(value: Value, interpolation: Interpolation, message: string): void {
    const key = `${value.range.line}:${value.range.column}:${interpolation.text}`;
    const nth = this.seen.get(key) ?? 0;
    this.seen.set(key, nth + 1);
    const range = nthLineOf(this.context, value, interpolation.text, nth);
    const line = `${range.line}`;
    if (this.lines.has(line)) return;
    this.lines.add(line);
    this.context.report({ range, message });
  }
}

function nthLineOf(context: RuleContext, value: Value, text: string, nth: number): SourceRange {
  const { range } = value;
  const pattern = new RegExp(escapeRegExp(text));
  let found = -1;
  for (let line = range.line; line <= range.endLine; line++) {
    if (!pattern.test(context.file.lines[line - 1] ?? '')) continue;
    found += 1;
    if (found === nth)
      return rangeOfMatch(context.file, { ...range, line, endLine: line }, pattern);
  }
  return rangeOfMatch(context.file, range, pattern);
}

function check(context: RuleContext): void {
  const { file } = context;
  const reporter = new Reporter(context);
  if (file.language === 'ansible')
    for (const found of ansibleInjections(file, context.registered))
      reporter.report(
        found.value,
        found.interpolation,
        `${quote(found.interpolation.text)} puts ${found.source} into a shell command unquoted: ${CONSEQUENCE}; add \`| quote\` or pass the words to \`command\` with \`argv\``,
      );
  if (file.language === 'puppet')
    for (const found of puppetInjections(file))
      reporter.report(
        found.value,
        found.interpolation,
        `${quote(found.interpolation.text)} puts the \`${found.parameter}\` of each \`${found.definedType}\` declaration into the exec's shell command unquoted: ${CONSEQUENCE}; wrap it in \`shellquote()\`, give the command as an array, or constrain the parameter's type`,
      );
  if (file.language === 'chef')
    for (const found of chefInjections(file))
      reporter.report(
        found.value,
        found.interpolation,
        `${quote(found.interpolation.text)} puts the resource's \`${found.property}\` property, which every caller sets, into a shell command unquoted: ${CONSEQUENCE}; escape it with \`Shellwords.escape\`, pass an argument array, or constrain the property's type`,
      );
}

export const commandInjection: Rule = {
  meta,
  check,
};
