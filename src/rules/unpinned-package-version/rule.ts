import type { Rule, RuleContext } from '../rule.js';
import type { Unit, Value } from '../../model/model.js';
import { reportBinding, usePhrase, wholeBindings } from '../support/bindings.js';
import { literalText, ownStrings } from '../support/values.js';
import { LATEST_INSTALLS, type LatestInstall } from '../knowledge/package-repositories.js';
import { attributeOf, firstAttribute } from '../support/units.js';
import { meta } from './meta.js';

/** What `latest` means for the hosts, for every message. */
const DRIFTS =
  'each run installs whatever the repository serves that day, so hosts drift apart and an untested or tampered release goes straight to production';

/** The literal words of a value: a scalar, or the items of a list (`action [:upgrade, :enable]`). */
function words(value: Value): string[] {
  const values = value.kind === 'list' ? (value.items ?? []) : [value];
  return values
    .map((item) => literalText(item)?.trim().toLowerCase().replace(/^:/, ''))
    .filter((word): word is string => word !== undefined);
}

/** The packages a unit names, for messages; `*` when it upgrades everything. */
function packagesOf(unit: Unit, install: LatestInstall): string[] {
  const named = firstAttribute(unit, install.name);
  const names = named ? [...ownStrings(named.value)].map((item) => item.value) : [];
  if (names.length === 0 && unit.name) names.push(unit.name);
  return names;
}

function checkUnit(context: RuleContext, unit: Unit, install: LatestInstall): void {
  const { file, report } = context;
  const state = attributeOf(unit, install.attribute);
  if (!state) return;
  const packages = packagesOf(unit, install);
  // `name: '*'` with `state: latest` is a system update: patching, not an unpinned install.
  if (packages.some((name) => name.trim() === '*')) return;
  const shown =
    packages.length > 0 && packages.length <= 3
      ? packages.map((name) => `\`${name}\``).join(', ')
      : 'its packages';
  const asked = { ansible: 'state: latest', puppet: 'ensure => latest', chef: 'action :upgrade' }[
    file.language
  ];
  if (words(state.value).includes(install.latest)) {
    report({
      range: state.value.range,
      message: `\`${unit.typeAsWritten}\` installs the newest version of ${shown} (\`${asked}\`): ${DRIFTS}. Pin a version, or upgrade in a separate, reviewed patch run`,
    });
    return;
  }
  for (const binding of wholeBindings(context, state.value, unit.within)) {
    if (!words(binding.value).includes(install.latest)) continue;
    reportBinding(
      context,
      binding,
      { range: state.value.range, as: usePhrase(file, unit, state.name) },
      `installs the newest version of ${shown}: ${DRIFTS}`,
    );
  }
}

export const unpinnedPackageVersion: Rule = {
  meta,
  check(context) {
    const install = LATEST_INSTALLS[context.file.language];
    if (!install) return;
    for (const unit of context.file.units) {
      if (unit.kind !== 'dependency' && install.types.has(unit.type))
        checkUnit(context, unit, install);
    }
  },
};
