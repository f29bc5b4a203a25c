/**
 * How database servers store passwords and which TLS versions and ciphers they accept, in the
 * files the code deploys and the lines it writes into them: PostgreSQL's `password_encryption`,
 * `ssl_min_protocol_version`, `ssl_max_protocol_version` and `ssl_ciphers`; MySQL's and
 * MariaDB's `tls_version` and `ssl-cipher` in a server group.
 */
import type { ConfigFormat } from '../../model/model.js';
import type { Judge, Verdict } from '../support/config-settings.js';
import { isMysqlServerGroup, mysqlOption } from '../knowledge/databases.js';
import {
  enabledVersions,
  listVersions,
  PROTOCOL_VERSIONS,
  WEAK_VERSIONS,
} from '../support/tls-protocols.js';
import { bareValue, cipherVerdict, protocolVerdict } from './server-tls.js';

export const DATABASE_FORMATS: readonly ConfigFormat[] = ['postgresql', 'mysql'];

/** `on` (and its spellings) meant `md5` until PostgreSQL 14, which refuses it. */
const MD5_PASSWORDS = /^(md5|on|true|yes|1)$/i;

function postgresqlPasswords(value: string): Verdict | undefined {
  if (!MD5_PASSWORDS.test(value)) return undefined;
  const alias = value.toLowerCase() === 'md5' ? '' : ` (\`${value}\` means \`md5\`)`;
  return {
    problem: `new and changed passwords are stored as MD5 hashes${alias}: the hash of a password and its user name logs in as that user through \`md5\` authentication, and is cracked offline in hours once \`pg_authid\` or a backup leaks; use \`scram-sha-256\``,
  };
}

/** A floor (`ssl_min_protocol_version = 'TLSv1'`) below TLS 1.2. */
function protocolFloor(value: string): Verdict | undefined {
  const enabled = enabledVersions([value], true);
  if (!enabled) return undefined;
  const weak = PROTOCOL_VERSIONS.filter(
    (version) => enabled.has(version) && WEAK_VERSIONS.has(version),
  );
  return weak.length > 0 ? { problem: `it leaves ${listVersions(weak)} on` } : undefined;
}

/** A ceiling (`ssl_max_protocol_version = 'TLSv1.1'`) that allows nothing but weak versions. */
function protocolCeiling(value: string): Verdict | undefined {
  const ceiling = PROTOCOL_VERSIONS.find(
    (version) => version.toLowerCase() === value.toLowerCase(),
  );
  return ceiling && WEAK_VERSIONS.has(ceiling)
    ? { problem: `it allows nothing newer than ${ceiling}` }
    : undefined;
}

function postgresqlSetting(name: string, value: string): Verdict | undefined {
  switch (name) {
    case 'password_encryption':
      return postgresqlPasswords(value);
    case 'ssl_min_protocol_version':
      return protocolFloor(value);
    case 'ssl_max_protocol_version':
      return protocolCeiling(value);
    case 'ssl_ciphers':
      return cipherVerdict(value);
    default:
      return undefined;
  }
}

function mysqlSetting(name: string, value: string): Verdict | undefined {
  const option = mysqlOption(name);
  if (option === 'tls-version') return protocolVerdict(value);
  if (option === 'ssl-cipher') return cipherVerdict(value);
  return undefined;
}

/** The weak password hash, protocol or cipher a database server setting enables. */
export const weakDatabaseSetting: Judge = (name, value, setting) => {
  const bare = bareValue(value);
  switch (setting.format) {
    case 'postgresql':
      return postgresqlSetting(name.toLowerCase(), bare);
    case 'mysql':
      return isMysqlServerGroup(setting.section) ? mysqlSetting(name, bare) : undefined;
    default:
      return undefined;
  }
};
