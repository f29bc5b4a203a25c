import type { Severity } from '../../model/finding.js';
import type { SourceRange } from '../../model/model.js';
import type { Rule, RuleContext } from '../rule.js';
import { valueRange } from '../support/assignments.js';
import { acceptRules, dropAll, type AcceptRule, type Taken } from './firewall-rules.js';
import { ANY_SOURCE, SERVICE_NAMES, SERVICE_PORTS, type ExposedService } from './ports.js';
import { meta } from './meta.js';

/** `3306`, `3306/tcp`, `3300-3310`, `1:65535`: the range of ports a rule names. */
function portRange(text: string): { from: number; to: number } | undefined {
  const match = /^(\d{1,5})(?:\s*[-:]\s*(\d{1,5}))?(?:\/(tcp|udp|sctp|any))?$/i.exec(text.trim());
  if (!match) return undefined;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  return from <= to ? { from, to } : undefined;
}

/** The management or data-store services a port or service value opens. */
function servicesOpened(
  taken: Taken,
  isService: boolean,
): { port: number; service: ExposedService }[] {
  // ufw and firewalld take a service's name where a port goes (`port: ssh`).
  if (isService || /^[a-z][\w-]*(\/\w+)?$/i.test(taken.text)) {
    const port = SERVICE_NAMES.get(taken.text.toLowerCase().replace(/\/\w+$/, ''));
    const service = port === undefined ? undefined : SERVICE_PORTS.get(port);
    return port !== undefined && service ? [{ port, service }] : [];
  }
  const range = portRange(taken.text);
  if (!range) return [];
  return [...SERVICE_PORTS]
    .filter(([port]) => port >= range.from && port <= range.to)
    .map(([port, service]) => ({ port, service }));
}

function shown(taken: Taken): string {
  const written = `${taken.attribute.name}: ${taken.value.text.trim()}`;
  return taken.reference ? `\`${written}\` (\`${taken.text}\`)` : `\`${written}\``;
}

/**
 * The sources that go with a port or service: for one an item of a looped list gives, the
 * sources that item gives (with those no item gives); undefined where the items give sources
 * and this one gives none that is known.
 */
function sourcesFor(rule: AcceptRule, item: string | undefined): Taken[] | undefined {
  if (item === undefined || !rule.sources.some((source) => source.item !== undefined))
    return rule.sources;
  const own = rule.sources.filter((source) => source.item === undefined || source.item === item);
  return own.some((source) => source.item === item) ? own : undefined;
}

/** Every address is admitted: no source at all, or a source that means any. */
function admitsEveryone(rule: AcceptRule, item?: string): { how: string } | undefined {
  const sources = sourcesFor(rule, item);
  if (!sources) return undefined;
  if (sources.length === 0) return { how: 'no source limits who can connect' };
  const open = sources.find((source) => ANY_SOURCE.test(source.text));
  return open ? { how: `its source ${shown(open)} is every address` } : undefined;
}

/** What one line of a rule opens: the values written or taken there, and the services they open. */
interface OpenedOnLine {
  range: SourceRange;
  taken: Taken[];
  opened: { port: number; service: ExposedService }[];
}

/**
 * The values of a rule that open a management or data-store service, by the line they are
 * reported on: one finding per line, naming every service opened there (a port taken from a
 * variable may take several values, each a port).
 */
function openedByLine(rule: AcceptRule): OpenedOnLine[] {
  const byLine = new Map<number, OpenedOnLine>();
  const candidates = [
    ...rule.ports.map((taken) => ({ taken, isService: false })),
    ...rule.services.map((taken) => ({ taken, isService: true })),
  ];
  for (const { taken, isService } of candidates) {
    const opened = servicesOpened(taken, isService).filter(
      ({ service }) => rule.cloud || !service.cloudOnly,
    );
    if (opened.length === 0) continue;
    // A value the loop's item gives is reported on the item.
    const range =
      rule.looping && !rule.looping.attributes.includes(taken.attribute)
        ? taken.value.range
        : valueRange(taken.attribute, taken.value);
    let line = byLine.get(range.line);
    if (!line) byLine.set(range.line, (line = { range, taken: [], opened: [] }));
    line.taken.push(taken);
    for (const each of opened)
      if (!line.opened.some(({ port }) => port === each.port)) line.opened.push(each);
  }
  return [...byLine.values()];
}

/**
 * The values of one line as a message quotes them: `port: "{{ item }}"` (`3306`, `6379`) for a
 * reference taking several, `dport` (`3306`, `6379`) for several items written elsewhere.
 */
function shownAll(taken: readonly Taken[]): string {
  const [first] = taken;
  if (!first || taken.length === 1) return first ? shown(first) : '';
  const oneValue = taken.every((each) => each.value === first.value);
  const written = oneValue
    ? `${first.attribute.name}: ${first.value.text.trim()}`
    : first.attribute.name;
  const values = [...new Set(taken.map((each) => each.text))];
  return `\`${written}\` (${values.map((value) => `\`${value}\``).join(', ')})`;
}

function checkExposure(context: RuleContext, rule: AcceptRule): void {
  // A port an item of a looped list gives goes with that item's source, not another item's.
  const exposed = (taken: Taken) => admitsEveryone(rule, taken.item) !== undefined;
  const ports = rule.ports.filter(exposed);
  const services = rule.services.filter(exposed);
  for (const { range, taken, opened } of openedByLine({ ...rule, ports, services })) {
    const everyone = admitsEveryone(rule, taken[0]?.item);
    if (!everyone) continue;
    const names = opened.slice(0, 3).map(({ port, service }) => `${service.what} (${port})`);
    const more = opened.length > 3 ? ` and ${opened.length - 3} more` : '';
    const severity = opened.map(({ service }) => service.severity).sort(bySeverity)[0] as Severity;
    const where = rule.cloud ? 'the security group admits' : 'the firewall admits';
    context.report({
      range,
      message: `${shownAll(taken)}: ${where} ${names.join(', ')}${more} from the whole internet, as ${everyone.how}; restrict the source to the hosts or management network that need it`,
      severity,
    });
  }
}

const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low'];
function bySeverity(a: Severity, b: Severity): number {
  return SEVERITY_ORDER.indexOf(a) - SEVERITY_ORDER.indexOf(b);
}

/**
 * A source or destination written as a host name: iptables, and the Puppet and Chef resources
 * built on it, look the name up once when the rule is loaded and keep the addresses it had then.
 */
const HOST_NAME =
  /^(?=[^/]*[a-z])[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;
/** Attributes holding a host or network that a rule matches, by language-neutral name. */
const ADDRESS_ATTRIBUTES = new Set(['source', 'destination']);

function checkHostNames(context: RuleContext): void {
  const { file } = context;
  for (const unit of file.units) {
    const isFirewall =
      (file.language === 'ansible' && unit.type === 'iptables') ||
      (file.language === 'puppet' && unit.type === 'firewall') ||
      (file.language === 'chef' && unit.type === 'firewall_rule');
    if (!isFirewall) continue;
    for (const attribute of unit.attributes) {
      if (!ADDRESS_ATTRIBUTES.has(attribute.name) || attribute.value.dynamic) continue;
      const text = attribute.value.kind === 'string' ? String(attribute.value.value).trim() : '';
      if (!HOST_NAME.test(text.replace(/^!\s*/, ''))) continue;
      context.report({
        range: valueRange(attribute, attribute.value),
        message: `\`${attribute.name}\` names the host \`${text}\`: the firewall resolves it once, when the rule is loaded, and keeps matching the old addresses after DNS changes (or fails to load when DNS is down); use its address or network`,
        severity: 'low',
      });
    }
  }
}

/** A rule that keeps SSH reachable: it accepts port 22 or the `ssh` service, or a port the code computes. */
function keepsSshOpen(rule: AcceptRule): boolean {
  if (rule.cloud) return false;
  if (rule.unknownPort) return true;
  if (
    rule.ports.some((taken) => {
      const range = portRange(taken.text);
      return range !== undefined && range.from <= 22 && range.to >= 22;
    })
  )
    return true;
  return [...rule.ports, ...rule.services].some(
    (taken) => SERVICE_NAMES.get(taken.text.toLowerCase().replace(/\/\w+$/, '')) === 22,
  );
}

function checkLockout(context: RuleContext): void {
  const { file } = context;
  const accepting = acceptRules(context);
  for (const unit of file.units) {
    const drop = dropAll(context, unit);
    if (!drop) continue;
    // Puppet orders firewall rules by title, not by where they are written: any rule counts.
    const before = accepting.filter(
      (rule) => file.language === 'puppet' || rule.unit.range.line < unit.range.line,
    );
    if (before.some(keepsSshOpen)) continue;
    context.report({
      range: valueRange(drop.attribute, drop.attribute.value),
      message: `\`${drop.shown}\` drops every incoming connection and no rule before it in this file keeps SSH (port 22) open: applying it cuts the connection that manages the host; allow SSH from the management network first`,
      severity: 'low',
    });
  }
}

export const insecureFirewallRule: Rule = {
  meta,
  check(context) {
    for (const rule of acceptRules(context)) checkExposure(context, rule);
    if (context.file.language === 'ansible' || context.file.language === 'puppet') {
      checkHostNames(context);
      checkLockout(context);
    }
  },
};
