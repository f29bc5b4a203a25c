/**
 * Directives from rendered lines: the format's syntax family reads each line (`syntaxes/`),
 * and each directive gets its value, with the exact range it is written at, and its block.
 */
import type { Directive, FlagGuard } from '../../model/model.js';
import type { RenderedLine } from '../templates/render-lines.js';
import type { FormatSpec } from './format-spec.js';
import { SYNTAXES } from './syntaxes/index.js';
import type { LineSplit } from './syntaxes/syntax.js';

export function readDirectives(
  lines: readonly RenderedLine[],
  spec: FormatSpec,
  /** whether a value still computes something, in the deploying language */
  templated: RegExp,
): Directive[] {
  const reader = SYNTAXES[spec.syntax](spec.sections ? { sections: spec.sections } : {});
  const directives: Directive[] = [];
  let section: string | undefined;
  for (const line of lines) {
    const reading = reader.read(line.text);
    if (reading.section !== undefined) section = reading.section ?? undefined;
    if (!reading.directive) continue;
    // A line written in several ways (under `or`) is a directive in each, judged on its own.
    for (const guards of line.ways ?? [undefined]) {
      const directive = directiveOf(line, reading.directive, templated, guards);
      directives.push(section ? { ...directive, section } : directive);
    }
  }
  return spec.firstValueWins ? firstValues(directives, spec.firstValueWins.repeatable) : directives;
}

/**
 * The directives that take effect where the first value a block gives a keyword wins: a later
 * one is dropped when an earlier one of the same block is written unconditionally (in a
 * template, one under a condition may not be rendered, and the later one then applies; one
 * under a condition that picks hosts is not written on the others).
 * Keywords are compared without case, as OpenSSH reads them.
 */
function firstValues(directives: Directive[], repeatable: readonly string[]): Directive[] {
  const adding = new Set(repeatable.map((keyword) => keyword.toLowerCase()));
  const settled = new Set<string>();
  return directives.filter((directive) => {
    const keyword = directive.name.toLowerCase();
    if (adding.has(keyword)) return true;
    const key = `${directive.section ?? ''}\u0000${keyword}`;
    if (settled.has(key)) return false;
    if (!directive.conditional && !directive.hostSpecific) settled.add(key);
    return true;
  });
}

function directiveOf(
  line: RenderedLine,
  split: LineSplit,
  templated: RegExp,
  guards: readonly FlagGuard[] | undefined,
): Directive {
  const { name, valueFrom, valueTo } = split;
  const text = line.text.slice(valueFrom, valueTo);
  const unquoted = /^"(.*)"$/.exec(text)?.[1] ?? text;
  return {
    name,
    value: {
      kind: 'string',
      value: unquoted,
      text,
      dynamic: line.templated && templated.test(unquoted),
      range: line.rangeOf(valueFrom, valueTo),
    },
    conditional: line.conditional,
    ...(guards ? { guards } : {}),
    ...(line.hostSpecific ? { hostSpecific: true as const } : {}),
    range: line.rangeOf(line.text.length - line.text.trimStart().length, valueTo),
  };
}
