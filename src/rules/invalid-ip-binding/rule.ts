import type { Rule } from '../rule.js';
import type { Attribute } from '../../engine/model.js';
import { assignments, valueRange, type Assignment } from '../support/assignments.js';
import { literalText } from '../support/values.js';
import { nameWords } from '../support/names.js';

/** `0.0.0.0`, `::`, `[::]`, `*`, with an optional port, or as the host of a URL. */
const ALL_INTERFACES = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(0\.0\.0\.0|\[::\]|::)(?::\d+)?\/?$/i;

/** Keys about routes, networks and firewall sources, where 0.0.0.0 means "any address", not a bind. */
const NOT_A_BINDING = new Set([
  'route', 'routes', 'gateway', 'gw', 'netmask', 'mask', 'cidr', 'network', 'networks', 'subnet',
  'dest', 'destination', 'src', 'source', 'from', 'to', 'allow', 'allowed', 'deny', 'prefix',
  'nexthop', 'peer', 'remote', 'client', 'clients', 'whitelist', 'allowlist', 'endpoint', 'url', 'target', 'upstream',
]);

/** Every address as a network: `0.0.0.0/0`, `::/0`. */
const ANY_NETWORK = /^(0\.0\.0\.0\/0|::\/0)$/;
/** Keys that say who may connect: a firewall or access rule's source. */
const SOURCE_WORDS = new Set(['src', 'source', 'from', 'allow', 'allowed', 'whitelist', 'allowlist', 'clients', 'client']);

/** Keys that only hold the value of a setting named beside them (`option: bind-address`, `value: 0.0.0.0`). */
const VALUE_HOLDERS = new Set(['value', 'val', 'setting_value', 'option_value']);
/** The keys, in order of preference, that name the setting a holder's value is for; a title like `DEFAULT/my_ip` too. */
const SETTING_NAMERS = ['option', 'setting', 'key', 'param', 'parameter', 'directive', 'variable', 'name', 'title'];

/** The setting a value is for: its own key, or the key named beside a generic `value`. */
function settingName(assignment: Assignment): string {
  if (!VALUE_HOLDERS.has(assignment.name)) return assignment.name;
  const namer = SETTING_NAMERS.map((name) => assignment.siblings.find((sibling: Attribute) => sibling.name === name)).find((sibling) => sibling !== undefined);
  const named = namer ? literalText(namer.value) : undefined;
  return named ? (named.split('/').pop() ?? named) : assignment.name;
}

export const invalidIpBinding: Rule = {
  meta: {
    id: 'invalid-ip-binding',
    title: 'Service bound to every interface',
    severity: 'medium',
    category: 'invalid-ip-binding',
    languages: ['ansible', 'puppet', 'chef'],
    description:
      'A service is told to listen on `0.0.0.0` or `::`, every network interface of the host, including public ones. Admin and data services (databases, caches, dashboards, metrics) are then reachable from anywhere the host is.',
    remediation:
      'Bind to the specific address the service must be reachable on (the internal or management interface, or `127.0.0.1` when only local clients use it), and restrict the rest with a firewall.',
    cwe: 'CWE-1327',
  },
  check({ file, report }) {
    for (const assignment of assignments(file)) {
      const text = literalText(assignment.value)?.trim();
      if (!text) continue;
      const setting = settingName(assignment);
      const words = nameWords(setting);
      const holder = setting === assignment.name ? '' : ` (in \`${assignment.name}\`)`;
      const setTo = `\`${setting}\` ${assignment.scope === 'parameter' ? 'defaults to' : 'set to'} \`${text}\`${holder}`;
      if (ANY_NETWORK.test(text) && words.some((word) => SOURCE_WORDS.has(word))) {
        report({ range: valueRange(assignment, assignment.value), message: `${setTo}: connections are accepted from every address` });
        continue;
      }
      if (!ALL_INTERFACES.test(text)) continue;
      if (words.some((word) => NOT_A_BINDING.has(word))) continue;
      report({ range: valueRange(assignment, assignment.value), message: `${setTo}: the service listens on every interface` });
    }
  },
};
