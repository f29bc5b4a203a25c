import type { FormatSpec } from '../format-spec.js';

/** A file named like OpenSSL's configuration (`openssl.cnf`, `ca.cnf`, `v3-req.cnf`), not MySQL's. */
const NOT_OPENSSL = '(?![^/]*openssl)(?!(?:[^/]*[._-])?(?:req|csr|ca|x509|v3|certs?|san)[._-])';

/**
 * Folders of tools that keep a file named for the database they watch, ship logs from or
 * supervise: collectd's and Telegraf's `redis.conf` plugins, a monit check `postgresql.conf`.
 */
const OTHER_TOOL =
  '(?:collectd|telegraf|monit|supervisor|syslog|logrotate|fail2ban|exporter|datadog|dd-agent|zabbix|nagios|icinga|sensu|newrelic|filebeat|logstash|fluent|td-agent|systemd)';

/** A file whose name (the last part of its path) matches `name`, in no folder of another tool. */
function named(name: string): RegExp {
  return new RegExp(`^(?!(?:.*/)?[^/]*${OTHER_TOOL}[^/]*/)(?:.*/)?${name}$`, 'i');
}

/** Formats recognised by `path` alone, where another tool's folder rules the name out. */
const BY_PATH_ONLY = /(?!)/;

/** Databases and caches: who may connect, and how. */
export const DATA_FORMATS: readonly FormatSpec[] = [
  {
    format: 'pg-hba',
    label: 'pg_hba.conf',
    syntax: 'columns',
    files: '`pg_hba.conf`',
    checks: '`trust` and cleartext `password` authentication (`database-without-authentication`)',
    name: /(^|[._-])pg_hba\.conf$/i,
    destination: /(^|\/)pg_hba\.conf$/,
  },
  {
    format: 'postgresql',
    label: 'postgresql.conf',
    syntax: 'key-equals',
    files: '`postgresql.conf`, `conf.d/*.conf` in a PostgreSQL path',
    checks:
      "`listen_addresses = '*'` (`invalid-ip-binding`); `password_encryption = md5`, a TLS floor below 1.2, weak `ssl_ciphers` (`weak-crypto`)",
    name: BY_PATH_ONLY,
    path: new RegExp(
      [
        named('(?:[^/]*[._-])?postgresql(?:\\.auto)?\\.conf').source,
        // `conf.d/*.conf` inside a PostgreSQL role, module or cookbook
        named('(?:.*/)?[^/]*postgres[^/]*/(?:[^/]+/)*conf\\.d/[^/]+\\.conf').source,
      ].join('|'),
      'i',
    ),
    destination:
      /(^|\/)postgresql(\.auto)?\.conf$|^\/etc\/postgresql\/(?:[^/]+\/)*conf\.d\/[^/]+\.conf$/,
  },
  {
    format: 'mysql',
    label: 'my.cnf',
    syntax: 'ini',
    files: '`my.cnf`, `mysqld.cnf`, `*.cnf` in a MySQL or MariaDB path',
    checks:
      '`bind-address` on every interface (`invalid-ip-binding`); `skip-grant-tables`, `local-infile` (`database-without-authentication`); TLS 1.0 or 1.1 in `tls_version`, weak `ssl-cipher` (`weak-crypto`)',
    // my.cnf, .my.cnf, root-my.cnf, mysqld.cnf, mariadb-server.cnf, galera.cnf, 50-server.cnf
    name: /(^|[._-])(my\.cnf([._-][\w.-]*)?|(mysqld?|mariadbd?|percona|galera)([._-][\w-]*)?\.cnf)$|^\d\d-[\w-]+\.cnf$/i,
    folder: /(^|\/)(my\.cnf|mysql\.conf|mariadb\.conf)\.d$/,
    // any other `*.cnf` inside a MySQL or MariaDB role, module, cookbook or folder
    path: new RegExp(
      `(^|/)[^/]*(mysql|mariadb|percona|galera)[^/]*/(?:[^/]+/)*${NOT_OPENSSL}[^/]+\\.cnf$`,
      'i',
    ),
    destination:
      /^\/etc\/my\.cnf(\.d\/[^/]+)?$|^\/etc\/mysql\/(?:[^/]+\/)*[^/]+\.cnf$|\/\.my\.cnf$/,
  },
  {
    format: 'redis',
    label: 'redis.conf',
    syntax: 'keyword',
    files: '`redis*.conf`, `valkey*.conf`',
    checks:
      '`bind 0.0.0.0` (`invalid-ip-binding`); `protected-mode no` without a password (`database-without-authentication`)',
    // Valkey is Redis's fork with the same file; an exporter's configuration is not Redis's
    name: BY_PATH_ONLY,
    path: named('(?:[^/]*[._-])?(?:redis|valkey)(?![._-]?exporter)(?:[._-][^/]*)?\\.conf'),
    destination: /^\/etc\/(redis|valkey)\/[^/]+\.conf$|(^|\/)(redis|valkey)([._-][\w.-]*)?\.conf$/,
  },
  {
    format: 'mongodb',
    label: 'mongod.conf',
    syntax: 'yaml-keys',
    files: '`mongod.conf`, `mongos.conf`',
    checks:
      '`bindIp: 0.0.0.0` (`invalid-ip-binding`); authorization disabled (`database-without-authentication`)',
    name: BY_PATH_ONLY,
    path: named('(?:[^/]*[._-])?mongo(?:d|s|db)(?:[._-][\\w-]*)?\\.conf'),
    destination: /(^|\/)mongo(d|s|db)([._-][\w-]*)?\.conf$/,
  },
];
