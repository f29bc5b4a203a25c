import type { FormatSpec } from '../format-spec.js';

/**
 * Paths that belong to another tool even when they name a web server: log rotation, fail2ban
 * filters and jails, process supervisors, metrics and log shippers, PHP-FPM pools, systemd
 * drop-ins. `fail2ban/filter.d/nginx-http-auth.conf` is not nginx's.
 */
const OTHER_TOOL =
  '(?!.*(?:^|[/._-])(?:logrotate|fail2ban|jail\\.d|filter\\.d|supervisord?|rsyslog|syslog|systemd|exporter|telegraf|collectd|filebeat|logstash|fluentd?|td-agent|monit|fpm|pool)(?:[/._-]|$))';

/**
 * A role, module or cookbook named for the daemon, alone or as a word of its name (`nginx`,
 * `puppet-nginx`, `lb-nginx`, `nginx_hardening`), down to its `templates/` or `files/`; or a
 * folder named so inside them (`templates/etc/nginx/`). Not a project that holds roles for
 * other things too (`lamp_haproxy/roles/nagios/`).
 */
function daemonFolder(names: string): string {
  const folder = `[^/]*(?<![a-z0-9])(?:${names})(?![a-z0-9])[^/]*`;
  return `(?:(?:^|/)${folder}/(?:templates|files)/|(?:^|/)(?:templates|files)/(?:[^/]+/)*${folder}/)`;
}

/** Projects of the Apache foundation that are not the web server (`apache-kafka`, `apache_tomcat`). */
const NOT_HTTPD =
  '(?![-_.]?(?:tomcat|kafka|zookeeper|spark|hadoop|cassandra|solr|airflow|nifi|storm|flink|hive|hbase|activemq|artemis|superset|maven|druid|pulsar|ignite|couchdb|drill|guacamole|jmeter|ant\\b))';

const NGINX_FOLDER = daemonFolder('nginx');
const APACHE_FOLDER = daemonFolder(`(?:apache2?|httpd)${NOT_HTTPD}`);
const HAPROXY_FOLDER = daemonFolder('haproxy');

/** Folders of nginx whose files carry no extension: sites, and the parts of a server block. */
const NGINX_PARTS =
  '(?:conf\\.d|sites-available|sites-enabled|streams-available|streams-enabled|snippets?|server|locations?|upstreams?|mailhost|streamhost|vhosts?)';
/** Folders of Apache httpd whose files carry no extension: virtual hosts, modules, `conf.d`. */
const APACHE_PARTS =
  '(?:vhosts?|mods?|mods-available|mods-enabled|sites-available|sites-enabled|conf-available|conf-enabled|conf\\.d|confd|conf\\.modules\\.d)';

function anyOf(...paths: string[]): RegExp {
  return new RegExp(`^${OTHER_TOOL}.*(?:${paths.join('|')})$`, 'i');
}

/**
 * Web servers are recognised by path alone, so that another tool's file named for one
 * (`collectd/templates/nginx.conf.j2`) is not taken for it.
 */
const BY_PATH_ONLY = /(?!)/;

/** Web servers, proxies and mail servers: where TLS is configured. */
export const WEB_FORMATS: readonly FormatSpec[] = [
  {
    format: 'nginx',
    label: 'nginx',
    syntax: 'braces',
    files: '`nginx.conf`, `*nginx*.conf`, site files in an nginx role or folder',
    checks:
      'weak TLS protocols and ciphers (`weak-crypto`); `server_tokens`, `autoindex` (`web-server-information-leak`)',
    name: BY_PATH_ONLY,
    path: anyOf(
      // nginx.conf, nginx-proxy.conf, site.nginx.conf
      `(?:^|/)[^/]*(?<![a-z0-9])nginx(?![a-z0-9])[^/]*\\.conf`,
      // any `.conf` inside an nginx role, module, cookbook or folder
      `${NGINX_FOLDER}(?:[^/]+/)*[^/]+\\.conf`,
      // sites and server block parts, which have no extension
      `${NGINX_FOLDER}(?:[^/]+/)*${NGINX_PARTS}/[^/.]+`,
      // a site template at the top of the role or cookbook: `vhost`, `default-site`
      `${NGINX_FOLDER}(?:default/)?[^/.]*(?:site|vhost|server)[^/.]*`,
    ),
    destination:
      /^\/(usr\/local\/)?etc\/nginx\/([^/]+\/)*[^/]+\.conf$|^\/(usr\/local\/)?etc\/nginx\/(sites|streams)-(available|enabled)\/[^/]+$/,
  },
  {
    format: 'apache',
    label: 'Apache httpd',
    syntax: 'tags',
    files: '`httpd.conf`, `apache2.conf`, `*.conf` and site files in an Apache role or folder',
    checks:
      'weak `SSLProtocol` and `SSLCipherSuite` (`weak-crypto`); `ServerTokens`, `ServerSignature`, `TraceEnable` (`web-server-information-leak`)',
    name: BY_PATH_ONLY,
    path: anyOf(
      // httpd.conf, apache2.conf, httpd-ssl.conf, apache2-site.conf, but not lighttpd.conf
      `(?:^|/)[^/]*(?<![a-z0-9])(?:httpd|apache2?)${NOT_HTTPD}(?![a-z0-9])[^/]*\\.conf`,
      // `.conf` and module `.load` files inside an Apache role, module, cookbook or folder
      `${APACHE_FOLDER}(?:[^/]+/)*[^/]+\\.(?:conf|load)`,
      // virtual host and module parts, which have no extension
      `${APACHE_FOLDER}(?:[^/]+/)*${APACHE_PARTS}/[^/.]+`,
    ),
    destination:
      /^\/etc\/(httpd|apache2)\/([^/]+\/)*[^/]+\.(conf|load)$|^\/etc\/apache2\/(sites|conf|mods)-(available|enabled)\/[^/]+$/,
  },
  {
    format: 'haproxy',
    label: 'HAProxy',
    syntax: 'keyword',
    files: '`haproxy.cfg`, `*.cfg` in a HAProxy role or folder',
    checks: 'weak TLS versions and ciphers (`weak-crypto`)',
    sections: [
      'global',
      'defaults',
      'frontend',
      'backend',
      'listen',
      'peers',
      'resolvers',
      'userlist',
      'mailers',
      'program',
      'http-errors',
      'ring',
      'cache',
    ],
    name: BY_PATH_ONLY,
    path: anyOf(
      // haproxy.cfg, haproxy-internal.cfg
      `(?:^|/)[^/]*(?<![a-z0-9])haproxy(?![a-z0-9])[^/]*\\.cfg`,
      // any `.cfg` inside a HAProxy role, module, cookbook or folder
      `${HAPROXY_FOLDER}(?:[^/]+/)*[^/]+\\.cfg`,
    ),
    destination: /^\/(usr\/local\/)?etc\/haproxy\/([^/]+\/)*[^/]+\.cfg$/,
  },
  {
    format: 'postfix',
    label: 'Postfix main.cf',
    syntax: 'key-equals',
    files: '`main.cf`',
    checks: 'weak TLS protocols and cipher grades (`weak-crypto`)',
    name: /^([\w-]+[._-])?main\.cf$/i,
    destination: /^\/(usr\/local\/)?etc\/postfix\/main\.cf$/,
  },
];
