import type { Rule, RuleContext } from '../rule.js';
import type { Severity } from '../../model/finding.js';
import type { Attribute, Unit } from '../../model/model.js';
import { bindings, reportBinding, usePhrase } from '../support/bindings.js';
import { commandsIn, effectiveProgram } from '../support/commands.js';
import { rangeOfText } from '../support/source-lines.js';
import { isLocalHost } from '../support/urls.js';
import { stringText } from '../support/values.js';
import { attributeOf } from '../support/units.js';
import { environmentOf } from '../support/environment.js';
import { lookupTable } from '../../shared/lookup-table.js';
import { meta } from './meta.js';

/** What one option of a pip command line does to where packages come from. */
interface IndexProblem {
  /** the option as written, to point at */
  written: string;
  problem: string;
  severity?: Severity;
}

const PIP = /^pip(\d+(\.\d+)?)?$/;
const INDEX_OPTIONS = new Set(['-i', '--index-url', '--extra-index-url', '-f', '--find-links']);

/** `--opt=value` and `--opt value` alike: each option with the value it takes. */
function options(
  words: readonly string[],
): Array<{ name: string; value?: string; written: string }> {
  const found: Array<{ name: string; value?: string; written: string }> = [];
  words.forEach((word, index) => {
    const equals = word.startsWith('--') ? word.indexOf('=') : -1;
    if (equals > 0)
      found.push({ name: word.slice(0, equals), value: word.slice(equals + 1), written: word });
    else if (word.startsWith('-'))
      found.push({ name: word, value: words[index + 1], written: word });
  });
  return found;
}

function plainHttpRemote(url: string | undefined): boolean {
  const match = url ? /^http:\/\/([^/:]+)/i.exec(url.trim()) : null;
  return match !== null && !isLocalHost(match[1] ?? '');
}

/**
 * What a pip command line does to where packages come from: an index over plain HTTP, a host
 * whose certificate is not checked, or a second index searched alongside PyPI. Hashes
 * (`--require-hashes`) pin every download whichever index serves it.
 */
function indexProblems(words: readonly string[]): IndexProblem[] {
  const given = options(words);
  const hashed = given.some((option) => option.name === '--require-hashes');
  const problems: IndexProblem[] = [];
  for (const option of given) {
    if (option.name === '--trusted-host') {
      problems.push({
        written: option.written,
        problem: `\`--trusted-host${option.value ? ` ${option.value}` : ''}\` makes pip accept that host without a valid certificate (or over plain HTTP): whoever sits on the network path can serve any package`,
      });
    } else if (INDEX_OPTIONS.has(option.name) && plainHttpRemote(option.value)) {
      problems.push({
        written: option.written,
        problem: `\`${option.name} ${option.value ?? ''}\` fetches packages over plain HTTP: whoever sits on the network path can serve any package`,
      });
    } else if (option.name === '--extra-index-url' && !hashed) {
      problems.push({
        written: option.written,
        problem: `\`--extra-index-url\` makes pip pick the highest version of a name from either index: anyone who publishes an internal package's name on PyPI wins (dependency confusion). Use one index that proxies PyPI, or \`--require-hashes\``,
        severity: 'medium',
      });
    }
  }
  return problems;
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word.length > 0);
}

function checkPipModule(context: RuleContext, unit: Unit, extraArgs: Attribute): void {
  const { file, report } = context;
  const text = stringText(extraArgs.value);
  const found = text === undefined ? [] : indexProblems(words(text));
  const [first] = found;
  if (first)
    report({
      range: rangeOfText(file, extraArgs.value.range, first.written),
      message: `\`${unit.typeAsWritten}\` \`extra_args\`: ${found.map((item) => item.problem).join('; and ')}`,
      ...(found.every((item) => item.severity) && first.severity
        ? { severity: first.severity }
        : {}),
    });
  const seen = new Set(found.map((item) => item.problem));
  for (const binding of bindings(context, extraArgs.value, unit.within)) {
    const bound = stringText(binding.value);
    if (bound === undefined) continue;
    for (const { problem, severity } of indexProblems(words(bound))) {
      if (seen.has(problem)) continue;
      reportBinding(
        context,
        binding,
        { range: extraArgs.value.range, as: usePhrase(file, unit, extraArgs.name) },
        problem.replace(/^`[^`]*`/, 'passes $& to pip, which'),
        severity ? { severity } : {},
      );
    }
  }
}

function checkCommands(context: RuleContext): void {
  for (const command of commandsIn(context.file)) {
    for (const step of command.script.commands) {
      const { name, args } = effectiveProgram(step);
      const pipArgs = PIP.test(name)
        ? args
        : /^python[\d.]*$/.test(name) && args[0] === '-m' && args[1] === 'pip'
          ? args.slice(2)
          : undefined;
      if (!pipArgs || !['install', 'download', 'wheel'].includes(pipArgs[0] ?? '')) continue;
      const found = indexProblems(pipArgs);
      const [first] = found;
      if (!first) continue;
      context.report({
        range: rangeOfText(context.file, command.rangeOf(step), first.written),
        message: `\`${name} ${pipArgs[0]}\`: ${found.map((item) => item.problem).join('; and ')}`,
        ...(found.every((item) => item.severity) && first.severity
          ? { severity: first.severity }
          : {}),
      });
    }
  }
}

/** pip's environment variables, by the option each stands for. */
const PIP_VARIABLES: Readonly<Record<string, string>> = lookupTable({
  PIP_TRUSTED_HOST: '--trusted-host',
  PIP_INDEX_URL: '--index-url',
  PIP_EXTRA_INDEX_URL: '--extra-index-url',
  PIP_FIND_LINKS: '--find-links',
});

/** `environment: {PIP_TRUSTED_HOST: pypi.example.com}` on a task or play: the option, for every pip it runs. */
function checkEnvironment(context: RuleContext, unit: Unit): void {
  const variables = environmentOf(unit);
  const given = variables.flatMap((variable) => {
    const option = PIP_VARIABLES[variable.name];
    return option ? [{ variable, word: `${option}=${variable.text.trim()}` }] : [];
  });
  if (given.length === 0) return;
  const hashed = variables.some(
    (variable) =>
      variable.name === 'PIP_REQUIRE_HASHES' && /^(1|true|yes|on)$/i.test(variable.text),
  );
  for (const { variable, word } of given) {
    for (const { problem, severity } of indexProblems(hashed ? [word, '--require-hashes'] : [word]))
      context.report({
        range: variable.range,
        message: `\`${variable.name}\` in the environment: ${problem.replace(/^`[^`]*`/, 'stands for $&, which')}`,
        ...(severity ? { severity } : {}),
      });
  }
}

export const untrustedPackageIndex: Rule = {
  meta,
  check(context) {
    if (context.file.language !== 'ansible') return;
    for (const unit of context.file.units) {
      checkEnvironment(context, unit);
      if (unit.type !== 'pip') continue;
      const extraArgs = attributeOf(unit, 'extra_args');
      if (extraArgs) checkPipModule(context, unit, extraArgs);
    }
    checkCommands(context);
  },
};
