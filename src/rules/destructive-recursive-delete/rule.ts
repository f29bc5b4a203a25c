import type { Rule, RuleContext } from '../rule.js';
import type { Unit, Value } from '../../model/model.js';
import { SYSTEM_ROOTS } from '../knowledge/sensitive-files.js';
import { bindings, reportBinding } from '../support/bindings.js';
import { commandsIn, effectiveProgram, hasFlag } from '../support/commands.js';
import { COMPUTED_PART, managedPathAttribute, pathShape } from '../support/destinations.js';
import { isTrue, literalText, removesResource } from '../support/values.js';
import { attributeOf } from '../support/units.js';
import { meta } from './meta.js';

/** `/etc/`, `/var//`, `/usr/*` as the folder they remove: `/etc`, `/var`, `/usr`. */
function removedFolder(path: string): string {
  const trimmed = path.replace(/\/\*$/, '').replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed.replace(/\/{2,}/g, '/');
}

function isSystemRoot(path: string): boolean {
  return !path.includes(COMPUTED_PART) && SYSTEM_ROOTS.has(removedFolder(path));
}

const CONSEQUENCE = 'the recursive delete removes a system folder';

/**
 * Whether the unit deletes a whole tree: Ansible `file: state=absent` (a folder goes with
 * everything in it), Puppet `file` with `ensure => absent` and `force => true`, Chef
 * `directory` with `recursive true` and `action :delete`.
 */
function deletesTree(unit: Unit, context: RuleContext): boolean {
  const language = context.file.language;
  if (!removesResource(unit, language)) return false;
  const flag = (name: string) =>
    unit.attributes.some((attribute) => attribute.name === name && isTrue(attribute.value));
  if (language === 'ansible') return unit.type === 'file';
  if (language === 'puppet') return unit.type === 'file' && flag('force');
  if (language === 'chef') return unit.type === 'directory' && flag('recursive');
  return false;
}

/** The removed path as written, or what its variables make of it when one is set to empty or `/`. */
function checkTree(context: RuleContext, unit: Unit): void {
  if (!deletesTree(unit, context)) return;
  const language = context.file.language;
  const path = managedPathAttribute(unit, language);
  if (!path) return;
  const shape = pathShape(path.value, language);
  if (shape !== undefined && isSystemRoot(shape)) {
    context.report({
      range: path.value.range,
      message: `deletes \`${removedFolder(shape)}\` and everything in it`,
    });
    return;
  }
  if (!path.value.dynamic) return;
  for (const binding of bindings(context, path.value, unit.within)) {
    const bound = pathShape(binding.value, language);
    if (bound === undefined || !isSystemRoot(bound)) continue;
    reportBinding(
      context,
      binding,
      { range: path.value.range, as: `as the path ${unit.type} deletes` },
      `makes the path \`${removedFolder(bound)}\`: ${CONSEQUENCE}`,
    );
  }
}

/** Puppet `tidy` with `recurse` and `matches => '*'` and no age or size: it empties the tree. */
function checkTidy(context: RuleContext, unit: Unit): void {
  if (context.file.language !== 'puppet' || unit.type !== 'tidy') return;
  const recurse = attributeOf(unit, 'recurse');
  const matches = attributeOf(unit, 'matches');
  if (!recurse || !matches || attributeOf(unit, 'age') || attributeOf(unit, 'size')) return;
  const recursive = isTrue(recurse.value) || /^(inf|\d+)$/.test(literalText(recurse.value) ?? '');
  const everything = [matches.value, ...(matches.value.items ?? [])].some(
    (value: Value) => literalText(value) === '*',
  );
  if (recursive && everything)
    context.report({
      range: matches.value.range,
      message:
        "`tidy` with `recurse` and `matches => '*'` and no `age` or `size` deletes every file under the folder",
    });
}

/** A shell variable opening the path, with nothing to stop it from being empty: `$DIR/`, `"${DIR}"/*`. */
const UNGUARDED_VARIABLE = /^\$(\{[A-Za-z_]\w*\}|[A-Za-z_]\w*)\/+\*?$/;

/** `rm -rf /`, `rm -rf /etc/`, and `rm -rf "$DIR"/` whose variable may be empty (ShellCheck SC2115). */
function checkCommands(context: RuleContext): void {
  for (const command of commandsIn(context.file)) {
    for (const step of command.script.commands) {
      const { name, args } = effectiveProgram(step);
      if (
        name !== 'rm' ||
        (!hasFlag(args, 'r', '--recursive') && !hasFlag(args, 'R', '--recursive'))
      )
        continue;
      for (const target of args.filter((arg) => !arg.startsWith('-'))) {
        const unquoted = target.replace(/["']/g, '');
        const message = isSystemRoot(unquoted)
          ? `\`rm -r ${target}\` deletes \`${removedFolder(unquoted)}\` and everything in it`
          : UNGUARDED_VARIABLE.test(unquoted)
            ? `\`rm -r ${target}\` deletes from \`/\` when the variable is empty or unset; write \`\${VAR:?}/\` so the shell stops instead`
            : undefined;
        if (!message) continue;
        context.report({ range: command.rangeOf(step), message });
        break;
      }
    }
  }
}

export const destructiveRecursiveDelete: Rule = {
  meta,
  check(context) {
    for (const unit of context.file.units) {
      checkTree(context, unit);
      checkTidy(context, unit);
    }
    checkCommands(context);
  },
};
