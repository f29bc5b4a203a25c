import { describe, expect, it } from 'vitest';
import {
  joinGroupsNamingEachOther,
  relativePathsIn,
} from '../../src/engine/variables/joined-groups.js';
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

  it("joins the group a path written from the playbook's folder leads into", () => {
    expect(
      groupsOf({
        'a/vars.yml': 'check_certs: false\n',
        'b/site.yml': '- hosts: all\n  vars_files: ["{{ playbook_dir }}/../a/vars.yml"]\n',
        'c/x.yml': 'x: 1\n',
      }),
    ).toEqual([['a/vars.yml', 'b/site.yml'], ['c/x.yml']]);
  });

  it('leaves apart the groups no text joins, and files it cannot read', () => {
    expect(
      groupsOf({
        'a/x.yml': 'path: /etc/b/x.conf\nurl: https://example.org/c/x\nhome: ~/b/x\n',
        'b/x.yml': 'x: 1\n',
        'c/x.yml': 'script: "${HOME}/b/x.sh"\n',
      }),
    ).toEqual([['a/x.yml'], ['b/x.yml'], ['c/x.yml']]);
    const entries = [{ path: 'a/x.yml' }, { path: 'b/x.yml' }];
    expect(joinGroupsNamingEachOther(independentGroups(entries), () => undefined)).toHaveLength(2);
  });

  it('reads ahead no template, deployed file or file no language reads: they name nothing followed', () => {
    const asked: string[] = [];
    const entries = [
      { path: 'a/roles/web/templates/site.conf.j2' },
      { path: 'a/spec/classes/web_spec.rb' },
      { path: 'b/x.yml' },
    ];
    const groups = joinGroupsNamingEachOther(independentGroups(entries), ({ path }) => {
      asked.push(path);
      return '{% include "../../../../b/x.yml" %}';
    });
    expect(groups).toHaveLength(2);
    expect(asked).toEqual(['b/x.yml']);
  });
});

describe('relativePathsIn', () => {
  it.each([
    ['vars_files: [../common/vars.yml]', ['../common/vars.yml']],
    ['- "../../common/vars.yml"\n- ./common/x', ['../../common/vars.yml', './common/x']],
    ['src=common/templates/x.j2 dest=/etc/x', ['common/templates/x.j2']],
    ['path: /etc/common/vars.yml', []],
    ['home: ~/common/x', []],
    ['url: https://example.org/common/x', []],
    ['file: "{{ playbook_dir }}/../common/x.yml"', ['../common/x.yml']],
    ['src: "{{ role_path }}/templates/x.j2"', ['templates/x.j2']],
    ['script: ${HOME}/common/x', []],
    ['a plain sentence, and a/b', ['a/b']],
  ])('%s', (text, expected) => {
    expect([...relativePathsIn(text)]).toEqual(expected);
  });

  it('reads a long line without a slash in linear time', () => {
    const line = `${'a'.repeat(2_000_000)}/common/x`;
    expect([...relativePathsIn(line)]).toHaveLength(1);
  });
});
