import { beforeAll, describe, expect, it } from 'vitest';
import { explainRecognition } from '../../../src/engine/detect-language.js';
import { deployedConfigFormat, formatByDestination } from '../../../src/parsers/config/formats.js';
import { initParsers } from '../../../src/languages/parse-file.js';
import { directiveSummary, parsedConfig as parsed } from './support.js';

beforeAll(async () => {
  await initParsers();
});

describe('recognising Compose files', () => {
  it.each([
    'roles/app/files/docker-compose.yml',
    'roles/app/templates/docker-compose.yml.j2',
    'roles/app/templates/docker-compose.prod.yaml.j2',
    'roles/app/files/compose.yaml',
    'modules/app/templates/docker-compose.yml.epp',
    'cookbooks/app/templates/default/docker-compose.yml.erb',
  ])('%s is one', (path) => {
    expect(deployedConfigFormat(path)?.format).toBe('compose');
  });

  it.each([
    // the repository's own, which nothing deploys
    'docker-compose.yml',
    'test/docker-compose.yml',
    // other files of a role that deploys one
    'roles/app/templates/app.env.j2',
    'roles/app/files/composer.json',
  ])('%s is not one', (path) => {
    expect(deployedConfigFormat(path)?.format).not.toBe('compose');
  });

  it('reads one a task deploys under another name by its destination', () => {
    expect(formatByDestination('/opt/app/docker-compose.yml')?.format).toBe('compose');
    expect(formatByDestination('/srv/stack/compose.yaml')?.format).toBe('compose');
    expect(formatByDestination('/opt/app/app.yml')).toBeUndefined();
  });

  it('tells which language deploys one', () => {
    expect(explainRecognition('roles/app/files/docker-compose.yml', '').reason).toBe(
      'Docker Compose deployed by Ansible code',
    );
  });
});

describe('Compose services, read line by line', () => {
  it('reads list items as settings of their key, in the service they belong to', () => {
    const model = parsed(
      'roles/app/templates/docker-compose.yml.j2',
      [
        'services:',
        '  web:',
        '    image: "example/web:{{ web_version }}"',
        '    cap_add: [NET_ADMIN]',
        '    volumes:',
        '      - /var/run/docker.sock:/var/run/docker.sock',
        '      - "data:/data"  # named',
        '    security_opt:',
        '    - seccomp:unconfined',
        '    ports:',
        '      - target: 80',
        '        published: 8080',
        '  worker-{{ name }}:',
        '    pid: host',
      ].join('\n'),
      'ansible',
    );
    expect(model.config?.directives.map(directiveSummary)).toEqual([
      '3:12 image="example/web:{{ web_version }}" (dynamic) [services > web]',
      '4:14 cap_add=[NET_ADMIN] [services > web]',
      '6:9 volumes=/var/run/docker.sock:/var/run/docker.sock [services > web]',
      '7:9 volumes="data:/data" [services > web]',
      '9:7 security_opt=seccomp:unconfined [services > web]',
      '11:17 target=80 [services > web > ports]',
      '12:20 published=8080 [services > web > ports]',
      '14:10 pid=host [services > worker-{{ name }}]',
    ]);
  });

  it('leaves an item out when no key opened the list', () => {
    const model = parsed('roles/app/files/docker-compose.yml', '- a\n- b\n', 'ansible');
    expect(model.config?.directives).toEqual([]);
  });
});
