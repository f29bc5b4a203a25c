/**
 * Cloud firewall rules that open a configuration-management server to the whole internet: the
 * ports that only such servers listen on (Puppet's 8140, Salt's 4505 and 4506), and the web ports
 * of one whose rule names it (AWX, Tower, a Chef server).
 */
import type { Attribute, Unit, Value } from '../../model/model.js';
import type { OptionPlace, Verdict } from '../support/module-arguments.js';
import { literalText } from '../support/values.js';
import { nameWords } from '../support/names.js';

/** Ports only configuration-management servers listen on. */
const MANAGEMENT_PORTS: ReadonlyMap<number, string> = new Map([
  [8140, 'a Puppet server'],
  [8142, 'the Puppet orchestrator'],
  [4505, 'a Salt master'],
  [4506, 'a Salt master'],
]);

/** Words in a rule's or group's name that say it is for a configuration-management server. */
const MANAGEMENT_SERVERS: ReadonlyMap<string, string> = new Map([
  ['awx', 'an AWX server'],
  ['tower', 'an Ansible Tower server'],
  ['chef', 'a Chef server'],
  ['puppetserver', 'a Puppet server'],
  ['puppetmaster', 'a Puppet server'],
  ['foreman', 'a Foreman server'],
]);

const WEB_PORTS = [80, 443];

/** Sources that are the whole internet. */
const EVERYWHERE = new Set(['0.0.0.0/0', '::/0', '*', 'internet', 'any']);

/** A port range as a rule writes it: `8140`, `4505-4506`, `*`; undefined when computed. */
function rangeOf(text: string): [number, number] | undefined {
  const trimmed = text.trim();
  if (trimmed === '*' || trimmed === '-1') return [0, 65535];
  const match = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(trimmed);
  if (!match) return undefined;
  const low = Number(match[1]);
  return [low, match[2] === undefined ? low : Number(match[2])];
}

function texts(value: Value | undefined): string[] {
  if (!value) return [];
  const items = value.kind === 'list' ? (value.items ?? []) : [value];
  return items.map(literalText).filter((text): text is string => text !== undefined);
}

function entry(attributes: readonly Attribute[], name: string): Value | undefined {
  return attributes.find((attribute) => attribute.name === name)?.value;
}

/** What a set of port ranges opens that only a configuration-management server needs. */
function managementServerIn(
  ranges: readonly [number, number][],
  named: string | undefined,
): string | undefined {
  const covers = (port: number) => ranges.some(([low, high]) => low <= port && port <= high);
  const exact = ranges.filter(([low, high]) => high - low < 1024);
  for (const [port, server] of MANAGEMENT_PORTS)
    if (exact.some(([low, high]) => low <= port && port <= high)) return `${server} (port ${port})`;
  if (named && WEB_PORTS.some(covers)) return named;
  return undefined;
}

/** The server the task or rule says it is for (`awx-web`, "Open Chef server"), if any. */
function serverNamed(unit: Unit, siblings: readonly Attribute[]): string | undefined {
  const names = [
    unit.name,
    ...texts(entry(unit.attributes, 'name')),
    ...texts(entry(unit.attributes, 'description')),
    ...texts(entry(siblings, 'name')),
    ...texts(entry(siblings, 'description')),
    ...texts(entry(siblings, 'rule_desc')),
  ];
  for (const name of names) {
    if (!name) continue;
    const words = nameWords(name);
    for (const word of words) {
      const server = MANAGEMENT_SERVERS.get(word);
      if (server) return server;
    }
  }
  return undefined;
}

function verdict(server: string | undefined, source: string): Verdict | undefined {
  return server
    ? `opens ${server} to the whole internet (\`${source}\`): anyone can attack the server that holds every node's configuration and secrets and can run code on all of them`
    : undefined;
}

/** `ec2_security_group` rules: `cidr_ip`/`cidr_ipv6` with `from_port`/`to_port` or `ports`. */
export function awsRuleVerdict(value: Value, place: OptionPlace): Verdict | undefined {
  const source = texts(value).find((text) => EVERYWHERE.has(text.trim().toLowerCase()));
  if (!source) return undefined;
  const { siblings } = place;
  const proto = texts(entry(siblings, 'proto'))[0]?.toLowerCase();
  const ranges: [number, number][] = [];
  if (proto === 'all' || proto === '-1') ranges.push([0, 65535]);
  const from = texts(entry(siblings, 'from_port'))[0];
  const to = texts(entry(siblings, 'to_port'))[0] ?? from;
  if (from !== undefined && to !== undefined) {
    const low = rangeOf(from);
    const high = rangeOf(to);
    if (low && high) ranges.push([low[0], high[1]]);
  }
  for (const text of texts(entry(siblings, 'ports'))) {
    const range = rangeOf(text);
    if (range) ranges.push(range);
  }
  return verdict(managementServerIn(ranges, serverNamed(place.unit, siblings)), source);
}

/** `azure_rm_securitygroup` rules: an inbound allow from `*` or `Internet` to the ports. */
export function azureRuleVerdict(value: Value, place: OptionPlace): Verdict | undefined {
  const source = texts(value).find((text) => EVERYWHERE.has(text.trim().toLowerCase()));
  if (!source) return undefined;
  const { siblings } = place;
  const access = texts(entry(siblings, 'access'))[0]?.toLowerCase() ?? 'allow';
  const direction = texts(entry(siblings, 'direction'))[0]?.toLowerCase() ?? 'inbound';
  if (access !== 'allow' || direction !== 'inbound') return undefined;
  const ranges = texts(entry(siblings, 'destination_port_range'))
    .map(rangeOf)
    .filter((range): range is [number, number] => range !== undefined);
  return verdict(managementServerIn(ranges, serverNamed(place.unit, siblings)), source);
}

/** `gcp_compute_firewall`: `source_ranges` with the ports of its `allowed` entries. */
export function gcpFirewallVerdict(value: Value, place: OptionPlace): Verdict | undefined {
  const source = texts(value).find((text) => EVERYWHERE.has(text.trim().toLowerCase()));
  if (!source) return undefined;
  const { siblings } = place;
  const direction = texts(entry(siblings, 'direction'))[0]?.toLowerCase() ?? 'ingress';
  if (direction !== 'ingress') return undefined;
  const allowed = entry(siblings, 'allowed');
  const ranges: [number, number][] = [];
  for (const rule of allowed?.kind === 'list' ? (allowed.items ?? []) : [])
    for (const text of texts(entry(rule.entries ?? [], 'ports'))) {
      const range = rangeOf(text);
      if (range) ranges.push(range);
    }
  return verdict(managementServerIn(ranges, serverNamed(place.unit, siblings)), source);
}
