/**
 * Ansible: `shell` and `raw` hand their text to a shell after Jinja has filled it in, so a value
 * that arrives at run time from outside the repository can carry its own commands. Those values
 * are the answers to a play's `vars_prompt` (typed by whoever runs it) and the output of a
 * command registered earlier (`result.stdout`, written by the host or whatever it read), also
 * when a loop hands them over one by one as `item`. Values the repository sets itself (role
 * defaults, group vars) are its own constants and are left alone.
 */
import type { FileModel, Unit, Value } from '../../model/model.js';
import { commandTextOf } from '../support/commands.js';
import { interpolationsIn, type Interpolation } from './interpolations.js';
import { keywordOf } from '../support/units.js';
import { encloses } from '../../model/ranges.js';
import { lookupTable } from '../../shared/lookup-table.js';
import { registeredFor } from '../../parsers/ansible/when-conditions.js';

/** Modules whose text a shell reads; `command` runs its words without one. */
const SHELL_MODULES: Readonly<Record<string, readonly string[]>> = lookupTable({
  shell: ['_raw_params', 'cmd'],
  raw: ['_raw_params'],
});

/** Filters that make a value safe as one shell word, or reduce it to a number or a boolean. */
const ESCAPING_FILTER = /\|\s*(quote|int|float|bool|length|count|hash|checksum|b64encode)\b/;

/** The parts of a registered result that hold what the command printed or the URL returned. */
const OUTPUT_FIELD = /^(stdout|stdout_lines|stderr|stderr_lines|content|json|msg)\b/;

export interface AnsibleInjection {
  unit: Unit;
  value: Value;
  interpolation: Interpolation;
  /** where the value comes from, for the message */
  source: string;
}

/** `inRun`: the names any task of the run registers its results under (`RuleContext.registered`). */
export function* ansibleInjections(
  file: FileModel,
  inRun?: ReadonlySet<string>,
): Generator<AnsibleInjection> {
  const plays = file.units.filter((unit) => unit.kind === 'play');
  const registered = registeredFor(file, inRun);
  for (const unit of file.units) {
    const attributes = SHELL_MODULES[unit.type];
    if (!attributes || (unit.kind !== 'task' && unit.kind !== 'handler')) continue;
    const prompted = promptedNames(plays.filter((play) => encloses(play.range, unit.range)));
    const looped = loopSource(unit, prompted, registered);
    for (const attribute of unit.attributes) {
      if (!attributes.includes(attribute.name)) continue;
      const text = commandTextOf(attribute.value);
      if (!text) continue;
      for (const interpolation of interpolationsIn(text, 'ansible')) {
        if (ESCAPING_FILTER.test(interpolation.expression)) continue;
        const source =
          sourceOf(interpolation.expression, prompted, registered) ??
          (rootOf(interpolation.expression) === 'item' ? looped : undefined);
        if (source) yield { unit, value: attribute.value, interpolation, source };
      }
    }
  }
}

/** The variable an expression starts from: `result` in `result.stdout_lines[0] | trim`. */
function rootOf(expression: string): string | undefined {
  return /^\(?\s*([A-Za-z_]\w*)/.exec(expression)?.[1];
}

/** `result.stdout` → `stdout`: the field read from the root variable. */
function fieldOf(expression: string): string {
  return /^\(?\s*[A-Za-z_]\w*\s*(?:\.\s*|\[\s*['"])([A-Za-z_]\w*)/.exec(expression)?.[1] ?? '';
}

function sourceOf(
  expression: string,
  prompted: ReadonlySet<string>,
  registered: ReadonlySet<string>,
): string | undefined {
  const root = rootOf(expression);
  if (!root) return undefined;
  if (prompted.has(root)) return `the answer to the play's prompt \`${root}\``;
  if (registered.has(root) && OUTPUT_FIELD.test(fieldOf(expression)))
    return `the output registered in \`${root}\``;
  return undefined;
}

/** `loop: "{{ result.stdout_lines }}"`: each `item` is a line of that output. */
function loopSource(
  unit: Unit,
  prompted: ReadonlySet<string>,
  registered: ReadonlySet<string>,
): string | undefined {
  const loop = unit.keywords.find((keyword) => /^(loop|with_items|with_list)$/.test(keyword.name));
  if (!loop || loop.value.kind !== 'string' || typeof loop.value.value !== 'string')
    return undefined;
  const [expression] = interpolationsIn(loop.value.value, 'ansible');
  if (!expression) return undefined;
  const source = sourceOf(expression.expression, prompted, registered);
  return source ? `each item of ${source.replace(/^the /, '')}` : undefined;
}

/** The names the plays around a task ask for with `vars_prompt`. */
function promptedNames(plays: readonly Unit[]): Set<string> {
  const names = new Set<string>();
  for (const play of plays) {
    const prompts = keywordOf(play, 'vars_prompt');
    for (const item of prompts?.value.items ?? []) {
      const name = item.entries?.find((entry) => entry.name === 'name')?.value.value;
      if (typeof name === 'string') names.add(name);
    }
  }
  return names;
}
