import { beforeAll, describe, expect, it } from 'vitest';
import { deployedConfigFormat, formatByDestination } from '../../../src/parsers/config/formats.js';
import { SYNTAXES } from '../../../src/parsers/config/syntaxes/index.js';
import type { LineReading } from '../../../src/parsers/config/syntaxes/syntax.js';
import { initParsers } from '../../../src/languages/parse-file.js';
import { directiveSummaryWithEnd, parsedConfig as parsed } from './support.js';

beforeAll(async () => {
  await initParsers();
});

/** Each line's reading, in order, by one reader. */
function readings(syntax: 'braces' | 'tags', lines: readonly string[]): LineReading[] {
  const reader = SYNTAXES[syntax]({});
  return lines.map((line) => reader.read(line));
}

describe('recognising web, proxy and mail server files', () => {
  it.each([
    ['roles/web/templates/nginx.conf.j2', 'nginx'],
    ['roles/lb/templates/loadbalancer/nginx.conf.j2', 'nginx'],
    ['roles/web/templates/site.nginx.conf.j2', 'nginx'],
    ['roles/monitoring/templates/nginx.conf.j2', 'nginx'],
    ['roles/web/files/nginx-proxy.conf', 'nginx'],
    ['roles/nginx/templates/default.conf.j2', 'nginx'],
    ['roles/nginx_hardening/templates/hardening.conf.j2', 'nginx'],
    ['roles/nginx/templates/vhost.j2', 'nginx'],
    ['roles/web/templates/etc/nginx/sites-available/default.j2', 'nginx'],
    ['puppet-nginx/templates/server/server_ssl_settings.erb', 'nginx'],
    ['modules/nginx/templates/server/locations/proxy.erb', 'nginx'],
    ['cookbooks/nginx/templates/default/site-template.erb', 'nginx'],
    ['roles/web/templates/httpd.conf.j2', 'apache'],
    ['roles/web/templates/apache2.conf.j2', 'apache'],
    ['roles/web/files/httpd-ssl.conf', 'apache'],
    ['roles/apache/templates/vhost.conf.j2', 'apache'],
    ['roles/httpd/templates/conf.d/ssl.conf.j2', 'apache'],
    ['chef-apache2/templates/mods/ssl.conf.erb', 'apache'],
    ['chef-apache2/templates/mods/auth_cas.load.erb', 'apache'],
    ['puppetlabs-apache/templates/vhost/_ssl.erb', 'apache'],
    ['roles/lb/templates/haproxy.cfg.j2', 'haproxy'],
    ['roles/lb/templates/haproxy-internal.cfg.j2', 'haproxy'],
    ['cookbooks/haproxy/templates/default/frontends.cfg.erb', 'haproxy'],
    ['roles/mail/templates/main.cf.j2', 'postfix'],
    ['modules/postfix/files/main.cf', 'postfix'],
  ])('%s is %s', (path, format) => {
    expect(deployedConfigFormat(path)?.format).toBe(format);
  });

  it.each([
    // another tool's file named for the server
    'roles/collectd/templates/nginx.conf.j2',
    'roles/fail2ban/files/filter.d/nginx-http-auth.conf',
    'roles/nginx/templates/logrotate.conf.j2',
    'roles/nginx/templates/systemd/override.conf.j2',
    'roles/prometheus_nginx_exporter/templates/nginx_exporter.conf.j2',
    'roles/nginx/templates/php-fpm.conf.j2',
    // not nginx's or Apache's though in their roles
    'roles/nginx/templates/nginx.repo.j2',
    'chef-nginx/templates/default/plugins/ohai-nginx.rb.erb',
    'chef-apache2/templates/a2enmod.erb',
    'chef-apache2/templates/envvars.erb',
    'puppetlabs-apache/templates/mod/jk/workers.properties.epp',
    'roles/apache_kafka/templates/server.conf.j2',
    'roles/lighttpd/templates/lighttpd.conf.j2',
    // a project of several roles is not the daemon's folder
    'lamp_haproxy/roles/nagios/templates/webservers.cfg.j2',
    'wordpress-nginx/roles/common/templates/ntp.conf.j2',
    // sites-available belongs to nginx only inside an nginx path
    'roles/web/templates/sites-available/default.j2',
    'roles/mail/templates/master.cf.j2',
    'docs/nginx.conf',
  ])('%s is none of them', (path) => {
    expect(deployedConfigFormat(path)?.format ?? 'none').not.toMatch(
      /^(nginx|apache|haproxy|postfix)$/,
    );
  });

  it.each([
    ['/etc/nginx/nginx.conf', 'nginx'],
    ['/etc/nginx/sites-enabled/default', 'nginx'],
    ['/etc/httpd/conf.d/ssl.conf', 'apache'],
    ['/etc/apache2/sites-available/000-default.conf', 'apache'],
    ['/etc/haproxy/haproxy.cfg', 'haproxy'],
    ['/etc/postfix/main.cf', 'postfix'],
  ])('a line written to %s lands in %s', (destination, format) => {
    expect(formatByDestination(destination)?.format).toBe(format);
  });

  it('does not take other files under /etc/nginx or /etc/postfix for them', () => {
    expect(formatByDestination('/etc/nginx/.htpasswd')).toBeUndefined();
    expect(formatByDestination('/etc/postfix/master.cf')).toBeUndefined();
  });
});

describe('the braces reader (nginx)', () => {
  it('reads directives without their `;`, with the path of blocks they are in', () => {
    const model = parsed(
      'roles/web/templates/nginx.conf.j2',
      [
        '# {{ ansible_managed }}',
        'worker_processes auto;',
        'http {',
        '    ssl_protocols TLSv1.2 TLSv1.3;   # modern only',
        '    server {',
        '        listen 443 ssl;',
        '        location / {',
        '            proxy_pass http://app;',
        '        }',
        "        ssl_ciphers 'HIGH:!aNULL';",
        '    }',
        '}',
        'events { worker_connections 512; }',
      ].join('\n'),
      'ansible',
    );
    expect(model.config?.format).toBe('nginx');
    expect(model.config?.directives.map(directiveSummaryWithEnd)).toEqual([
      '2:18-22 worker_processes=auto',
      '4:19-34 ssl_protocols=TLSv1.2 TLSv1.3 [http]',
      '6:16-23 listen=443 ssl [http > server]',
      '8:24-34 proxy_pass=http://app [http > server > location /]',
      "10:21-34 ssl_ciphers='HIGH:!aNULL' [http > server]",
      '13:29-32 worker_connections=512 [events]',
    ]);
  });

  it('does not open or close blocks on braces inside strings and interpolations', () => {
    const model = parsed(
      'modules/nginx/templates/server/server_ssl_settings.erb',
      [
        'server {',
        '  ssl_protocols <%= @ssl_protocols %>;',
        '  add_header X-Frame "{ not a block }";',
        '  set $x "${host}";',
        '}',
        'ssl_ciphers <%= @ciphers %>;',
      ].join('\n'),
      'puppet',
    );
    expect(model.config?.directives.map(directiveSummaryWithEnd)).toEqual([
      '2:17-38 ssl_protocols=${ssl_protocols} (dynamic) [server]',
      '3:14-39 add_header=X-Frame "{ not a block }" [server]',
      '4:7-19 set=$x "${host}" [server]',
      '6:13-28 ssl_ciphers=${ciphers} (dynamic)',
    ]);
  });

  it('keeps a block opened on one line for the next, and closes a one-line block', () => {
    const lines = ['server', '{', 'location /a { autoindex on; }', 'listen 80;', '}', 'user www;'];
    expect(readings('braces', lines)).toEqual([
      {},
      { section: 'server' },
      {
        directive: { name: 'autoindex', valueFrom: 24, valueTo: 26 },
        section: 'server > location /a',
      },
      { directive: { name: 'listen', valueFrom: 7, valueTo: 9 }, section: 'server' },
      { section: null },
      { directive: { name: 'user', valueFrom: 5, valueTo: 8 } },
    ]);
  });

  it('skips comments, a `#` inside a word, and lines that are not directives', () => {
    const lines = [
      '# ssl_protocols TLSv1;',
      '    #ssl_protocols TLSv1;',
      'return 301 https://$host#top;',
      "'$status $body_bytes_sent';",
      '}',
    ];
    expect(readings('braces', lines)).toEqual([
      {},
      {},
      { directive: { name: 'return', valueFrom: 7, valueTo: 28 } },
      {},
      {},
    ]);
  });
});

describe('the tags reader (Apache httpd)', () => {
  it('reads directives inside nested sections', () => {
    const model = parsed(
      'templates/default/httpd.conf.erb',
      [
        'ServerTokens Prod',
        '<VirtualHost *:443>',
        "  SSLProtocol <%= node['apache']['ssl_protocol'] %>",
        '  <Directory "/var/www">',
        '    Options -Indexes',
        '  </Directory>',
        '  # SSLProtocol all',
        '  SSLCipherSuite "HIGH:!aNULL"',
        '</VirtualHost>',
        'TraceEnable Off',
      ].join('\n'),
      'chef',
    );
    expect(model.config?.format).toBe('apache');
    expect(model.config?.directives.map(directiveSummaryWithEnd)).toEqual([
      '1:14-18 ServerTokens=Prod',
      "3:15-52 SSLProtocol=#{node['apache']['ssl_protocol']} (dynamic) [VirtualHost *:443]",
      '5:13-21 Options=-Indexes [VirtualHost *:443 > Directory "/var/www"]',
      '8:18-31 SSLCipherSuite="HIGH:!aNULL" [VirtualHost *:443]',
      '10:13-16 TraceEnable=Off',
    ]);
  });

  it('leaves out a directive continued on the next line, and closes what a fragment opened', () => {
    const lines = [
      'SSLCipherSuite ECDHE-RSA-AES128-GCM-SHA256:\\',
      '    RC4-SHA',
      '</VirtualHost>',
      '<IfModule mod_ssl.c>',
      'SSLProtocol TLSv1.2',
      '</IfModule>',
    ];
    expect(readings('tags', lines)).toEqual([
      {},
      {},
      { section: null },
      { section: 'IfModule mod_ssl.c' },
      { directive: { name: 'SSLProtocol', valueFrom: 12, valueTo: 19 } },
      { section: null },
    ]);
  });
});

describe('HAProxy and Postfix', () => {
  it('reads HAProxy sections, those without a name included', () => {
    const model = parsed(
      'roles/lb/templates/haproxy.cfg.j2',
      [
        'global',
        '    ssl-default-bind-options ssl-min-ver TLSv1.2',
        'defaults',
        '    mode http',
        'frontend https-in',
        '    bind :443 ssl crt /etc/haproxy/site.pem',
      ].join('\n'),
      'ansible',
    );
    expect(model.config?.directives.map(directiveSummaryWithEnd)).toEqual([
      '2:30-49 ssl-default-bind-options=ssl-min-ver TLSv1.2 [global]',
      '4:10-14 mode=http [defaults]',
      '6:10-44 bind=:443 ssl crt /etc/haproxy/site.pem [frontend https-in]',
    ]);
  });

  it('reads Postfix main.cf as `key = value`', () => {
    const model = parsed(
      'modules/postfix/templates/main.cf.epp',
      '# TLS\nsmtpd_tls_mandatory_protocols = !SSLv2, !SSLv3\nsmtpd_tls_ciphers = <%= $ciphers %>\n',
      'puppet',
    );
    expect(model.config?.format).toBe('postfix');
    expect(model.config?.directives.map(directiveSummaryWithEnd)).toEqual([
      '2:33-47 smtpd_tls_mandatory_protocols=!SSLv2, !SSLv3',
      '3:21-36 smtpd_tls_ciphers=${ciphers} (dynamic)',
    ]);
  });
});
