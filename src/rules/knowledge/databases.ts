/**
 * How database and cache servers write the settings that decide who can reach them: MySQL's
 * option names and server groups, the addresses that mean every interface or only the host
 * itself, and the columns of a `pg_hba.conf` rule.
 */
import type { Language } from '../../model/model.js';
import { columnsOf } from '../../parsers/config/syntaxes/columns.js';
import { lookupTables } from '../../shared/lookup-table.js';

/** `'*'`, `"*"` → `*`. */
export function unquoted(value: string): string {
  const trimmed = value.trim();
  return /^(['"]).*\1$/.test(trimmed) ? trimmed.slice(1, -1).trim() : trimmed;
}

/**
 * A MySQL option as the server reads it: dashes and underscores are the same, and `loose-`
 * only says not to fail when the option is unknown (`loose_local_infile` → `local-infile`).
 */
export function mysqlOption(name: string): string {
  return name
    .toLowerCase()
    .replace(/_/g, '-')
    .replace(/^loose-/, '');
}

/** Groups the server reads (`mysqld`, `mysqld-8.0`, `mariadb`, `server`, `galera`), not a client's. */
const SERVER_GROUP =
  /^(mysqld\d*|mysqld-[\d.]+|mysqld_safe|mariadb|mariadb-[\d.]+|mariadbd|server|galera)$/i;
/** A group whose name a template computes. */
const TEMPLATED_GROUP = /\{\{|\$\{|#\{/;

/** Whether options in this group reach the server; outside any group (a line a task writes) they may. */
export function isMysqlServerGroup(section: string | undefined): boolean {
  return section === undefined || SERVER_GROUP.test(section) || TEMPLATED_GROUP.test(section);
}

/** A boolean option turned on: a bare flag, `1`, `ON`, `TRUE`, `YES`. */
export function isOn(value: string): boolean {
  return /^(|1|on|true|yes)$/i.test(unquoted(value));
}

/** `0.0.0.0`, `::`, `*` and Redis's `::*`; a leading `-` (Redis: "if available") is not part of it. */
const EVERY_INTERFACE = /^(0\.0\.0\.0|::|\[::\]|::0|\*|::\*)$/;

export function isEveryInterface(address: string): boolean {
  return EVERY_INTERFACE.test(unquoted(address).replace(/^-/, ''));
}

/** The host itself: `127.0.0.1`, `127.0.0.0/8`, `::1`, `localhost`, PostgreSQL's `samehost`. */
export function isLoopback(address: string): boolean {
  const text = unquoted(address).replace(/^-/, '').toLowerCase();
  if (text === 'localhost' || text === 'samehost') return true;
  // `127.0.0.1/32`, or `127.0.0.1 255.255.255.255` with the mask in its own column
  const [host = '', prefix] = text.split(/\/|\s+/);
  const bits = prefix === undefined ? undefined : prefixLength(prefix);
  if (/^127\.\d+\.\d+\.\d+$/.test(host)) return bits === undefined || bits >= 8;
  if (host === '::1' || host === '[::1]') return bits === undefined || bits === 128;
  return false;
}

/** `24`, or the bits set in a netmask such as `255.255.255.0`. */
function prefixLength(prefix: string): number {
  if (!prefix.includes('.')) return Number(prefix);
  return prefix
    .split('.')
    .map((octet) => Number(octet).toString(2).replace(/0/g, '').length)
    .reduce((sum, bits) => sum + bits, 0);
}

/** The addresses of a list: `a, b` (MySQL, PostgreSQL, MongoDB) or `a b` (Redis). */
export function addressesOf(value: string): string[] {
  return unquoted(value)
    .split(/[\s,]+/)
    .map((address) => unquoted(address))
    .filter((address) => address !== '');
}

/** The types of `pg_hba.conf` rules for TCP/IP connections. */
const HOST_TYPES = new Set(['host', 'hostssl', 'hostnossl', 'hostgssenc', 'hostnogssenc']);

export interface HbaRule {
  type: string;
  database: string;
  user: string;
  /** with its netmask when written in two columns; undefined for `local` (the Unix socket) */
  address?: string;
  method: string;
  options: string[];
}

/** An IP address column, which a separate netmask column may follow (`10.0.0.0 255.0.0.0`). */
const BARE_IP = /^(\d+\.\d+\.\d+\.\d+|[\da-f:]*:[\da-f:.]*)$/i;

/** A `pg_hba.conf` rule from its type and the columns after it; undefined for `include` and the like. */
export function hbaRule(type: string, columns: string): HbaRule | undefined {
  const kind = type.toLowerCase();
  const fields = columnsOf(columns).map((column) => column.text);
  if (kind === 'local') {
    const [database, user, method, ...options] = fields;
    if (!database || !user || !method) return undefined;
    return { type: kind, database, user, method: method.toLowerCase(), options };
  }
  if (!HOST_TYPES.has(kind)) return undefined;
  const [database, user, address, ...rest] = fields;
  if (!database || !user || !address) return undefined;
  const mask = BARE_IP.test(address) && BARE_IP.test(rest[0] ?? '') ? rest[0] : undefined;
  const [method, ...options] = mask === undefined ? rest : rest.slice(1);
  if (!method) return undefined;
  return {
    type: kind,
    database,
    user,
    address: mask === undefined ? address : `${address} ${mask}`,
    method: method.toLowerCase(),
    options,
  };
}

/**
 * A resource that adds one `pg_hba.conf` rule from its arguments: which argument gives each
 * column (the first of the names given), and what a column is when no argument gives it.
 */
export interface HbaRuleResource {
  type: readonly string[];
  database: readonly string[];
  user: readonly string[];
  address: readonly string[];
  netmask?: readonly string[];
  method: readonly string[];
  options?: readonly string[];
  defaults: Partial<Record<'database' | 'user' | 'address' | 'method', string>>;
  /** an argument that may give several rules instead, as a list of maps of the same arguments */
  rules?: string;
}

/**
 * `community.postgresql.postgresql_pg_hba` (no rule without `contype`; `address`, also `source`
 * or `src`, is `samehost` when not given, `method` is `md5`), puppetlabs-postgresql's
 * `postgresql::server::pg_hba_rule`, and the postgresql cookbook's `postgresql_access` (its
 * older `access_*` properties and its newer names; `ident` when no method is given).
 */
export const HBA_RULE_RESOURCES: Readonly<
  Partial<Record<Language, Readonly<Record<string, HbaRuleResource>>>>
> = lookupTables({
  ansible: {
    postgresql_pg_hba: {
      type: ['contype'],
      database: ['databases'],
      user: ['users'],
      address: ['address', 'source', 'src'],
      netmask: ['netmask'],
      method: ['method'],
      options: ['options'],
      defaults: { database: 'all', user: 'all', address: 'samehost', method: 'md5' },
      rules: 'rules',
    },
  },
  puppet: {
    'postgresql::server::pg_hba_rule': {
      type: ['type'],
      database: ['database'],
      user: ['user'],
      address: ['address'],
      method: ['auth_method'],
      options: ['auth_option'],
      defaults: {},
    },
  },
  chef: {
    postgresql_access: {
      type: ['access_type', 'type'],
      database: ['access_db', 'database'],
      user: ['access_user', 'user'],
      address: ['access_addr', 'address'],
      method: ['access_method', 'auth_method'],
      defaults: { method: 'ident' },
    },
  },
});
