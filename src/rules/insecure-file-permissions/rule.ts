import type { Rule, RuleContext } from '../rule.js';
import { assignments, valueRange } from '../support/assignments.js';
import { bindings, reportBinding, usePhrase } from '../support/bindings.js';
import { nameWords } from '../support/names.js';
import { chmodsIn } from '../support/commands.js';
import { replaceValue } from '../support/source-lines.js';
import { GROUP_WRITE, modeProblem, OTHER_WRITE, type ModeProblem } from '../support/file-modes.js';
import { meta } from './meta.js';

const MODE_KEY_WORDS = new Set(['mode', 'perms', 'permissions', 'permission', 'chmod']);

function safeModeText(problem: ModeProblem, text: string): string | undefined {
  const quote = /^['"]/.test(text) ? (text[0] as string) : "'";
  if (problem.kind === 'decimal-mode')
    return `${quote}0${problem.written.padStart(3, '0').slice(-3)}${quote}`;
  if (problem.kind === 'world-writable') {
    const safe = problem.mode & ~(OTHER_WRITE | GROUP_WRITE);
    return `${quote}${safe.toString(8).padStart(4, '0')}${quote}`;
  }
  return undefined;
}

function isModeKey(name: string): boolean {
  const last = nameWords(name).at(-1);
  return last !== undefined && MODE_KEY_WORDS.has(last);
}

/** `mode: "{{ upload_dir_mode }}"` with `upload_dir_mode: '0777'`: reported where the mode is set. */
function checkBoundModes(context: RuleContext): void {
  for (const unit of context.file.units) {
    for (const attribute of unit.attributes) {
      if (!isModeKey(attribute.name)) continue;
      for (const binding of bindings(context, attribute.value, unit.within)) {
        const problem = modeProblem(binding.value);
        if (!problem || problem.kind === 'decimal-mode') continue;
        reportBinding(
          context,
          binding,
          { range: attribute.value.range, as: usePhrase(context.file, unit, attribute.name) },
          'makes the file writable by every user',
        );
      }
    }
  }
}

function describe(problem: ModeProblem, text: string): string {
  if (problem.kind === 'decimal-mode')
    return `mode \`${text}\` has no leading zero and is read as a decimal number, not octal`;
  return `mode \`${text}\` makes the file writable by every user`;
}

export const insecureFilePermissions: Rule = {
  meta,
  check(context) {
    const { file, report } = context;
    for (const assignment of assignments(file)) {
      if (!isModeKey(assignment.name)) continue;
      const problem = modeProblem(assignment.value);
      if (!problem) continue;
      const safe = safeModeText(problem, assignment.value.text);
      const suggestion = safe ? replaceValue(file, assignment.value, safe) : undefined;
      report({
        range: valueRange(assignment, assignment.value),
        message: describe(problem, assignment.value.text),
        ...(suggestion ? { suggestion } : {}),
      });
    }
    checkBoundModes(context);
    for (const chmod of chmodsIn(file)) {
      const problem = modeProblem(chmod.mode);
      if (problem && problem.kind !== 'decimal-mode')
        report({
          range: chmod.range,
          message: `\`chmod ${chmod.mode.text}\` makes files writable by every user`,
        });
    }
  },
};
