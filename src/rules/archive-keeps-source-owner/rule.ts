import type { Rule, RuleContext } from '../rule.js';
import type { Unit } from '../../model/model.js';
import { commandsIn, effectiveProgram } from '../support/commands.js';
import { isTrue, literalText, ownStrings } from '../support/values.js';
import { attributeOf } from '../support/units.js';
import { meta } from './meta.js';

/** Archives whose tools do not restore the owner recorded in them. */
const OWNERLESS_ARCHIVE = /\.zip$/i;

/** The options given to the extracting tool, as words. */
function extraOptions(unit: Unit): string[] {
  const value = attributeOf(unit, 'extra_opts')?.value;
  if (!value) return [];
  return [...ownStrings(value)].flatMap((word) => word.value.split(/\s+/));
}

/**
 * `unarchive` run as root hands each file the owner the archive records (`tar` keeps owners
 * for root), unless `owner` is set or `--no-same-owner` is given.
 */
function checkUnarchive(context: RuleContext, unit: Unit): void {
  if (unit.type !== 'unarchive') return;
  const options = extraOptions(unit);
  const src = attributeOf(unit, 'src')?.value;
  const source = src ? literalText(src) : undefined;
  if (options.includes('--same-owner')) {
    context.report({
      range: attributeOf(unit, 'extra_opts')?.value.range ?? unit.typeRange,
      message:
        '`--same-owner` gives the extracted files the user and group ids recorded in the archive: whatever account has those ids on the host owns them',
    });
    return;
  }
  if (attributeOf(unit, 'owner') || options.includes('--no-same-owner')) return;
  if (source !== undefined && OWNERLESS_ARCHIVE.test(source)) return;
  context.report({
    range: unit.typeRange,
    severity: 'low',
    message:
      "`unarchive` run as root keeps the user and group ids recorded in the archive (a release built by uid 1001 lands owned by whatever account has uid 1001 on the host, which can then change the files); set `owner`/`group` or `extra_opts: ['--no-same-owner']`",
  });
}

/** `synchronize` told to keep owners (`owner: true`, `group: true`) copies the source's ids. */
function checkSynchronize(context: RuleContext, unit: Unit): void {
  if (unit.type !== 'synchronize') return;
  for (const name of ['owner', 'group']) {
    const found = attributeOf(unit, name);
    if (found && isTrue(found.value))
      context.report({
        range: found.value.range,
        severity: 'low',
        message: `\`synchronize\` with \`${name}: true\` gives the copied files the ${name === 'owner' ? 'user' : 'group'} ids they have on the source: whatever account has those ids on the target owns them`,
      });
  }
}

/** `tar --same-owner -xf`. */
function checkCommands(context: RuleContext): void {
  for (const command of commandsIn(context.file)) {
    for (const step of command.script.commands) {
      const { name, args } = effectiveProgram(step);
      if (name !== 'tar' || !args.includes('--same-owner')) continue;
      context.report({
        range: command.rangeOf(step),
        message:
          '`tar --same-owner` gives the extracted files the user and group ids recorded in the archive: whatever account has those ids on the host owns them',
      });
    }
  }
}

export const archiveKeepsSourceOwner: Rule = {
  meta,
  check(context) {
    if (context.file.language !== 'ansible') return;
    for (const unit of context.file.units) {
      checkUnarchive(context, unit);
      checkSynchronize(context, unit);
    }
    checkCommands(context);
  },
};
