/**
 * A finding on a value set in another file quotes the value as that file writes it, so that the
 * review comment reads like the line it sits on.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze.js';
import { ruleById } from '../../../src/rules/index.js';
import type { Rule } from '../../../src/rules/rule.js';

const rule = ruleById('insecure-ssh-server') as Rule;

/** `path:line quoted` for each finding, the quoted value being the message's first code span. */
async function quoted(files: Record<string, string>): Promise<string[]> {
  const result = await analyze(
    Object.entries(files).map(([path, content]) => ({ path, content })),
    { rules: [rule] },
  );
  expect(result.errors).toEqual([]);
  return result.findings.map(
    (finding) => `${finding.path}:${finding.range.line} ${/^`([^`]+)`/.exec(finding.message)?.[1]}`,
  );
}

const CHEF_TEMPLATE = {
  'cookbooks/ssh/recipes/default.rb':
    "template '/etc/ssh/sshd_config' do\n  source 'sshd_config.erb'\n  verify '/usr/sbin/sshd -t -f %{path}'\nend\n",
  'cookbooks/ssh/templates/default/sshd_config.erb':
    "PermitRootLogin <%= node['ssh']['permit_root_login'] %>\n",
};

describe('the value a finding quotes', () => {
  it("is a Chef role's JSON key or Ruby hash entry", async () => {
    expect(
      await quoted({
        ...CHEF_TEMPLATE,
        'roles/web.json':
          '{\n  "default_attributes": {\n    "ssh": { "permit_root_login": "yes" }\n  },\n  "run_list": ["recipe[ssh]"]\n}\n',
        'roles/db.rb':
          "name 'db'\nrun_list 'recipe[ssh]'\noverride_attributes('ssh' => { 'permit_root_login' => 'yes' })\n",
      }),
    ).toEqual([
      "roles/db.rb:3 'permit_root_login' => 'yes'",
      'roles/web.json:3 "permit_root_login": "yes"',
    ]);
  });

  it("is a template resource's variables, a Jinja2 set, an epp() hash entry", async () => {
    expect(
      await quoted({
        'cookbooks/app/recipes/default.rb':
          "template '/etc/ssh/sshd_config' do\n  source 'sshd_config.erb'\n  verify '/usr/sbin/sshd -t -f %{path}'\n  variables(root: 'yes')\nend\n",
        'cookbooks/app/templates/default/sshd_config.erb': 'PermitRootLogin <%= @root %>\n',
        'roles/web/templates/sshd_config.j2':
          "{% set root = 'yes' %}\nPermitRootLogin {{ root }}\n",
        'modules/ssh/manifests/init.pp':
          "class ssh {\n  file { '/etc/ssh/sshd_config':\n    content      => epp('ssh/sshd_config.epp', { 'root' => 'yes' }),\n    validate_cmd => '/usr/sbin/sshd -t -f %',\n  }\n}\n",
        'modules/ssh/templates/sshd_config.epp':
          '<%- | String $root | -%>\nPermitRootLogin <%= $root %>\n',
      }),
    ).toEqual([
      "cookbooks/app/recipes/default.rb:4 variables(root: 'yes')",
      "modules/ssh/manifests/init.pp:3 'root' => 'yes'",
      "roles/web/templates/sshd_config.j2:1 {% set root = 'yes' %}",
    ]);
  });
});
