/**
 * A review analyses the head and the base side by side: one analysis can load the shell
 * grammar, on demand, while the other loads Ruby's and ERB's. The grammars load one after the
 * other, and both analyses read their files.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze.js';

describe('grammars loading for two analyses at once', () => {
  it('serves both', async () => {
    const [ansible, chef] = await Promise.all([
      analyze([
        {
          path: 'roles/web/tasks/main.yml',
          content: '- name: install\n  shell: curl -sSL https://get.example.com/i.sh | bash\n',
        },
      ]),
      analyze([
        {
          path: 'cookbooks/web/recipes/default.rb',
          content: [
            "execute 'install' do",
            "  command 'curl -sSL https://get.example.com/i.sh | sh'",
            'end',
            "template '/etc/ssh/sshd_config' do",
            "  source 'sshd_config.erb'",
            'end',
            '',
          ].join('\n'),
        },
        {
          path: 'cookbooks/web/templates/default/sshd_config.erb',
          content: 'PermitRootLogin <%= "yes" %>\nPermitEmptyPasswords yes\n',
        },
      ]),
    ]);
    expect(ansible.errors).toEqual([]);
    expect(chef.errors).toEqual([]);
    expect(ansible.findings.map((finding) => finding.ruleId)).toContain('pipe-to-shell');
    expect(chef.findings.map((finding) => finding.ruleId)).toEqual(
      expect.arrayContaining(['pipe-to-shell', 'insecure-ssh-server']),
    );
  });
});
