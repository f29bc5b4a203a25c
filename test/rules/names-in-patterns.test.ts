/**
 * Names read from files that end up inside regular expressions: a loop variable, a cookbook's
 * folder. They are matched as written; as pattern syntax they failed to compile (an internal
 * error for the file) or could backtrack without end.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze.js';
import { chefReach } from '../../src/languages/chef/reach.js';

describe('names from files inside regular expressions', () => {
  it.each(['(', '(a+)+$', 'item.*'])(
    'secret-logged reads a loop_var of %j as a name',
    async (loopVar) => {
      const content = [
        '- name: create users',
        '  ansible.builtin.user:',
        '    name: "{{ item.name }}"',
        '    password: "{{ item.password }}"',
        '  loop: "{{ users }}"',
        '  loop_control:',
        `    loop_var: ${JSON.stringify(loopVar)}`,
        '',
      ].join('\n');
      const result = await analyze([{ path: 'roles/users/tasks/main.yml', content }]);
      expect(result.errors).toEqual([]);
    },
  );

  it('still finds the secret a loop variable with a plain name reads', async () => {
    const content = [
      '- name: create users',
      '  ansible.builtin.user:',
      '    name: "{{ account.name }}"',
      '    password: "{{ account.password }}"',
      '  loop: "{{ users }}"',
      '  loop_control:',
      '    loop_var: account',
      '',
    ].join('\n');
    const result = await analyze([{ path: 'roles/users/tasks/main.yml', content }]);
    expect(result.findings.map((finding) => finding.ruleId)).toContain('secret-logged');
  });

  it('finds the roles that run a cookbook whose folder is named c++', () => {
    const texts = new Map([
      ['roles/web.json', '{"run_list": ["recipe[c++::default]"]}'],
      ['roles/db.json', '{"run_list": ["recipe[cxx::default]"]}'],
    ]);
    const reach = chefReach('cookbooks/c++/recipes/default.rb', undefined, {
      changed: [],
      models: new Map(),
      texts,
    });
    expect(reach.reaches).toEqual(['role `web` (roles/web.json)']);
  });
});
