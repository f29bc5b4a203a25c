import { beforeAll, describe, expect, it } from 'vitest';
import { explainRecognition } from '../../../src/engine/detect-language.js';
import { deployedConfigFormat, formatByDestination } from '../../../src/parsers/config/formats.js';
import { columnsOf } from '../../../src/parsers/config/syntaxes/columns.js';
import { iniReader } from '../../../src/parsers/config/syntaxes/ini.js';
import { initParsers } from '../../../src/languages/parse-file.js';
import { directiveSummary, parsedConfig as parsed } from './support.js';

beforeAll(async () => {
  await initParsers();
});

describe('recognising database and cache configuration files', () => {
  it.each([
    ['roles/db/templates/my.cnf.j2', 'mysql'],
    ['roles/db/templates/root-my.cnf.j2', 'mysql'],
    ['templates/my.cnf.pass.epp', 'mysql'],
    ['roles/db/files/.my.cnf', 'mysql'],
    ['roles/db/templates/mysqld.cnf.j2', 'mysql'],
    ['roles/db/templates/50-server.cnf.j2', 'mysql'],
    ['roles/db/templates/mariadb-server.cnf.j2', 'mysql'],
    ['roles/db/templates/galera.cnf.j2', 'mysql'],
    ['roles/mysql_hardening/templates/hardening.cnf.j2', 'mysql'],
    ['cookbooks/mariadb/templates/default/tuning.cnf.erb', 'mysql'],
    ['roles/db/files/etc/my.cnf.d/replication.cnf', 'mysql'],
    ['modules/profile/files/mariadb.conf.d/60-logging.cnf', 'mysql'],
    ['roles/postgresql/templates/postgresql.conf.j2', 'postgresql'],
    ['modules/postgres/templates/conf.d/listen.conf.epp', 'postgresql'],
    ['roles/postgresql/templates/pg_hba.conf.j2', 'pg-hba'],
    ['templates/default/pg_hba.conf.erb', 'pg-hba'],
    ['roles/redis/templates/redis.conf.j2', 'redis'],
    ['roles/redis/templates/redis-6379.conf.j2', 'redis'],
    ['modules/cache/templates/valkey.conf.epp', 'redis'],
    ['roles/mongodb/templates/mongod.conf.j2', 'mongodb'],
    ['roles/mongodb/templates/mongos.conf.j2', 'mongodb'],
  ])('%s is %s', (path, format) => {
    expect(deployedConfigFormat(path)?.format).toBe(format);
  });

  it.each([
    // OpenSSL's configuration, even inside a MySQL role
    'roles/mysql/templates/openssl.cnf.j2',
    'roles/mysql/templates/ca.cnf.j2',
    'roles/web/templates/server.cnf.j2',
    'roles/web/templates/dummy.cnf.j2',
    // other files of the same roles
    'roles/mysql/templates/mysqld.service.j2',
    'roles/redis/templates/redis_exporter.conf.j2',
    'roles/mongodb/templates/mongoc.conf.j2',
    'roles/mongodb/templates/repset_init.j2',
    'roles/postgresql/templates/pg_ident.conf.j2',
    // another tool's file named for the database it watches
    'roles/collectd/templates/redis.conf.j2',
    'roles/monitoring/templates/postgresql.conf.j2',
    'modules/profile/files/supervisor/conf.d/redis.conf',
    'roles/telegraf/templates/inputs.mongodb.conf.j2',
    // not deployed: neither a template nor under templates/ or files/
    'docs/my.cnf',
    'redis.conf',
  ])('%s is not one', (path) => {
    expect(deployedConfigFormat(path)).toBeUndefined();
  });

  it('tells which language deploys them', () => {
    expect(explainRecognition('templates/default/my.cnf.erb', '').language).toBe('chef');
    expect(explainRecognition('modules/redis/templates/redis.conf.erb', '').language).toBe(
      'puppet',
    );
    expect(explainRecognition('roles/pg/templates/pg_hba.conf.j2', '').reason).toBe(
      'pg_hba.conf deployed by Ansible code',
    );
  });

  it.each([
    ['/etc/my.cnf', 'mysql'],
    ['/etc/my.cnf.d/server.cnf', 'mysql'],
    ['/etc/mysql/mariadb.conf.d/50-server.cnf', 'mysql'],
    ['/etc/mysql/mysql.conf.d/mysqld.cnf', 'mysql'],
    ['/root/.my.cnf', 'mysql'],
    ['/etc/postgresql/16/main/postgresql.conf', 'postgresql'],
    ['/etc/postgresql/16/main/conf.d/listen.conf', 'postgresql'],
    ['/var/lib/pgsql/data/pg_hba.conf', 'pg-hba'],
    ['{{ postgresql_config_path }}/pg_hba.conf', 'pg-hba'],
    ['/etc/redis/redis.conf', 'redis'],
    ['/etc/redis/6379.conf', 'redis'],
    ['/etc/redis.conf', 'redis'],
    ['/etc/mongod.conf', 'mongodb'],
  ])('what lands at %s is %s', (destination, format) => {
    expect(formatByDestination(destination)?.format).toBe(format);
  });

  it.each([
    '/etc/ssl/openssl.cnf',
    '/etc/mysql-backup.conf',
    '/etc/postgresql-common/user_clusters',
  ])('what lands at %s is none of them', (destination) => {
    expect(formatByDestination(destination)).toBeUndefined();
  });
});

describe('INI option files', () => {
  it('reads groups, options with and without spaces, bare flags and comments', () => {
    const model = parsed(
      'roles/db/templates/my.cnf.j2',
      [
        '# {{ ansible_managed }}',
        '; an old comment',
        '[client]',
        'port=3306',
        '',
        '[mysqld]',
        'bind-address = 127.0.0.1  # not 0.0.0.0',
        'skip-grant-tables',
        '  local_infile = {{ mysql_local_infile }}',
        "password = 'a#b'",
        '!includedir /etc/mysql/conf.d/',
        'not an option line',
      ].join('\n'),
      'ansible',
    );
    expect(model.config?.format).toBe('mysql');
    expect(model.config?.directives.map(directiveSummary)).toEqual([
      '4:6 port=3306 [client]',
      '7:16 bind-address=127.0.0.1 [mysqld]',
      '8:18 skip-grant-tables= [mysqld]',
      '9:18 local_infile={{ mysql_local_infile }} (dynamic) [mysqld]',
      "10:12 password='a#b' [mysqld]",
      '11:13 !includedir=/etc/mysql/conf.d/ [mysqld]',
    ]);
  });

  it('keeps a bare flag inside a condition conditional, and a group a template names', () => {
    const model = parsed(
      'roles/mysql/templates/hardening.cnf.j2',
      '[{{ mysql_group }}]\n{% if mysql_skip_grants -%}\nskip-grant-tables\n{% endif %}\n',
      'ansible',
    );
    expect(model.config?.directives.map(directiveSummary)).toEqual([
      '3:18 skip-grant-tables= (conditional) [{{ mysql_group }}]',
    ]);
  });

  it('reads Chef and Puppet interpolations as values, never as comments or names', () => {
    const chef = parsed(
      'templates/default/my.cnf.erb',
      "[mysqld]\nbind-address = <%= node['mysql']['bind'] %>\n<%= name %> = <%= value %>\n",
      'chef',
    );
    expect(chef.config?.directives.map(directiveSummary)).toEqual([
      "2:16 bind-address=#{node['mysql']['bind']} (dynamic) [mysqld]",
    ]);
    const puppet = parsed(
      'modules/mysql/templates/my.cnf.erb',
      '[mysqld]\nbind-address = <%= @bind_address %>\n',
      'puppet',
    );
    expect(puppet.config?.within).toBe('mysql');
    expect(puppet.config?.directives.map(directiveSummary)).toEqual([
      '2:16 bind-address=${bind_address} (dynamic) [mysqld]',
    ]);
  });

  it('gives a bare flag an empty value right after its name', () => {
    const reader = iniReader({});
    expect(reader.read('  skip-networking # for now')).toEqual({
      directive: { name: 'skip-networking', valueFrom: 17, valueTo: 17 },
    });
    expect(reader.read('[ mysqld ]')).toEqual({ section: 'mysqld' });
    expect(reader.read('#{x} = 1')).toEqual({});
  });
});

describe('pg_hba.conf columns', () => {
  it('names each rule by its type and gives the columns after it', () => {
    const model = parsed(
      'roles/pg/templates/pg_hba.conf.j2',
      [
        '# TYPE  DATABASE  USER  ADDRESS  METHOD',
        'local   all       postgres       peer',
        'host    all       all   10.0.0.0 255.0.0.0  trust   # legacy',
        'hostssl "my db"   app   {{ pg_app_network }}  scram-sha-256',
        '{{ item.type }} all all all trust',
      ].join('\n'),
      'ansible',
    );
    expect(model.config?.format).toBe('pg-hba');
    expect(model.config?.directives.map(directiveSummary)).toEqual([
      '2:9 local=all       postgres       peer',
      '3:9 host=all       all   10.0.0.0 255.0.0.0  trust',
      '4:9 hostssl="my db"   app   {{ pg_app_network }}  scram-sha-256 (dynamic)',
    ]);
  });

  it('keeps quoted strings and template expressions with spaces as one column', () => {
    expect(
      columnsOf('host "my db" {{ pg_user }} #{node[\'net\']} trust # x').map((c) => c.text),
    ).toEqual(['host', '"my db"', '{{ pg_user }}', "#{node['net']}", 'trust']);
  });
});

describe('postgresql.conf and redis.conf', () => {
  it('reads postgresql.conf settings with trailing comments, and Chef values after `=`', () => {
    const model = parsed(
      'templates/default/postgresql.conf.erb',
      "listen_addresses = '*'  # what IP address(es) to listen on\nport = <%= node['pg']['port'] %>\n",
      'chef',
    );
    expect(model.config?.directives.map(directiveSummary)).toEqual([
      "1:20 listen_addresses='*'",
      "2:8 port=#{node['pg']['port']} (dynamic)",
    ]);
  });

  it('reads redis.conf keywords', () => {
    const model = parsed(
      'roles/redis/templates/redis.conf.j2',
      '# bind 0.0.0.0\nbind 127.0.0.1 -::1\nprotected-mode {{ redis_protected_mode }}\n',
      'ansible',
    );
    expect(model.config?.directives.map(directiveSummary)).toEqual([
      '2:6 bind=127.0.0.1 -::1',
      '3:16 protected-mode={{ redis_protected_mode }} (dynamic)',
    ]);
  });
});

describe('mongod.conf', () => {
  it('reads YAML keys in the blocks their indentation opens', () => {
    const model = parsed(
      'roles/mongodb/templates/mongod.conf.j2',
      [
        '# mongod.conf',
        '---',
        'storage:',
        '  dbPath: /var/lib/mongodb',
        'net:',
        '  port: 27017',
        '  bindIp: {{ mongodb_bind_ip }}  # comma separated',
        '  tls:',
        '    mode: disabled',
        '  ipv6: true',
        'security:',
        '  authorization: enabled',
        'setParameter:',
        '  - not: mongod syntax, read as YAML',
        'replication: {replSetName: rs0}',
      ].join('\n'),
      'ansible',
    );
    expect(model.config?.directives.map(directiveSummary)).toEqual([
      '4:11 dbPath=/var/lib/mongodb [storage]',
      '6:9 port=27017 [net]',
      '7:11 bindIp={{ mongodb_bind_ip }} (dynamic) [net]',
      '9:11 mode=disabled [net > tls]',
      '10:9 ipv6=true [net]',
      '12:18 authorization=enabled [security]',
      '14:10 not=mongod syntax, read as YAML [setParameter]',
      '15:14 replication={replSetName: rs0}',
    ]);
  });

  it('reads the older `key = value` format that shares the name', () => {
    const model = parsed(
      'roles/mongod/templates/mongod.conf.j2',
      '# where to log\nlogpath=/var/log/mongo/mongod.log\nbind_ip = 0.0.0.0\n',
      'ansible',
    );
    expect(model.config?.directives.map(directiveSummary)).toEqual([
      '2:9 logpath=/var/log/mongo/mongod.log',
      '3:11 bind_ip=0.0.0.0',
    ]);
  });
});
