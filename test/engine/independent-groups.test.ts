import { describe, expect, it } from 'vitest';
import { analyzeGroups } from '../../src/engine/analyze.js';
import type { Finding } from '../../src/model/finding.js';
import { independentGroups } from '../../src/engine/variables/independent-groups.js';

const groupsOf = (paths: string[]) =>
  independentGroups(paths.map((path) => ({ path }))).map((group) => group.map(({ path }) => path));

describe('independentGroups', () => {
  it('splits projects under different top folders whose variables stay inside them', () => {
    expect(
      groupsOf([
        'kubespray/roles/etcd/defaults/main.yml',
        'kubespray/roles/etcd/tasks/main.yml',
        'kubespray/inventory/sample/group_vars/all.yml',
        'ops/site.yml',
        'ops/group_vars/all.yml',
        'puppet/manifests/site.pp',
      ]),
    ).toEqual([
      [
        'kubespray/roles/etcd/defaults/main.yml',
        'kubespray/roles/etcd/tasks/main.yml',
        'kubespray/inventory/sample/group_vars/all.yml',
      ],
      ['ops/site.yml', 'ops/group_vars/all.yml'],
      ['puppet/manifests/site.pp'],
    ]);
  });

  it.each([
    ['group variables at the top reach every project', 'group_vars/all.yml'],
    ['roles at the top make the top their tree', 'roles/ssh/defaults/main.yml'],
    ['Hiera data at the top reaches every module', 'data/common.yaml'],
    ['YAML at the top may be Hiera data, which would reach every module', 'common.yaml'],
    ['templates at the top belong with the code beside them', 'templates/sshd_config.erb'],
    ['a manifest at the top may declare the classes of modules elsewhere', 'manifests/site.pp'],
    ['a Puppet site/ folder may declare the classes of modules/', 'site/profile/manifests/ssh.pp'],
  ])('keeps the run whole when %s', (_, definition) => {
    const paths = ['a/roles/web/tasks/main.yml', 'b/site.yml', definition];
    expect(groupsOf(paths)).toEqual([paths]);
  });

  it('keeps the run whole when a playbook of the top project may give values to roles/', () => {
    const paths = ['roles/web/tasks/main.yml', 'b/site.yml', 'playbooks/site.yml'];
    expect(groupsOf(paths)).toEqual([paths]);
    expect(groupsOf(['web/tasks/main.yml', 'playbooks/site.yml'])).toHaveLength(2);
  });

  it('splits projects below the folder that holds them all, wherever the scan started', () => {
    const under = (paths: string[]) => paths.map((path) => `work/checkouts/${path}`);
    const projects = [
      'kubespray/roles/etcd/defaults/main.yml',
      'kubespray/inventory/sample/group_vars/all.yml',
      'ops/site.yml',
      'ops/group_vars/all.yml',
    ];
    expect(groupsOf(under(projects))).toEqual(groupsOf(projects).map(under));
    expect(groupsOf(under(projects))).toHaveLength(2);
  });

  it.each([
    ['group variables at the top', 'group_vars/all.yml'],
    ['templates at the top', 'templates/sshd_config.erb'],
    ['a manifest at the top', 'manifests/site.pp'],
  ])('keeps a run whole below a shared folder with %s', (_, definition) => {
    const paths = ['a/roles/web/tasks/main.yml', 'b/site.yml', definition].map(
      (path) => `work/checkouts/${path}`,
    );
    expect(groupsOf(paths)).toEqual([paths]);
  });

  it('keeps the roles of one project together when the scan names its roles/ folder', () => {
    // The roles' tree is the project above roles/: a role's dependencies reach its siblings.
    const paths = [
      'roles/web/meta/main.yml',
      'roles/web/tasks/main.yml',
      'roles/db/tasks/main.yml',
    ];
    expect(groupsOf(paths)).toEqual([paths]);
  });

  it('gives no group for no files', () => {
    expect(groupsOf([])).toEqual([]);
  });
});

describe('analyzeGroups', () => {
  it("reports each group's findings as it is analysed, and all of them sorted at the end", async () => {
    const insecure = (path: string) => ({
      path,
      content:
        '- name: fetch\n  get_url:\n    url: https://example.org/x\n    dest: /tmp/x\n    validate_certs: false\n',
    });
    const heard: string[][] = [];
    const result = await analyzeGroups(
      [[insecure('b/tasks/main.yml')], [insecure('a/tasks/main.yml')]],
      {},
      (findings: readonly Finding[]) => heard.push([...new Set(findings.map((f) => f.path))]),
    );
    expect(heard).toEqual([['b/tasks/main.yml'], ['a/tasks/main.yml']]);
    const paths = result.findings.map((finding) => finding.path);
    expect(paths.indexOf('a/tasks/main.yml')).toBeLessThan(paths.indexOf('b/tasks/main.yml'));
  });
});
