import type { Rule, RuleContext } from '../rule.js';
import {
  addressesOf,
  hbaRule,
  isLoopback,
  isMysqlServerGroup,
  isOn,
  mysqlOption,
  unquoted,
  type HbaRule,
} from '../knowledge/databases.js';
import { bindings } from '../support/bindings.js';
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

export const databaseWithoutAuthentication: Rule = {
  meta,
  check(context) {
    checkSettings(context, ['mysql', 'pg-hba', 'redis', 'mongodb'], judge(context));
  },
};
