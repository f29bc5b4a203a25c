import type { Rule, RuleContext } from '../rule.js';
import type { Attribute, Language, Unit, Value } from '../../model/model.js';
import { severityRank, type Severity } from '../../model/finding.js';
import {
  LEGACY_KINDS,
  LEGACY_PACKAGES,
  LEGACY_SERVICE_UNITS,
  PROVISIONING_PATH,
  SERVICE_STARTS,
  type LegacyKind,
} from '../knowledge/legacy-services.js';
import { PACKAGE_INSTALLS } from '../knowledge/packages.js';
import { reportBinding, usePhrase, wholeBindings, type Binding } from '../support/bindings.js';
import { literalWords, ownStrings } from '../support/values.js';
import { attributeOf, firstAttribute } from '../support/units.js';
import { meta } from './meta.js';

/** What a unit does with what it names. */
type Action = 'installs' | 'starts';

/** `telnetd=0.17-41`, `xinetd:amd64`, `Telnet.Socket` → the bare lower-case name. */
function bareName(text: string): string {
  return text.trim().toLowerCase().split(/[=:]/)[0] ?? '';
}

function unitName(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/\.service$/, '');
}

function kindOf(text: string, action: Action): LegacyKind | undefined {
  return action === 'installs'
    ? LEGACY_PACKAGES[bareName(text)]
    : LEGACY_SERVICE_UNITS[unitName(text)];
}

/** Whether a package task or resource leaves its packages installed: unknown (computed) counts as no. */
function installs(unit: Unit, language: Language): boolean {
  const install = PACKAGE_INSTALLS[language];
  if (!install?.types.has(unit.type)) return false;
  const state = attributeOf(unit, install.state);
  if (!state) return true;
  const said = literalWords(state.value);
  if (said.length === 0) return false;
  return said.some((word) => !install.notInstalled.includes(word));
}

function starts(unit: Unit, language: Language): boolean {
  const start = SERVICE_STARTS[language];
  if (!start?.types.has(unit.type)) return false;
  return Object.entries(start.runningWhen).some(([name, values]) => {
    const attribute = attributeOf(unit, name);
    return (
      attribute !== undefined && literalWords(attribute.value).some((word) => values.includes(word))
    );
  });
}

/**
 * The value naming what the unit installs or starts: its name attribute, or, for Ansible's
 * `name: "{{ item }}"`, the list the task loops over.
 */
function namesValue(unit: Unit, language: Language, action: Action): Attribute | undefined {
  const known = action === 'installs' ? PACKAGE_INSTALLS[language] : SERVICE_STARTS[language];
  const named = known ? firstAttribute(unit, known.name) : undefined;
  if (!named || language !== 'ansible') return named;
  const text = typeof named.value.value === 'string' ? named.value.value.trim() : '';
  if (!/^\{\{\s*item\s*\}\}$/.test(text)) return named;
  return unit.keywords.find((keyword) =>
    ['loop', 'with_items', 'with_list'].includes(keyword.name),
  );
}

/** Every name a value holds; comma-separated names (`telnet-server,xinetd`) each. */
function namesIn(value: Value): Array<{ item: Value; name: string }> {
  return [...ownStrings(value)].flatMap((item) =>
    item.dynamic ? [] : item.value.split(',').map((name) => ({ item, name })),
  );
}

function exempt(kind: LegacyKind, path: string): boolean {
  return kind === 'tftp' && PROVISIONING_PATH.test(path);
}

function worst(kinds: readonly LegacyKind[]): Severity {
  return kinds
    .map((kind) => LEGACY_KINDS[kind].severity)
    .reduce((a, b) => (severityRank(a) >= severityRank(b) ? a : b));
}

/** "`telnetd`, a telnet server: …; use SSH", each kind once, the most severe first. */
function servers(names: readonly string[], kinds: readonly LegacyKind[]): string {
  const order = [...new Set(kinds)].sort(
    (a, b) => severityRank(LEGACY_KINDS[b].severity) - severityRank(LEGACY_KINDS[a].severity),
  );
  const parts = order.map((kind) => {
    const named = names.filter((_, index) => kinds[index] === kind).map((name) => `\`${name}\``);
    return `${named.join(', ')}, ${LEGACY_KINDS[kind].problem}`;
  });
  const instead = [...new Set(order.map((kind) => LEGACY_KINDS[kind].instead))].join('; ');
  return `${parts.join('; and ')}; ${instead}`;
}

function checkUnit(context: RuleContext, unit: Unit, action: Action): void {
  const { file } = context;
  const named = namesValue(unit, file.language, action);
  if (!named) return;
  const byLine = new Map<number, { item: Value; names: string[]; kinds: LegacyKind[] }>();
  for (const { item, name } of namesIn(named.value)) {
    const kind = kindOf(name, action);
    if (!kind || exempt(kind, file.path)) continue;
    const line = byLine.get(item.range.line);
    if (line) {
      line.names.push(name.trim());
      line.kinds.push(kind);
    } else byLine.set(item.range.line, { item, names: [name.trim()], kinds: [kind] });
  }
  for (const { item, names, kinds } of byLine.values()) {
    context.report({
      range: item.range,
      severity: worst(kinds),
      message: `\`${unit.typeAsWritten}\` ${action} ${servers(names, kinds)}`,
    });
  }
  if (named.value.dynamic) checkBound(context, unit, named, action);
}

/** A name that a variable gives: reported where the variable is set, item by item for a list. */
function checkBound(context: RuleContext, unit: Unit, named: Attribute, action: Action): void {
  const { file } = context;
  const use = {
    range: named.value.range,
    as: unit.keywords.includes(named)
      ? `in the \`${named.name}\` of \`${unit.typeAsWritten}\``
      : usePhrase(file, unit, named.name),
  };
  for (const binding of wholeBindings(context, named.value, unit.within)) {
    for (const { item, name } of namesIn(binding.value)) {
      const kind = kindOf(name, action);
      if (!kind || exempt(kind, file.path)) continue;
      reportBinding(
        context,
        narrowed(binding, item),
        use,
        `${action} ${servers([name.trim()], [kind])}`,
        { severity: LEGACY_KINDS[kind].severity },
      );
    }
  }
}

/** A binding to a list, narrowed to the item that names the service, so that the report points at it. */
function narrowed(binding: Binding, item: Value): Binding {
  const { definition } = binding;
  if (!definition || definition.value.kind !== 'list') return binding;
  return { ...binding, definition: { ...definition, value: item } };
}

export const legacyNetworkService: Rule = {
  meta,
  check(context) {
    const { file } = context;
    for (const unit of file.units) {
      if (installs(unit, file.language)) checkUnit(context, unit, 'installs');
      else if (starts(unit, file.language)) checkUnit(context, unit, 'starts');
    }
  },
};
