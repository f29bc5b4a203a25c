import type { Rule, RuleContext } from '../rule.js';
import { isTrue } from '../support/values.js';
import { manifestExecutions } from './manifests.js';
import { templateExecutions } from './template-tags.js';
import { meta } from './meta.js';

/** The 1-based line and column of an offset in the file's source. */
function positionOf(lines: readonly string[], offset: number): { line: number; column: number } {
  let remaining = offset;
  for (let index = 0; index < lines.length; index++) {
    const length = (lines[index] ?? '').length + 1;
    if (remaining < length) return { line: index + 1, column: remaining + 1 };
    remaining -= length;
  }
  return { line: lines.length, column: 1 };
}

function consequence(built: boolean): string {
  return built
    ? 'the text it runs is built from values, so whoever sets them runs code'
    : 'rendering a file should not run code; read the value from facts or a variable instead';
}

function check(context: RuleContext): void {
  const { file } = context;
  for (const found of templateExecutions(file)) {
    const { line, column } = positionOf(file.lines, found.offset);
    const text = file.lines[line - 1] ?? '';
    context.report({
      range: { line, column, endLine: line, endColumn: text.length + 1 },
      message: `The template ${found.what} while it renders: ${consequence(found.built)}`,
      ...(found.built ? {} : { severity: 'medium' as const }),
    });
  }
  for (const found of manifestExecutions(file))
    context.report({
      range: found.value.range,
      message: `This ${found.what}: ${consequence(found.built)}`,
      ...(found.built ? {} : { severity: 'medium' as const }),
    });
  // `allow_unsafe_lookups = True` in ansible.cfg renders Jinja found in what lookups return.
  for (const directive of file.config?.format === 'ansible-cfg' ? file.config.directives : [])
    if (directive.name.toLowerCase() === 'allow_unsafe_lookups' && isTrue(directive.value))
      context.report({
        range: directive.range,
        message:
          '`allow_unsafe_lookups` renders Jinja in what every lookup returns (files, URLs, the environment): text that holds `{{ ... }}` runs as template code on the controller',
      });
}

export const templateCodeExecution: Rule = {
  meta,
  check,
};
