import type { Attribute, Language, Unit } from '../../model/model.js';
import { SERVICE_TYPES } from '../knowledge/security-controls.js';
import { SERVICE_STOPPING } from '../knowledge/services.js';
import type { Rule, RuleContext } from '../rule.js';
import { valueRange } from '../support/assignments.js';
import { checkSettings, type Judge } from '../support/config-settings.js';
import { literalWords } from '../support/values.js';
import { attributeOf } from '../support/units.js';
import { meta } from './meta.js';

/** The services and timers that install security updates on their own. */
const UPDATE_SERVICES =
  /^(unattended-upgrades|apt-daily-upgrade\.timer|dnf-automatic(-install)?\.timer|yum-cron)(\.service)?$/;

/** `APT::Periodic::Unattended-Upgrade "0";`: the daily job that installs upgrades is off. */
const judgeAptPeriodic: Judge = (name, value) => {
  if (!/^APT::Periodic::Unattended-Upgrade$/i.test(name)) return undefined;
  return /^\S+\s+"?(0|false|no)"?\s*;?$/i.test(value)
    ? {
        problem:
          'unattended-upgrades no longer installs security updates: fixes for known holes wait for someone to remember',
      }
    : undefined;
};

/** The literal words an attribute holds: a scalar, or the items of a list. */
function words(attribute: Attribute | undefined): string[] {
  return attribute ? literalWords(attribute.value) : [];
}

/** The attribute of a service resource that stops or disables an automatic-update service. */
function updatesStopped(
  unit: Unit,
  language: Language,
): { attribute: Attribute; service: string } | undefined {
  if (!SERVICE_TYPES.has(unit.type)) return undefined;
  if (unit.keywords.some((keyword) => keyword.name === 'when')) return undefined;
  const stopping = SERVICE_STOPPING[language];
  if (!stopping) return undefined;
  const service =
    stopping.name.map((name) => words(attributeOf(unit, name))[0]).find(Boolean) ?? unit.name;
  if (!service || !UPDATE_SERVICES.test(service)) return undefined;
  for (const [name, values] of Object.entries(stopping.stoppedWhen)) {
    const attribute = attributeOf(unit, name);
    if (attribute && words(attribute).some((word) => values.includes(word)))
      return { attribute, service };
  }
  return undefined;
}

function checkServices(context: RuleContext): void {
  const { file } = context;
  for (const unit of file.units) {
    const stopped = updatesStopped(unit, file.language);
    if (!stopped) continue;
    // An `if` or `case` around the resource offers the choice; it does not make it. Asked only
    // of the units that stop an update service, not of every unit against every condition.
    const guarded = file.conditions.some(
      (condition) =>
        (condition.kind === 'if' || condition.kind === 'case') &&
        condition.range.line <= unit.range.line &&
        condition.range.endLine >= unit.range.endLine,
    );
    if (!guarded)
      context.report({
        range: valueRange(stopped.attribute, stopped.attribute.value),
        message: `\`${stopped.attribute.name}\` set to \`${stopped.attribute.value.text}\` stops \`${stopped.service}\`, which installs security updates on its own: fixes for known holes wait for someone to remember`,
      });
  }
}

export const automaticUpdatesDisabled: Rule = {
  meta,
  check(context) {
    checkServices(context);
    checkSettings(context, ['apt-conf'], judgeAptPeriodic);
  },
};
