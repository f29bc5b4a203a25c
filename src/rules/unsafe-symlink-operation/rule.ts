import type { Rule, RuleContext, VariableDefinition } from '../rule.js';
import type { Attribute, Language, Unit, Value } from '../../model/model.js';
import { SHARED_WRITABLE } from '../knowledge/sensitive-files.js';
import { bindings, reportBinding, usePhrase } from '../support/bindings.js';
import { eachItem } from '../support/loop-items.js';
import { managedPathAttribute, pathShape } from '../support/destinations.js';
import { isTrue, literalText } from '../support/values.js';
import { attributeOf } from '../support/units.js';
import { lookupTables } from '../../shared/lookup-table.js';
import { meta } from './meta.js';

/**
 * Where a link decides what root reads or runs: configuration, programs and libraries, the boot
 * files, root's home and the cron spools. A link there whose target another account can write
 * hands that account the file.
 */
const SYSTEM_LOCATION =
  /^\/(etc|usr|bin|sbin|lib|lib32|lib64|boot|root)(\/|$)|^\/var\/spool\/cron\//;

/** A symbolic mode that only takes permissions away (`go-w`, `a-s`): harmless through a link. */
const REMOVING_MODE = /^[ugoa]*-[rwxXst]+(,[ugoa]*-[rwxXst]+)*$/;

/** The attributes that give a file its content, per language and resource. */
const CONTENT_ATTRIBUTES: Partial<Record<Language, Readonly<Record<string, readonly string[]>>>> =
  lookupTables({
    ansible: { copy: ['content', 'src'], template: ['src'] },
    puppet: { file: ['content', 'source'] },
    chef: {},
  });

/** The owner and groups a system file already has: handing it to them changes nothing. */
const ROOT_ACCOUNTS = new Set(['root', '0', 'wheel']);

/** A path as it lands, as written or as one of the variables in it sets it. */
function pathsOf(context: RuleContext, unit: Unit, value: Value): string[] {
  const language = context.file.language;
  const shapes: string[] = [];
  const written = pathShape(value, language);
  if (written !== undefined) shapes.push(written);
  for (const binding of bindings(context, value, unit.within)) {
    const bound = pathShape(binding.value, language);
    if (bound !== undefined) shapes.push(bound);
  }
  return shapes;
}

function sharedWritable(context: RuleContext, unit: Unit, value: Value): string | undefined {
  return pathsOf(context, unit, value).find((path) => SHARED_WRITABLE.test(path));
}

function systemLocation(context: RuleContext, unit: Unit, value: Value): string | undefined {
  return pathsOf(context, unit, value).find((path) => SYSTEM_LOCATION.test(path));
}

/**
 * What a change made through a link does to the file at its end: hands it to another account,
 * grants permissions or replaces its content. Undefined for changes that only tighten it.
 */
function grantingChange(unit: Unit, language: Language): string | undefined {
  const content = CONTENT_ATTRIBUTES[language]?.[unit.type]?.find((name) =>
    attributeOf(unit, name),
  );
  if (content) return `the content (\`${content}\`)`;
  for (const name of ['owner', 'group']) {
    const account = attributeOf(unit, name);
    if (!account) continue;
    const written = literalText(account.value);
    if (written === undefined || !ROOT_ACCOUNTS.has(written)) return `\`${name}\``;
  }
  const mode = attributeOf(unit, 'mode');
  if (mode) {
    const text = literalText(mode.value)?.replace(/^['"]|['"]$/g, '');
    if (text === undefined || !REMOVING_MODE.test(text)) return '`mode`';
  }
  return undefined;
}

/**
 * `state: link` (Ansible), `ensure => link` or `ensure => '/target'` (Puppet): the link's target.
 * None in other languages: how they make a link is not known here.
 */
function linkTarget(unit: Unit, language: Language): Attribute | undefined {
  if (language === 'ansible') {
    const state = attributeOf(unit, 'state');
    const written = state ? literalText(state.value) : undefined;
    return written === 'link' || written === 'hard' ? attributeOf(unit, 'src') : undefined;
  }
  if (language !== 'puppet') return undefined;
  const ensure = attributeOf(unit, 'ensure');
  const written = ensure ? literalText(ensure.value) : undefined;
  if (ensure && written?.startsWith('/')) return ensure;
  return written === 'link' ? attributeOf(unit, 'target') : undefined;
}

/** A link on a system path whose target sits where another account can write. */
function checkLink(
  context: RuleContext,
  unit: Unit,
  givenBy?: ReadonlyMap<string, VariableDefinition>,
): void {
  const language = context.file.language;
  const target = linkTarget(unit, language);
  const path = managedPathAttribute(unit, language);
  if (!target || !path) return;
  const system = systemLocation(context, unit, path.value);
  const writable = sharedWritable(context, unit, target.value);
  if (!system || !writable) return;
  const force = attributeOf(unit, 'force');
  const replacing =
    force && isTrue(force.value) ? ', and `force` replaces whatever file is there now' : '';
  const problem = `in a folder another account can write${replacing}: that account then decides what root reads or runs at \`${system}\`; install the file itself, or link to a copy only root can write`;
  const heldBy = givenBy?.get(target.name);
  if (heldBy) {
    // An item of a list a variable holds: reported where the item is written.
    reportBinding(
      context,
      { value: target.value, reference: heldBy.name, taken: writable, definition: heldBy },
      { range: unit.typeRange, as: usePhrase(context.file, unit, target.name) },
      `makes \`${system}\` a link to \`${writable}\`, ${problem}`,
    );
    return;
  }
  context.report({
    range: target.value.range,
    message: `\`${system}\` becomes a link to \`${writable}\`, ${problem}`,
  });
}

/**
 * The attribute that makes a task or resource follow links at the path it manages: Ansible's
 * `follow`, Puppet's `links`; none in other languages.
 */
function followSwitch(unit: Unit, language: Language): Attribute | undefined {
  if (language === 'ansible') {
    if (!['file', 'copy', 'template'].includes(unit.type)) return undefined;
    const follow = attributeOf(unit, 'follow');
    return follow && isTrue(follow.value) ? follow : undefined;
  }
  if (language !== 'puppet' || unit.type !== 'file') return undefined;
  const links = attributeOf(unit, 'links');
  return links && literalText(links.value) === 'follow' ? links : undefined;
}

/** A change made through a link at a path where another account can put one. */
function checkFollow(context: RuleContext, unit: Unit): void {
  const language = context.file.language;
  const follow = followSwitch(unit, language);
  const path = managedPathAttribute(unit, language);
  if (!follow || !path) return;
  const writable = sharedWritable(context, unit, path.value);
  const change = writable === undefined ? undefined : grantingChange(unit, language);
  if (!writable || !change) return;
  context.report({
    range: follow.range,
    message: `\`${follow.name}\` makes the change of ${change} at \`${writable}\` go through a link, in a folder another account can write: whoever plants a link there applies the change to any file it names (\`/etc/shadow\`, \`/etc/sudoers\`); do not follow links there`,
  });
}

export const unsafeSymlinkOperation: Rule = {
  meta,
  check(context) {
    for (const unit of context.file.units)
      // A task looping over items makes one link for each: judged item by item, each path with
      // its own target.
      for (const each of eachItem(context, unit)) {
        if (each.unit.type === 'file') checkLink(context, each.unit, each.givenBy);
        checkFollow(context, each.unit);
      }
  },
};
