import type { Rule } from '../rule.js';
import type { Attribute, FileModel } from '../../model/model.js';
import {
  addressesOf,
  isEveryInterface,
  isMysqlServerGroup,
  isOn,
  mysqlOption,
} from '../knowledge/databases.js';
import { assignments, valueRange, type Assignment } from '../support/assignments.js';
import { checkSettings, type Judge } from '../support/config-settings.js';
import { literalText } from '../support/values.js';
import { nameWords } from '../support/names.js';
import { meta } from './meta.js';

/** `0.0.0.0`, `::`, `[::]`, `*`, with an optional port, or as the host of a URL. */
const ALL_INTERFACES = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(0\.0\.0\.0|\[::\]|::)(?::\d+)?\/?$/i;

/** Keys about routes, networks and firewall sources, where 0.0.0.0 means "any address", not a bind. */
const NOT_A_BINDING = new Set([
  'route',
  'routes',
  'gateway',
  'gw',
  'netmask',
  'mask',
  'cidr',
  'network',
  'networks',
  'subnet',
  'dest',
  'destination',
  'src',
  'source',
  'from',
  'to',
  'allow',
  'allowed',
  'deny',
  'prefix',
  'nexthop',
  'peer',
  'remote',
  'client',
  'clients',
  'whitelist',
  'allowlist',
  'endpoint',
  'url',
  'target',
  'upstream',
]);

/** Every address as a network: `0.0.0.0/0`, `::/0`. */
const ANY_NETWORK = /^(0\.0\.0\.0\/0|::\/0)$/;
/** Keys that say who may connect: a firewall or access rule's source. */
const SOURCE_WORDS = new Set([
  'src',
  'source',
  'from',
  'allow',
  'allowed',
  'whitelist',
  'allowlist',
  'clients',
  'client',
]);

/**
 * Services whose job is to answer remote clients: web servers, load balancers, reverse and
 * console proxies, the Kubernetes API server. Listening everywhere is what they are deployed
 * for, so a reviewer would not comment; GLITCH's smell still covers them.
 */
const FRONT_DOOR_WORDS = new Set([
  'nginx',
  'apache',
  'apache2',
  'httpd',
  'haproxy',
  'frontend',
  'frontends',
  'loadbalancer',
  'balancer',
  'lb',
  'proxy',
  'vncproxy',
  'novncproxy',
  'spicehtml5proxy',
  'serialproxy',
  'apiserver',
  'ingress',
  'vhost',
  'vhosts',
  'traefik',
  'envoy',
  'varnish',
  'caddy',
]);
/** Interfaces of a front-door service that are not for its clients: statistics, administration, debugging. */
const BACK_OFFICE_WORDS = new Set([
  'admin',
  'administration',
  'stats',
  'status',
  'management',
  'mgmt',
  'debug',
  'pprof',
  'console',
]);
const GLITCH_ONLY = ['glitch'] as const;

/** Words naming what a binding belongs to: the key path, the task or resource, its class, the file's folders. */
function contextWords(file: FileModel, assignment: Assignment): Set<string> {
  const names = [
    ...assignment.path,
    assignment.unit?.type ?? '',
    assignment.unit?.name ?? '',
    assignment.unit?.within ?? '',
    assignment.owner ?? '',
    ...file.path.replace(/\.[^./]*$/, '').split('/'),
  ];
  return new Set(names.flatMap((name) => nameWords(name)));
}

/** A front-door service's own listener, not one of its back-office interfaces. */
function isFrontDoor(file: FileModel, assignment: Assignment, setting: string): boolean {
  const words = contextWords(file, assignment);
  if (![...words].some((word) => FRONT_DOOR_WORDS.has(word))) return false;
  const own = [...nameWords(setting), ...nameWords(assignment.unit?.name ?? '')];
  return !own.some((word) => BACK_OFFICE_WORDS.has(word));
}

/** Keys that only hold the value of a setting named beside them (`option: bind-address`, `value: 0.0.0.0`). */
const VALUE_HOLDERS = new Set(['value', 'val', 'setting_value', 'option_value']);
/** The keys, in order of preference, that name the setting a holder's value is for; a title like `DEFAULT/my_ip` too. */
const SETTING_NAMERS = [
  'option',
  'setting',
  'key',
  'param',
  'parameter',
  'directive',
  'variable',
  'name',
  'title',
];

/** The setting a value is for: its own key, or the key named beside a generic `value`. */
function settingName(assignment: Assignment): string {
  if (!VALUE_HOLDERS.has(assignment.name)) return assignment.name;
  const namer = SETTING_NAMERS.map((name) =>
    assignment.siblings.find((sibling: Attribute) => sibling.name === name),
  ).find((sibling) => sibling !== undefined);
  const named = namer ? literalText(namer.value) : undefined;
  return named ? (named.split('/').pop() ?? named) : assignment.name;
}

/** MySQL's listener and that of its X Protocol (port 33060). */
const MYSQL_BINDS = new Set(['bind-address', 'mysqlx-bind-address']);

/**
 * Data services whose configuration file binds them to every interface: MySQL's `bind-address`
 * in a server group, PostgreSQL's `listen_addresses`, Redis's `bind`, MongoDB's `net.bindIp` and
 * `net.bindIpAll` (and the older `bind_ip`, `bind_ip_all`). A database is never a front door.
 * Redis with no `bind` listens everywhere too, but then its protected mode answers only the host
 * itself until a password is set, so an absent `bind` is not a finding.
 */
const listensEverywhere: Judge = (name, value, setting) => {
  const every = () => addressesOf(value).some(isEveryInterface);
  switch (setting.format) {
    case 'mysql':
      return MYSQL_BINDS.has(mysqlOption(name)) && isMysqlServerGroup(setting.section) && every()
        ? {
            problem:
              'the MySQL or MariaDB server accepts connections on every interface of the host, so every network that reaches the host can try its accounts',
          }
        : undefined;
    case 'postgresql':
      return name.toLowerCase() === 'listen_addresses' && every()
        ? {
            problem:
              'PostgreSQL accepts connections on every interface; only `pg_hba.conf` stands between every network that reaches the host and its accounts',
          }
        : undefined;
    case 'redis':
      return name.toLowerCase() === 'bind' && every()
        ? {
            problem:
              'Redis accepts connections on every interface; whoever reaches it can read and rewrite its data, and with `CONFIG SET` write files on the host, once past a single shared password if there is one',
          }
        : undefined;
    case 'mongodb': {
      const key = name.toLowerCase();
      const inNet = setting.section === undefined || setting.section === 'net';
      const bindAll = (key === 'bindipall' && inNet) || (key === 'bind_ip_all' && !setting.section);
      const bindIp = (key === 'bindip' && inNet) || (key === 'bind_ip' && !setting.section);
      return (bindAll && isOn(value) && value.trim() !== '') || (bindIp && every())
        ? {
            problem:
              'MongoDB accepts connections on every interface of the host, so every network that reaches the host can try to log in, or walk in if authorization is off',
          }
        : undefined;
    }
    default:
      return undefined;
  }
};

export const invalidIpBinding: Rule = {
  meta,
  check(context) {
    const { file, report } = context;
    checkSettings(context, ['mysql', 'postgresql', 'redis', 'mongodb'], listensEverywhere);
    for (const assignment of assignments(file)) {
      // A Ruby method's local (`host_ip = '0.0.0.0'` while parsing a port spec) is code, not a setting.
      if (assignment.inMethod) continue;
      const text = literalText(assignment.value)?.trim();
      if (!text) continue;
      const setting = settingName(assignment);
      const words = nameWords(setting);
      const holder = setting === assignment.name ? '' : ` (in \`${assignment.name}\`)`;
      const setTo = `\`${setting}\` ${assignment.scope === 'parameter' ? 'defaults to' : 'set to'} \`${text}\`${holder}`;
      if (ANY_NETWORK.test(text) && words.some((word) => SOURCE_WORDS.has(word))) {
        report({
          range: valueRange(assignment, assignment.value),
          message: `${setTo}: connections are accepted from every address`,
        });
        continue;
      }
      if (!ALL_INTERFACES.test(text)) continue;
      if (words.some((word) => NOT_A_BINDING.has(word))) continue;
      const frontDoor = isFrontDoor(file, assignment, setting);
      report({
        range: valueRange(assignment, assignment.value),
        message: `${setTo}: the service listens on every interface`,
        ...(frontDoor ? { profiles: GLITCH_ONLY } : {}),
      });
    }
  },
};
