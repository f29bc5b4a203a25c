/**
 * Firewall rules as the code declares them, read into one shape whatever the module or
 * resource: which ports or services a rule accepts, from which sources, and which rules drop
 * everything. Ansible `firewalld`, `ufw`, `iptables` and cloud security groups (AWS, OpenStack,
 * GCP); Puppet `firewall`, `firewallchain`, `firewalld_port`, `firewalld_service`, `ufw::allow`;
 * Chef `firewall_rule`.
 */
import type { Attribute, Language, Unit, Value } from '../../model/model.js';
import type { RuleContext } from '../rule.js';
import { bindings } from '../support/bindings.js';
import { eachWrittenItem } from '../support/loop-items.js';
import { isTrue, literalText, removesResource } from '../support/values.js';

/** One value a rule's attribute takes: as written, or through a variable. */
export interface Taken {
  text: string;
  /** the value as written in the rule (an item of a list, or the whole attribute) */
  value: Value;
  attribute: Attribute;
  /** the reference that gives it, when a variable does */
  reference?: string;
  /**
   * The item of a list a variable holds that gives it, for a task looping over that list
   * (`open_ports[1]`): the values of one item go together.
   */
  item?: string;
}

/** `open_ports[1]` of `open_ports[1].port` or `db_ports[1]`: the item a loop's value comes from. */
const LIST_ITEM = /^(.+\[\d+\])(?:\.[^[\].]+)?$/;

export interface AcceptRule {
  unit: Unit;
  ports: Taken[];
  services: Taken[];
  /** the sources it admits; empty when it names none, which admits every address */
  sources: Taken[];
  /** a port or service it opens is computed and unknown */
  unknownPort: boolean;
  /** a cloud security group rather than the host's own firewall */
  cloud: boolean;
  /** the task as written, when the rule is what one time round its loop accepts */
  looping?: Unit;
}

export interface DropAll {
  unit: Unit;
  /** what makes it drop everything */
  attribute: Attribute;
  shown: string;
}

type Context = Pick<RuleContext, 'file' | 'resolve' | 'namesUnder'>;

function attributeOf(entries: readonly Attribute[], ...names: string[]): Attribute | undefined {
  for (const name of names) {
    const found = entries.find((candidate) => candidate.name === name);
    if (found) return found;
  }
  return undefined;
}

function wordOf(entries: readonly Attribute[], ...names: string[]): string | undefined {
  const attribute = attributeOf(entries, ...names);
  return attribute ? literalText(attribute.value)?.trim().toLowerCase() : undefined;
}

/** A Ruby range of ports (`1..65535`), as a port range (`1-65535`). */
function rubyRange(value: Value): string | undefined {
  const match = /^\(?(\d+)\.\.\.?(\d+)\)?$/.exec(value.text.trim());
  return match ? `${match[1]}-${match[2]}` : undefined;
}

/** The values an attribute takes: each item of a list, each through the variables it reads. */
export function takenValues(
  context: Context,
  attribute: Attribute | undefined,
  within?: string,
): { taken: Taken[]; unknown: boolean } {
  const result = { taken: [] as Taken[], unknown: false };
  if (!attribute) return result;
  const items = attribute.value.kind === 'list' ? (attribute.value.items ?? []) : [attribute.value];
  for (const item of items) {
    const literal = literalText(item) ?? rubyRange(item);
    if (literal !== undefined) {
      result.taken.push({ text: literal.trim(), value: item, attribute });
      continue;
    }
    let bound = false;
    for (const binding of bindings(context, item, within)) {
      const values = binding.value.kind === 'list' ? (binding.value.items ?? []) : [binding.value];
      for (const boundItem of values) {
        const text = literalText(boundItem);
        if (text === undefined) continue;
        bound = true;
        const listItem = binding.definition && LIST_ITEM.exec(binding.definition.name)?.[1];
        result.taken.push({
          text: text.trim(),
          value: item,
          attribute,
          reference: binding.reference,
          ...(listItem ? { item: listItem } : {}),
        });
      }
    }
    if (!bound) result.unknown = true;
  }
  return result;
}

function acceptRule(
  context: Context,
  unit: Unit,
  entries: readonly Attribute[],
  names: { ports: string[]; services?: string[]; sources: string[] },
  cloud = false,
): AcceptRule {
  const ports = names.ports.map((name) =>
    takenValues(context, attributeOf(entries, name), unit.within),
  );
  const services = (names.services ?? []).map((name) =>
    takenValues(context, attributeOf(entries, name), unit.within),
  );
  const sources = names.sources.flatMap(
    (name) => takenValues(context, attributeOf(entries, name), unit.within).taken,
  );
  return {
    unit,
    ports: ports.flatMap((found) => found.taken),
    services: services.flatMap((found) => found.taken),
    sources,
    unknownPort: [...ports, ...services].some((found) => found.unknown),
    cloud,
  };
}

/** firewalld zones that face untrusted networks; a rule in another zone depends on its sources. */
const OPEN_ZONES = new Set(['public', 'external']);

function ansibleAcceptRules(context: Context, unit: Unit): AcceptRule[] {
  const attributes = unit.attributes;
  switch (unit.type) {
    case 'firewalld': {
      if (wordOf(attributes, 'state') !== 'enabled') return [];
      const zone = wordOf(attributes, 'zone');
      if (attributeOf(attributes, 'zone') && (zone === undefined || !OPEN_ZONES.has(zone)))
        return [];
      if (attributeOf(attributes, 'rich_rule', 'interface')) return [];
      return [
        acceptRule(context, unit, attributes, {
          ports: ['port'],
          services: ['service'],
          sources: ['source'],
        }),
      ];
    }
    case 'ufw': {
      const rule = wordOf(attributes, 'rule');
      if (rule !== 'allow' && rule !== 'limit') return [];
      const attribute = attributeOf(attributes, 'delete');
      if (attribute && isTrue(attribute.value)) return [];
      const direction = wordOf(attributes, 'direction');
      if (direction !== undefined && direction !== 'in' && direction !== 'incoming') return [];
      return [
        acceptRule(context, unit, attributes, {
          ports: ['port', 'to_port'],
          services: ['name', 'app'],
          sources: ['from_ip', 'from', 'src'],
        }),
      ];
    }
    case 'iptables': {
      if (wordOf(attributes, 'jump') !== 'accept' || wordOf(attributes, 'chain') !== 'input')
        return [];
      if (wordOf(attributes, 'state') === 'absent' || attributeOf(attributes, 'in_interface'))
        return [];
      return [
        acceptRule(context, unit, attributes, {
          ports: ['destination_port', 'destination_ports'],
          sources: ['source'],
        }),
      ];
    }
    case 'ec2_security_group':
    case 'ec2_group': {
      const rules = attributeOf(attributes, 'rules')?.value;
      return (rules?.items ?? [])
        .filter((item) => item.kind === 'map')
        .map((item) =>
          acceptRule(
            context,
            unit,
            item.entries ?? [],
            { ports: ['ports', 'from_port'], sources: ['cidr_ip', 'cidr_ipv6'] },
            true,
          ),
        )
        .filter((rule) => rule.sources.length > 0);
    }
    case 'security_group_rule':
    case 'os_security_group_rule': {
      const direction = wordOf(attributes, 'direction');
      if (direction !== undefined && direction !== 'ingress') return [];
      if (!attributeOf(attributes, 'remote_ip_prefix')) return [];
      return [
        acceptRule(
          context,
          unit,
          attributes,
          { ports: ['port_range_min'], sources: ['remote_ip_prefix'] },
          true,
        ),
      ];
    }
    default:
      return [];
  }
}

function puppetAcceptRules(context: Context, unit: Unit): AcceptRule[] {
  const attributes = unit.attributes;
  switch (unit.type) {
    case 'firewall': {
      const jump = wordOf(attributes, 'jump', 'action');
      const chain = wordOf(attributes, 'chain');
      if (jump !== 'accept' || (chain !== undefined && chain !== 'input')) return [];
      if (attributeOf(attributes, 'iniface')) return [];
      return [acceptRule(context, unit, attributes, { ports: ['dport'], sources: ['source'] })];
    }
    case 'firewalld_port':
    case 'firewalld_service': {
      const zone = wordOf(attributes, 'zone');
      if (attributeOf(attributes, 'zone') && (zone === undefined || !OPEN_ZONES.has(zone)))
        return [];
      return [
        acceptRule(context, unit, attributes, {
          ports: unit.type === 'firewalld_port' ? ['port'] : [],
          services: unit.type === 'firewalld_service' ? ['service'] : [],
          sources: [],
        }),
      ];
    }
    case 'ufw::allow':
      return [acceptRule(context, unit, attributes, { ports: ['port'], sources: ['from'] })];
    default:
      return [];
  }
}

function chefAcceptRules(context: Context, unit: Unit): AcceptRule[] {
  if (unit.type !== 'firewall_rule') return [];
  const attributes = unit.attributes;
  const command = wordOf(attributes, 'command');
  if (command !== undefined && command !== 'allow') return [];
  const direction = wordOf(attributes, 'direction');
  if (direction !== undefined && direction !== 'in') return [];
  if (attributeOf(attributes, 'interface')) return [];
  return [
    acceptRule(context, unit, attributes, { ports: ['port', 'dest_port'], sources: ['source'] }),
  ];
}

/** How each language's firewall tasks and resources accept traffic. */
const ACCEPT_RULES: Readonly<
  Partial<Record<Language, (context: Context, unit: Unit) => AcceptRule[]>>
> = {
  ansible: ansibleAcceptRules,
  puppet: puppetAcceptRules,
  chef: chefAcceptRules,
};

/** The rules of a file that accept incoming traffic, in the order they are written. */
export function acceptRules(context: Context): AcceptRule[] {
  const { file } = context;
  const acceptRulesOf = ACCEPT_RULES[file.language];
  if (!acceptRulesOf) return [];
  return file.units
    .filter((unit) => !removesResource(unit, file.language))
    .flatMap((unit) => {
      const rules = acceptRulesOf(context, unit);
      if (rules.length === 0) return rules;
      // A task looping over items written in it (`port: "{{ item }}"` with `loop: [22, 3306]`)
      // accepts, each time round, what its item gives; reported on the item.
      const rounds = eachWrittenItem(context, unit);
      return rounds[0] === unit
        ? rules
        : rounds.flatMap((each) =>
            acceptRulesOf(context, each).map((rule) => ({ ...rule, looping: unit })),
          );
    });
}

const DROPPING = new Set(['drop', 'reject', 'deny']);

/**
 * A rule or policy that drops every incoming connection: ufw's `policy: deny` (or `default`),
 * iptables' `INPUT` policy `DROP`, a Puppet `firewallchain` policy or a `firewall` that drops
 * everything it sees (its `proto` is `tcp` unless set). Only the management access an earlier rule keeps open survives it.
 */
export function dropAll(context: Context, unit: Unit): DropAll | undefined {
  const attributes = unit.attributes;
  const language = context.file.language;
  if (removesResource(unit, language)) return undefined;
  const found = (attribute: Attribute | undefined): DropAll | undefined =>
    attribute && { unit, attribute, shown: `${attribute.name}: ${attribute.value.text.trim()}` };
  if (language === 'ansible' && unit.type === 'ufw') {
    const direction = wordOf(attributes, 'direction');
    if (direction !== undefined && direction !== 'incoming' && direction !== 'in') return undefined;
    const policy = wordOf(attributes, 'policy', 'default');
    return policy && DROPPING.has(policy)
      ? found(attributeOf(attributes, 'policy', 'default'))
      : undefined;
  }
  if (language === 'ansible' && unit.type === 'iptables') {
    if (wordOf(attributes, 'chain') !== 'input') return undefined;
    const policy = wordOf(attributes, 'policy');
    if (policy && DROPPING.has(policy)) return found(attributeOf(attributes, 'policy'));
    const jump = wordOf(attributes, 'jump');
    const narrowed = attributeOf(
      attributes,
      'destination_port',
      'destination_ports',
      'source',
      'in_interface',
      'protocol',
      'ctstate',
      'match',
    );
    return jump && DROPPING.has(jump) && !narrowed
      ? found(attributeOf(attributes, 'jump'))
      : undefined;
  }
  if (language === 'puppet' && unit.type === 'firewallchain') {
    if (!/^INPUT:/i.test(unit.name ?? '')) return undefined;
    const policy = wordOf(attributes, 'policy');
    return policy && DROPPING.has(policy) ? found(attributeOf(attributes, 'policy')) : undefined;
  }
  if (language === 'puppet' && unit.type === 'firewall') {
    const jump = wordOf(attributes, 'jump', 'action');
    const chain = wordOf(attributes, 'chain');
    const proto = wordOf(attributes, 'proto');
    const narrowed = attributeOf(
      attributes,
      'dport',
      'port',
      'source',
      'iniface',
      'state',
      'ctstate',
      'icmp',
    );
    if (!jump || !DROPPING.has(jump) || narrowed) return undefined;
    if (
      (chain !== undefined && chain !== 'input') ||
      (proto !== undefined && proto !== 'all' && proto !== 'tcp')
    )
      return undefined;
    return found(attributeOf(attributes, 'jump', 'action'));
  }
  return undefined;
}
