import type { Rule, RuleContext } from '../rule.js';
import type { SourceRange, Value } from '../../model/model.js';
import { quote, rangeOfMatch } from '../support/source-lines.js';
import { escapeRegExp } from '../../shared/escape-regexp.js';
import { ansibleInjections } from './ansible.js';
import { chefInjections } from './chef.js';
import { puppetInjections } from './puppet.js';
import type { Interpolation } from './interpolations.js';

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
    for (const found of ansibleInjections(file))
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
  meta: {
    id: 'command-injection',
    title: 'Caller-supplied value put into a shell command unquoted',
    severity: 'high',
    category: 'command-injection',
    languages: ['ansible', 'puppet', 'chef'],
    description:
      'A shell command is built by interpolating a value that the code does not control: the answer to an Ansible `vars_prompt` or the output of an earlier command, the title or a free-text parameter of a Puppet defined type, a free-text property of a Chef custom resource. The shell reads the value as code, so one holding `;`, a quote or `$(...)` runs commands of its own, usually as root.',
    remediation:
      "Quote the value for the shell (`| quote` in Jinja, `shellquote()` in Puppet, `Shellwords.escape` in Ruby), or avoid the shell: Ansible `command` with `argv`, a Puppet `exec` command given as an array, a Chef `execute` command given as an array. Constraining the parameter's type (`Integer`, `Enum[...]`, `Pattern[...]`, `equal_to:`) also works.",
    cwe: 'CWE-78',
    catalog: ['PRIV-09'],
  },
  check,
};
