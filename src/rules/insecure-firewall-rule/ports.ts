/**
 * The ports and firewall service names that reach a host's management or a data store: what
 * an attacker tries first on an address open to the internet.
 */
import type { Severity } from '../../model/finding.js';

export interface ExposedService {
  /** for messages: `MySQL`, `the Docker API` */
  what: string;
  severity: Severity;
  /**
   * Remote shells that a host firewall opens to every source on purpose (SSH is how the host is
   * managed at all): flagged only in cloud security groups, where a bastion or VPN is the norm.
   */
  cloudOnly?: boolean;
}

export const SERVICE_PORTS: ReadonlyMap<number, ExposedService> = new Map([
  [22, { what: 'SSH', severity: 'medium', cloudOnly: true }],
  [23, { what: 'telnet', severity: 'high' }],
  [2375, { what: 'the Docker API (plain TCP)', severity: 'high' }],
  [2376, { what: 'the Docker API', severity: 'high' }],
  [2379, { what: 'etcd', severity: 'high' }],
  [2380, { what: 'etcd peer traffic', severity: 'high' }],
  [3389, { what: 'Remote Desktop', severity: 'high' }],
  [5985, { what: 'WinRM over HTTP', severity: 'high' }],
  [5986, { what: 'WinRM', severity: 'high' }],
  [5900, { what: 'VNC', severity: 'high' }],
  [10250, { what: 'the kubelet API', severity: 'high' }],
  [1433, { what: 'Microsoft SQL Server', severity: 'high' }],
  [1521, { what: 'Oracle Database', severity: 'high' }],
  [3306, { what: 'MySQL', severity: 'high' }],
  [5432, { what: 'PostgreSQL', severity: 'high' }],
  [5984, { what: 'CouchDB', severity: 'high' }],
  [6379, { what: 'Redis', severity: 'high' }],
  [8086, { what: 'InfluxDB', severity: 'high' }],
  [9042, { what: 'Cassandra', severity: 'high' }],
  [9200, { what: 'Elasticsearch', severity: 'high' }],
  [9300, { what: 'Elasticsearch transport', severity: 'high' }],
  [11211, { what: 'memcached', severity: 'high' }],
  [27017, { what: 'MongoDB', severity: 'high' }],
] as const);

/** firewalld service and ufw application names, lower-case, with the port they stand for. */
export const SERVICE_NAMES: ReadonlyMap<string, number> = new Map([
  ['ssh', 22],
  ['openssh', 22],
  ['telnet', 23],
  ['docker', 2375],
  ['etcd-client', 2379],
  ['etcd-server', 2380],
  ['ms-wbt', 3389],
  ['rdp', 3389],
  ['wsman', 5985],
  ['wsmans', 5986],
  ['vnc-server', 5900],
  ['kubelet', 10250],
  ['mssql', 1433],
  ['mysql', 3306],
  ['mariadb', 3306],
  ['postgresql', 5432],
  ['couchdb', 5984],
  ['redis', 6379],
  ['cassandra', 9042],
  ['elasticsearch', 9200],
  ['memcache', 11211],
  ['memcached', 11211],
  ['mongodb', 27017],
]);

/** Sources that mean every address. */
export const ANY_SOURCE = /^(0\.0\.0\.0\/0|::\/0|any|anywhere|\*|internet|0\.0\.0\.0)$/i;
