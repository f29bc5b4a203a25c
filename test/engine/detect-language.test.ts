import { describe, expect, it } from 'vitest';
import { detectLanguage, mayBeAnalysed } from '../../src/engine/detect-language.js';

describe('language detection', () => {
  it.each([
    ['roles/web/tasks/main.yml', '- ping:\n'],
    ['roles/web/handlers/main.yaml', '- name: restart\n  service: name=x state=restarted\n'],
    ['group_vars/all.yml', 'x: 1\n'],
    ['host_vars/db1.yml', 'x: 1\n'],
    ['inventory/prod.yml', 'all:\n  hosts: {}\n'],
    ['site.yml', '- hosts: all\n'],
    ['deploy/app.yml', '- hosts: all\n  tasks: []\n'],
    ['ops/upgrade.yml', '- name: Upgrade\n  apt:\n    upgrade: dist\n  become: true\n'],
  ])('recognises %s as Ansible', (path, content) => {
    expect(detectLanguage(path, content)).toBe('ansible');
  });

  it.each([
    ['.github/workflows/ci.yml', 'on: push\n'],
    ['docker-compose.yml', 'services: {}\n'],
    ['k8s/deployment.yml', 'apiVersion: apps/v1\nkind: Deployment\n'],
    ['roles/web/templates/deploy.yml', 'apiVersion: v1\n'],
    ['config/app.yml', 'port: 8080\n'],
    ['.security.yml', 'rules: {}\n'],
    ['README.md', '- hosts: all\n'],
  ])('leaves %s alone', (path, content) => {
    expect(detectLanguage(path, content)).toBeUndefined();
  });

  it('lets the caller force a language', () => {
    expect(detectLanguage('whatever.yml', 'x: 1\n', 'ansible')).toBe('ansible');
  });

  it('selects changed files worth fetching by path alone', () => {
    expect(mayBeAnalysed('roles/x/tasks/main.yml')).toBe(true);
    expect(mayBeAnalysed('src/app.ts')).toBe(false);
    expect(mayBeAnalysed('.github/workflows/ci.yaml')).toBe(false);
  });
});

describe('Puppet and Chef detection', () => {
  it.each([
    ['manifests/init.pp', 'class x {}', 'puppet'],
    ['site/profile/manifests/base.pp', '', 'puppet'],
    ['data/common.yaml', 'profile::base::ntp_servers: []\n', 'puppet'],
    ['hieradata/nodes/web1.yml', 'x: 1\n', 'puppet'],
    ['cookbooks/app/recipes/default.rb', "package 'nginx'\n", 'chef'],
    ['attributes/default.rb', "default['app']['port'] = 80\n", 'chef'],
    ['metadata.rb', "name 'app'\n", 'chef'],
  ])('recognises %s', (path, content, language) => {
    expect(detectLanguage(path, content)).toBe(language);
  });

  it.each([
    ['lib/puppet/type/thing.rb', 'Puppet::Type.newtype(:thing) do\nend\n'],
    ['spec/unit/recipes/default_spec.rb', "describe 'app::default' do\nend\n"],
    ['Rakefile.rb', 'task :default\n'],
    ['data/export.yml', 'rows: []\n'],
  ])('leaves %s alone', (path, content) => {
    expect(detectLanguage(path, content)).toBeUndefined();
  });
});
