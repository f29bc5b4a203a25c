import type { Rule, RuleContext, VariableDefinition } from '../rule.js';
import type { Language, Unit, Value } from '../../model/model.js';
import { literalText, removesResource } from '../support/values.js';
import { attributeOf, firstAttribute } from '../support/units.js';
import { lookupTable } from '../../shared/lookup-table.js';
import { eachItem } from '../support/loop-items.js';
import { reportBinding, usePhrase } from '../support/bindings.js';
import { checkSettings, type Judge } from '../support/config-settings.js';
import { meta } from './meta.js';

/**
 * The options each shared mount point needs (CIS 1.1, dev-sec os-10): no device files and no
 * setuid programs where users write, and nothing executed from the temp folders.
 */
const REQUIRED_OPTIONS: Readonly<Record<string, readonly string[]>> = lookupTable({
  '/tmp': ['nodev', 'nosuid', 'noexec'],
  '/var/tmp': ['nodev', 'nosuid', 'noexec'],
  '/dev/shm': ['nodev', 'nosuid', 'noexec'],
  '/home': ['nodev', 'nosuid'],
});

/** Filesystems no server needs, whose kernel code is rarely exercised and a way into the kernel. */
const UNUSED_FILESYSTEMS = new Set([
  'cramfs',
  'freevxfs',
  'jffs2',
  'hfs',
  'hfsplus',
  'squashfs',
  'udf',
]);

/** Per language: the mount resource, its mount point and options; the module-loading resource. */
const MOUNTS: Readonly<
  Partial<Record<Language, { type: string; path: readonly string[]; options: string }>>
> = {
  ansible: { type: 'mount', path: ['path', 'name'], options: 'opts' },
  puppet: { type: 'mount', path: ['name', 'title'], options: 'options' },
  chef: { type: 'mount', path: ['mount_point', 'name'], options: 'options' },
};

const MODULE_LOADERS: Readonly<Record<string, { type: string; name: readonly string[] }>> =
  lookupTable({
    ansible: { type: 'modprobe', name: ['name'] },
    puppet: { type: 'kmod::load', name: ['name', 'title'] },
    chef: { type: 'kernel_module', name: ['modname', 'name'] },
  });

/** Chef `kernel_module` actions that load the module (`install` is the default). */
const LOADING_ACTIONS = new Set(['install', 'load']);

function optionWords(value: Value): string[] | undefined {
  if (value.kind === 'list') {
    const words = (value.items ?? []).map(literalText);
    return words.every((word): word is string => word !== undefined) ? words : undefined;
  }
  return literalText(value)
    ?.split(',')
    .map((word) => word.trim());
}

/** What leaving options out of a shared mount point lets its users do, or undefined. */
function missingOptionsProblem(point: string, options: readonly string[]): string | undefined {
  const required = REQUIRED_OPTIONS[point.replace(/(.)\/$/, '$1')];
  const missing = required?.filter((option) => !options.includes(option)) ?? [];
  if (missing.length === 0) return undefined;
  return `\`${point}\` is mounted without ${missing.map((option) => `\`${option}\``).join(', ')}: every local user can write there, so device files, setuid programs or programs they drop there work`;
}

/** A line of `/etc/fstab`: its mount point and the options column (none: `defaults`). */
const fstabLine: Judge = (point, options) => {
  const words =
    options.trim() === '' ? ['defaults'] : options.split(',').map((word) => word.trim());
  const problem = missingOptionsProblem(point, words);
  return problem ? { problem } : undefined;
};

function checkMount(
  context: RuleContext,
  unit: Unit,
  givenBy?: ReadonlyMap<string, VariableDefinition>,
): void {
  const language = context.file.language;
  const mount = MOUNTS[language];
  if (!mount || unit.type !== mount.type || removesResource(unit, language)) return;
  const state = attributeOf(unit, 'state')?.value;
  if (state && literalText(state) === 'unmounted') return;
  const point = firstAttribute(unit, mount.path);
  const path = point ? literalText(point.value) : undefined;
  const options = attributeOf(unit, mount.options);
  const words = options ? optionWords(options.value) : ['defaults'];
  const problem = path !== undefined && words ? missingOptionsProblem(path, words) : undefined;
  if (!point || !problem) return;
  const shown = options ?? point;
  const heldBy = givenBy?.get(shown.name);
  if (heldBy) {
    // An item of a list a variable holds: reported where the item is written.
    const taken = literalText(shown.value) ?? shown.value.text;
    reportBinding(
      context,
      { value: shown.value, reference: heldBy.name, taken, definition: heldBy },
      { range: unit.typeRange, as: usePhrase(context.file, unit, shown.name) },
      `so ${problem}`,
    );
    return;
  }
  context.report({ range: shown.value.range, message: problem });
}

function checkModule(context: RuleContext, unit: Unit): void {
  const loader = MODULE_LOADERS[context.file.language];
  if (!loader || unit.type !== loader.type || removesResource(unit, context.file.language)) return;
  const action = attributeOf(unit, 'action')?.value;
  if (
    context.file.language === 'chef' &&
    action &&
    !LOADING_ACTIONS.has(literalText(action)?.replace(/^:/, '') ?? '')
  )
    return;
  const name = firstAttribute(unit, loader.name);
  const module = name ? literalText(name.value) : undefined;
  if (!name || !module || !UNUSED_FILESYSTEMS.has(module)) return;
  context.report({
    range: name.value.range,
    message: `loads the \`${module}\` filesystem module, which servers do not need: it puts rarely used kernel code in reach of anyone who can get a disk image mounted`,
  });
}

export const insecureMountOptions: Rule = {
  meta,
  check(context) {
    for (const unit of context.file.units) {
      // A mount looping over items mounts each: judged one by one, on the item, in the task or
      // where the variable that holds the list is set.
      const mounts =
        unit.type === MOUNTS[context.file.language]?.type ? eachItem(context, unit) : [{ unit }];
      for (const mount of mounts) checkMount(context, mount.unit, mount.givenBy);
      checkModule(context, unit);
    }
    checkSettings(context, ['fstab'], fstabLine);
  },
};
