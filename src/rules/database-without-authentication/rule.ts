import type { Attribute, Unit, Value } from '../../model/model.js';
import type { Rule, RuleContext } from '../rule.js';
import {
  addressesOf,
  HBA_RULE_RESOURCES,
  hbaRule,
  isLoopback,
  isMysqlServerGroup,
  isOn,
  mysqlOption,
  unquoted,
  type HbaRule,
  type HbaRuleResource,
} from '../knowledge/databases.js';
import { assignments } from '../support/assignments.js';
import { bindings, reportBinding, usePhrase } from '../support/bindings.js';
import { eachItem } from '../support/loop-items.js';
import { attributeOf } from '../support/units.js';
import { literalText, removesResource } from '../support/values.js';
import {
  checkSettings,
  settingsOf,
  type Judge,
  type Setting,
  type Verdict,
} from '../support/config-settings.js';
import { meta } from './meta.js';

/** MySQL and MariaDB server options that let clients in without their credentials or too far. */
function mysqlSetting(
  name: string,
  value: string,
  section: string | undefined,
): Verdict | undefined {
  if (!isMysqlServerGroup(section)) return undefined;
  const option = mysqlOption(name);
  if (option === 'skip-grant-tables' && isOn(value))
    return {
      problem:
        'the server does not read its privilege tables: every client connects as anyone it likes, with every privilege and no password (MySQL 8 then refuses TCP connections; MariaDB and older MySQL do not)',
    };
  if ((option === 'local-infile' || option === 'enable-local-infile') && isOn(value))
    return {
      problem:
        '`LOAD DATA LOCAL` is allowed: an SQL injection in an application can load any file the application can read into a table',
      severity: 'low',
    };
  return undefined;
}

/** The users a `pg_hba.conf` rule names that include the superuser: `all`, `postgres`. */
function includesSuperuser(rule: HbaRule): boolean {
  return rule.user
    .split(',')
    .map((user) => unquoted(user).toLowerCase())
    .some((user) => user === 'all' || user === 'postgres' || user === '+postgres');
}

/** Where a `pg_hba.conf` rule's connections come from, for a message. */
function fromWhere(address: string | undefined): string {
  const text = (address ?? '').toLowerCase();
  if (text === 'all') return 'from any address';
  if (text === 'samenet') return "from any address of the server's own subnets";
  return `from \`${address ?? ''}\``;
}

/**
 * A `pg_hba.conf` rule that lets a connection in without a password: `trust` from the network
 * (high), `trust` on the host itself (any local account becomes the database user it names:
 * medium when that can be the superuser); `password`, which sends it in clear text, over TCP
 * without TLS from another host (low).
 */
function hbaSetting(type: string, value: string): Verdict | undefined {
  const rule = hbaRule(type, value);
  if (!rule) return undefined;
  const local = rule.address === undefined || isLoopback(rule.address);
  if (rule.method === 'trust') {
    const certificate = rule.options.find((option) => /^clientcert=/i.test(option));
    if (certificate && /=verify-full$/i.test(certificate)) return undefined;
    if (!local && certificate)
      return {
        problem: `connections ${fromWhere(rule.address)} with any valid client certificate are let in as whichever user they name: the certificate is not matched to the user`,
        severity: 'medium',
      };
    if (!local)
      return {
        problem: `connections ${fromWhere(rule.address)} are let in as whichever user they name, with no password`,
      };
    return includesSuperuser(rule)
      ? {
          problem:
            'every account on the host, a compromised web application included, connects as any database user, the superuser too, with no password',
          severity: 'medium',
        }
      : {
          problem: `every account on the host connects as \`${rule.user}\` with no password`,
          severity: 'low',
        };
  }
  if (rule.method === 'password' && !local && (rule.type === 'host' || rule.type === 'hostnossl'))
    return {
      problem: `passwords ${fromWhere(rule.address)} are sent in clear text, readable on every network between; use \`scram-sha-256\``,
      severity: 'low',
    };
  return undefined;
}

/** What the same file says about who may connect to Redis or MongoDB. */
interface Surroundings {
  /** a password, an ACL file or a user with a password is configured */
  authenticated: boolean;
  /** every address it binds is the host itself (MongoDB: or it binds none, its default) */
  localOnly: boolean;
}

function surroundings(context: RuleContext, format: 'redis' | 'mongodb'): Surroundings {
  let authenticated = false;
  let binds = false;
  let bindsBeyondHost = false;
  /** every address the setting can take, or undefined when one is unknown */
  const addresses = (setting: Setting): string[] | undefined => {
    if (setting.conditional) return undefined;
    const text = typeof setting.value.value === 'string' ? setting.value.value : '';
    if (!setting.value.dynamic) return addressesOf(text);
    const taken = [...bindings(context, setting.value, setting.within)].map((binding) =>
      binding.value.dynamic || typeof binding.value.value !== 'string'
        ? undefined
        : binding.value.value,
    );
    if (taken.length === 0 || taken.some((text) => text === undefined)) return undefined;
    return taken.flatMap((text) => addressesOf(text ?? ''));
  };
  for (const setting of settingsOf(context, [format])) {
    const name = setting.name.toLowerCase();
    const text = typeof setting.value.value === 'string' ? setting.value.value : '';
    if (format === 'redis') {
      if (name === 'requirepass' && unquoted(text) !== '') authenticated = true;
      if (name === 'aclfile') authenticated = true;
      if (name === 'user' && /^default\s/i.test(text) && /\s[>#]/.test(text)) authenticated = true;
    }
    const bindAll = name === 'bindipall' || name === 'bind_ip_all';
    if (format === 'mongodb' && bindAll && (setting.value.dynamic || isOn(text))) {
      binds = true;
      bindsBeyondHost = true;
    }
    const bind = format === 'redis' ? name === 'bind' : name === 'bindip' || name === 'bind_ip';
    if (!bind) continue;
    binds = true;
    const taken = addresses(setting);
    if (!taken || !taken.every(isLoopback)) bindsBeyondHost = true;
  }
  return {
    authenticated,
    // Redis with no `bind` listens everywhere; MongoDB 3.6 and later listen on localhost.
    localOnly: !bindsBeyondHost && (binds || format === 'mongodb'),
  };
}

function judge(context: RuleContext): Judge {
  let redis: Surroundings | undefined;
  let mongodb: Surroundings | undefined;
  return (name, value, setting) => {
    const key = name.toLowerCase();
    switch (setting.format) {
      case 'mysql':
        return mysqlSetting(name, value, setting.section);
      case 'pg-hba':
        return hbaSetting(name, value);
      case 'redis': {
        if (key !== 'protected-mode' || !/^no$/i.test(unquoted(value))) return undefined;
        redis ??= surroundings(context, 'redis');
        if (redis.authenticated || redis.localOnly) return undefined;
        return {
          problem:
            'with no `requirepass` in the file, any client that reaches Redis gets every command without a password, `CONFIG SET` included, which writes files on the host',
        };
      }
      case 'mongodb': {
        const off =
          (key === 'authorization' &&
            setting.section === 'security' &&
            /^disabled$/i.test(unquoted(value))) ||
          (key === 'noauth' && !setting.section && isOn(value) && value.trim() !== '');
        if (!off) return undefined;
        mongodb ??= surroundings(context, 'mongodb');
        if (mongodb.localOnly) return undefined;
        return {
          problem:
            'MongoDB lets every client that reaches it read and write every database without logging in',
        };
      }
      default:
        return undefined;
    }
  };
}

/**
 * The `pg_hba.conf` rules that resources add from their arguments (`HBA_RULE_RESOURCES`), judged
 * as the line they write, and reported on the method (or the address) the resource gives. A task
 * looping over items written in it adds one rule for each; a rule with a column computed at run
 * time is not judged.
 */
function checkHbaRuleResources(context: RuleContext): void {
  const { file } = context;
  const resources = HBA_RULE_RESOURCES[file.language];
  if (!resources) return;
  for (const unit of file.units) {
    const resource = resources[unit.type];
    if (!resource || removesResource(unit, file.language)) continue;
    for (const each of eachItem(context, unit))
      for (const given of rulesGiven(each.unit, resource)) {
        const line = hbaLine(given, resource);
        const verdict = line && hbaSetting(line.type, line.columns);
        if (!line || !verdict) continue;
        const noun = file.language === 'ansible' ? 'task' : 'resource';
        const severity = verdict.severity ? { severity: verdict.severity } : {};
        // A column the loop's item gives is where this rule differs from the loop's others.
        const fromItem = [line.method, line.address].find(
          (attribute) => attribute && !unit.attributes.includes(attribute),
        );
        const heldBy = fromItem && each.givenBy?.get(fromItem.name);
        if (fromItem && heldBy) {
          // An item of a list a variable holds: reported where the item is written.
          reportBinding(
            context,
            {
              value: fromItem.value,
              reference: heldBy.name,
              taken: line.columns,
              definition: heldBy,
            },
            { range: unit.typeRange, as: usePhrase(file, unit, fromItem.name) },
            `adds the \`pg_hba.conf\` rule \`${line.type} ${line.columns}\`: ${verdict.problem}`,
            severity,
          );
          continue;
        }
        context.report({
          range: (fromItem ?? line.method ?? line.address)?.value.range ?? unit.typeRange,
          message: `\`${line.type} ${line.columns}\`, the \`pg_hba.conf\` rule this ${noun} adds: ${verdict.problem}`,
          ...severity,
        });
      }
  }
  if (file.language === 'puppet') checkHbaRulesHash(context);
}

/** puppetlabs-postgresql's server class, which declares a `pg_hba_rule` of each entry of its hash. */
const SERVER_CLASS = 'postgresql::server';
const RULES_PARAMETER = 'pg_hba_rules';

/**
 * The `pg_hba_rules` hash of `postgresql::server`, given in a class declaration or in Hiera
 * (`postgresql::server::pg_hba_rules`): each entry is a `pg_hba_rule`, judged as one.
 */
function checkHbaRulesHash(context: RuleContext): void {
  const resource = HBA_RULE_RESOURCES.puppet?.['postgresql::server::pg_hba_rule'];
  if (!resource) return;
  const hashes: Value[] = [];
  for (const unit of context.file.units) {
    const hash =
      unit.type === 'class' && unit.name === SERVER_CLASS && attributeOf(unit, RULES_PARAMETER);
    if (hash) hashes.push(hash.value);
  }
  for (const assignment of assignments(context.file))
    if (
      assignment.scope === 'hiera' &&
      assignment.path.join('::') === `${SERVER_CLASS}::${RULES_PARAMETER}`
    )
      hashes.push(assignment.value);
  for (const hash of hashes)
    for (const entry of hash.kind === 'map' ? (hash.entries ?? []) : []) {
      if (entry.value.kind !== 'map') continue;
      const line = hbaLine(entry.value.entries ?? [], resource);
      const verdict = line && hbaSetting(line.type, line.columns);
      if (!line || !verdict) continue;
      context.report({
        range: (line.method ?? line.address)?.value.range ?? entry.range,
        message: `\`${line.type} ${line.columns}\`, the \`pg_hba.conf\` rule \`${entry.name}\` of \`${RULES_PARAMETER}\` adds: ${verdict.problem}`,
        ...(verdict.severity ? { severity: verdict.severity } : {}),
      });
    }
}

/** The arguments of each rule a resource adds: its own, or each map of its list of rules. */
function rulesGiven(unit: Unit, resource: HbaRuleResource): Attribute[][] {
  const listed = resource.rules
    ? unit.attributes.find((attribute) => attribute.name === resource.rules)?.value
    : undefined;
  if (listed?.kind !== 'list') return [unit.attributes];
  // `rules_behavior: combine` makes the task's own arguments the defaults of every rule.
  const behaviour = unit.attributes.find((attribute) => attribute.name === 'rules_behavior');
  const combine = behaviour !== undefined && literalText(behaviour.value) === 'combine';
  return (listed.items ?? [])
    .filter((item) => item.kind === 'map')
    .map((item) => [...(item.entries ?? []), ...(combine ? unit.attributes : [])]);
}

interface HbaResourceLine {
  type: string;
  /** the columns after the type, as `pg_hba.conf` has them */
  columns: string;
  method?: Attribute;
  address?: Attribute;
}

function hbaLine(
  attributes: readonly Attribute[],
  resource: HbaRuleResource,
): HbaResourceLine | undefined {
  const given = (names: readonly string[] | undefined) =>
    (names ?? [])
      .map((name) => attributes.find((attribute) => attribute.name === name))
      .find((attribute) => attribute !== undefined && attribute.value.kind !== 'null');
  /** the column's text; undefined when computed at run time, '' when neither given nor defaulted */
  const column = (names: readonly string[] | undefined, fallback = ''): string | undefined => {
    const attribute = given(names);
    return attribute ? literalText(attribute.value)?.trim() : fallback;
  };
  const type = column(resource.type);
  const database = column(resource.database, resource.defaults.database);
  const user = column(resource.user, resource.defaults.user);
  const address = column(resource.address, resource.defaults.address);
  const netmask = column(resource.netmask);
  const method = column(resource.method, resource.defaults.method);
  const options = column(resource.options);
  const columns =
    type?.toLowerCase() === 'local'
      ? [database, user, method, options]
      : [database, user, address, netmask, method, options];
  if (!type || columns.some((text) => text === undefined)) return undefined;
  const methodAttribute = given(resource.method);
  const addressAttribute = given(resource.address);
  return {
    type,
    columns: columns.filter((text) => text !== '').join(' '),
    ...(methodAttribute ? { method: methodAttribute } : {}),
    ...(addressAttribute ? { address: addressAttribute } : {}),
  };
}

export const databaseWithoutAuthentication: Rule = {
  meta,
  check(context) {
    checkSettings(context, ['mysql', 'pg-hba', 'redis', 'mongodb'], judge(context));
    checkHbaRuleResources(context);
  },
};
