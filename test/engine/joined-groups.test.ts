import { describe, expect, it } from 'vitest';
import { joinGroupsNamingEachOther, namesPath } from '../../src/engine/variables/joined-groups.js';
import { independentGroups } from '../../src/engine/variables/independent-groups.js';

/** The groups of files with these texts, split by path and joined by text, as paths. */
function groupsOf(files: Record<string, string>): string[][] {
  const entries = Object.keys(files).map((path) => ({ path }));
  return joinGroupsNamingEachOther(independentGroups(entries), ({ path }) => files[path]).map(
    (group) => group.map(({ path }) => path),
  );
}

describe('joinGroupsNamingEachOther', () => {
  it("joins a play's group with the group of the vars file it names across top folders", () => {
    expect(
      groupsOf({
        'site/site.yml': '- hosts: all\n  vars_files:\n    - ../common/vars.yml\n',
        'other/tasks/main.yml': '- debug: msg=hello\n',
        'common/vars.yml': 'check_certs: false\n',
      }),
    ).toEqual([['site/site.yml', 'common/vars.yml'], ['other/tasks/main.yml']]);
  });

  it('joins groups below a folder that holds them all', () => {
    expect(
      groupsOf({
        'checkouts/a/play.yml': "- import_playbook: '../../checkouts/b/play.yml'\n",
        'checkouts/b/play.yml': '- hosts: all\n',
        'checkouts/c/play.yml': '- hosts: all\n',
      }),
    ).toEqual([['checkouts/a/play.yml', 'checkouts/b/play.yml'], ['checkouts/c/play.yml']]);
  });

  it('joins chains of groups, keeping the order of their first part', () => {
    expect(
      groupsOf({
        'a/x.yml': 'x: 1\n',
        'b/x.yml': 'include: ../c/x.yml\n',
        'c/x.yml': 'include: ../a/x.yml\n',
        'd/x.yml': 'x: 1\n',
      }),
    ).toEqual([['a/x.yml', 'b/x.yml', 'c/x.yml'], ['d/x.yml']]);
  });

  it('joins the group of a file at the top that a play names from below', () => {
    expect(
      groupsOf({
        'a/site.yml': '- hosts: all\n  vars_files: [../shared.json]\n',
        'shared.json': '{"check_certs": false}\n',
        'b/site.yml': '- hosts: all\n',
      }),
    ).toEqual([['a/site.yml', 'shared.json'], ['b/site.yml']]);
  });

  it('leaves apart the groups no text joins, and files it cannot read', () => {
    expect(
      groupsOf({
        'a/x.yml': 'path: /etc/b/x.conf\nurl: https://example.org/c/x\nhome: ~/b/x\n',
        'b/x.yml': 'x: 1\n',
        'c/x.yml': 'dynamic: "{{ playbook_dir }}/../a/x.yml"\n',
      }),
    ).toEqual([['a/x.yml'], ['b/x.yml'], ['c/x.yml']]);
    const entries = [{ path: 'a/x.yml' }, { path: 'b/x.yml' }];
    expect(joinGroupsNamingEachOther(independentGroups(entries), () => undefined)).toHaveLength(2);
  });
});

describe('namesPath', () => {
  it.each([
    ['../common/vars.yml', true],
    ['"../../common/vars.yml"', true],
    ['vars_files: [./common/vars.yml]', true],
    ['src=common/templates/x.j2', true],
    ['/etc/common/vars.yml', false],
    ['roles/common/tasks', true],
    ['../../checkouts/common/vars.yml', true],
    ['https://example.org/common/x', false],
    ['{{ playbook_dir }}/../common/x.yml', false],
    ['uncommon/vars.yml', false],
    ['common', false],
  ])('%s names common/: %s', (text, expected) => {
    expect(namesPath(text, 'common')).toBe(expected);
  });

  it.each([
    ['vars_files: [../shared.yml]', true],
    ['- shared.yml', true],
    ['../shared.yml.j2', false],
    ['/etc/shared.yml', false],
    ['unshared.yml', false],
  ])('%s names the file shared.yml: %s', (text, expected) => {
    expect(namesPath(text, 'shared.yml', true)).toBe(expected);
  });
});
