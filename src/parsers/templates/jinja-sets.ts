/**
 * The variables a Jinja2 template sets for itself at its top level, `{% set root = 'yes' %}`,
 * which the lines after it read as `{{ root }}`. A literal is its value; any other expression
 * (`ssh_root | default('no')`) is read as the `{{ ... }}` it would be in a playbook, so the
 * variable flow follows it. A `set` inside a loop or a macro holds only there, and one inside
 * a condition is left out as the condition's own lines are: what the template writes there
 * depends on the condition, judged where its variables are set.
 */
import type { Value, Variable } from '../../model/model.js';
import { lineStartsOf, rangeBetween } from './render-lines.js';
import type { TemplateTag } from './tags.js';

const SET = /^set\s+([A-Za-z_]\w*)\s*=\s*(\S[\s\S]*)$/;
const QUOTED = /^(['"])([^'"\\]*)\1$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const BOOLEAN = /^(true|false)$/i;

export function jinjaSets(source: string, tags: readonly TemplateTag[]): Variable[] {
  const variables: Variable[] = [];
  let lineStarts: number[] | undefined;
  let depth = 0;
  for (const tag of tags) {
    if (tag.nesting === 'opens') depth += 1;
    else if (tag.nesting === 'closes') depth = Math.max(0, depth - 1);
    if (depth > 0 || tag.kind !== 'statement') continue;
    const set = SET.exec(tag.code);
    const [, name, expression] = set ?? [];
    if (!name || !expression) continue;
    lineStarts ??= lineStartsOf(source);
    const written = source.slice(tag.start, tag.end);
    const nameStart = tag.start + written.indexOf(name, written.indexOf('set') + 3);
    const valueStart = tag.start + written.indexOf(expression);
    const starts = lineStarts;
    const range = (from: number, length: number) => rangeBetween(from, from + length, starts);
    variables.push({
      name,
      path: [name],
      value: valueOf(expression, range(valueStart, expression.length)),
      scope: 'template',
      range: range(nameStart, name.length),
    });
  }
  return variables;
}

function valueOf(expression: string, range: Value['range']): Value {
  const quoted = QUOTED.exec(expression);
  if (quoted)
    return { kind: 'string', value: quoted[2] ?? '', text: expression, dynamic: false, range };
  if (NUMBER.test(expression))
    return { kind: 'number', value: Number(expression), text: expression, dynamic: false, range };
  if (BOOLEAN.test(expression))
    return {
      kind: 'boolean',
      value: expression.toLowerCase() === 'true',
      text: expression,
      dynamic: false,
      range,
    };
  return { kind: 'string', value: `{{ ${expression} }}`, text: expression, dynamic: true, range };
}
