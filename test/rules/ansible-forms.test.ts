/**
 * Ansible forms that apply a setting one of Posture's rules exists to catch, written in ordinary,
 * documented Ansible syntax, each once missed: a task that loops over service names, an ssh
 * option joined to `-o`, a literal inside Jinja2, a wrapper in front of a command, a setting
 * given through the environment. Each test scans one small project with the built-in rules and
 * expects the one finding the rule should give.
 */
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/json.js';
import { runCaptured } from '../cli/support/run-captured.js';
import { tempTree } from '../cli/support/temp-tree.js';

interface Expected {
  ruleId: string;
  path: string;
  line: number;
}

async function findingsOf(files: Record<string, string>, ruleId: string) {
  const root = await tempTree(files);
  const run = await runCaptured(
    ['scan', '--format', 'json', '--fail-on', 'none', '--rule', ruleId],
    root,
  );
  const report = JSON.parse(run.stdout) as JsonReport;
  expect(report.errors).toEqual([]);
  return report.findings.map(({ ruleId: id, path, line }) => ({ ruleId: id, path, line }));
}

async function expectFinding(files: Record<string, string>, expected: Expected) {
  expect(await findingsOf(files, expected.ruleId)).toContainEqual(expected);
}

const lines = (...text: string[]) => `${text.join('\n')}\n`;

describe('tls-verification-disabled', () => {
  it('git_config sets http.sslVerify to false', async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - community.general.git_config:',
          '        name: http.sslVerify',
          '        value: "false"',
          '        scope: global',
        ),
      },
      { ruleId: 'tls-verification-disabled', path: 'site.yml', line: 5 },
    );
  });

  it('ansible_winrm_server_cert_validation: ignore in group_vars', async () => {
    await expectFinding(
      {
        'group_vars/windows.yml': lines(
          'ansible_connection: winrm',
          'ansible_winrm_server_cert_validation: ignore',
        ),
        'site.yml': lines('- hosts: windows', '  tasks:', '    - ansible.windows.win_ping:'),
      },
      { ruleId: 'tls-verification-disabled', path: 'group_vars/windows.yml', line: 2 },
    );
  });

  it('a playbook set_fact whose false value a later task of the play uses', async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - ansible.builtin.set_fact:',
          '        dl_validate: false',
          '    - name: download',
          '      ansible.builtin.get_url:',
          '        url: https://x.example.com/a',
          '        dest: /etc/a',
          '        validate_certs: "{{ dl_validate }}"',
          "        mode: '0644'",
        ),
      },
      { ruleId: 'tls-verification-disabled', path: 'site.yml', line: 4 },
    );
  });

  it('sslverify=0 in a .repo file written by copy content', async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - ansible.builtin.copy:',
          '        dest: /etc/yum.repos.d/app.repo',
          "        mode: '0644'",
          '        content: |',
          '          [app]',
          '          baseurl=https://repo.example.com/el8',
          '          gpgcheck=1',
          '          sslverify=0',
        ),
      },
      { ruleId: 'tls-verification-disabled', path: 'site.yml', line: 10 },
    );
  });

  it('curl -k run as another user through sudo -u', async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - ansible.builtin.command: sudo -u app curl -k -o /tmp/a https://x.example.com/a',
        ),
      },
      { ruleId: 'tls-verification-disabled', path: 'site.yml', line: 3 },
    );
  });

  it('validate_certs: "{{ false }}"', async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - ansible.builtin.get_url:',
          '        url: https://x.example.com/a',
          '        dest: /etc/a',
          '        validate_certs: "{{ false }}"',
          "        mode: '0644'",
        ),
      },
      { ruleId: 'tls-verification-disabled', path: 'site.yml', line: 6 },
    );
  });
});

describe('ssh-host-key-checking-disabled', () => {
  it('-oStrictHostKeyChecking=no (no space after -o) in ansible_ssh_common_args', async () => {
    await expectFinding(
      {
        'group_vars/all.yml': lines('ansible_ssh_common_args: "-oStrictHostKeyChecking=no"'),
      },
      { ruleId: 'ssh-host-key-checking-disabled', path: 'group_vars/all.yml', line: 1 },
    );
  });

  it('ssh -oStrictHostKeyChecking=no in a command', async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - ansible.builtin.command: ssh -oStrictHostKeyChecking=no admin@10.0.0.5 uptime',
        ),
      },
      { ruleId: 'ssh-host-key-checking-disabled', path: 'site.yml', line: 3 },
    );
  });

  it('-oUserKnownHostsFile=/dev/null in ansible_ssh_common_args', async () => {
    await expectFinding(
      {
        'group_vars/all.yml': lines('ansible_ssh_common_args: "-oUserKnownHostsFile=/dev/null"'),
      },
      { ruleId: 'ssh-host-key-checking-disabled', path: 'group_vars/all.yml', line: 1 },
    );
  });
});

describe('security-control-disabled', () => {
  it('service stopped for each name of an inline loop', async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - ansible.builtin.systemd:',
          '        name: "{{ item }}"',
          '        state: stopped',
          '        enabled: false',
          '      loop:',
          '        - firewalld',
          '        - auditd',
        ),
      },
      { ruleId: 'security-control-disabled', path: 'site.yml', line: 5 },
    );
  });

  it('service stopped with with_items', async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - ansible.builtin.service: name={{ item }} state=stopped enabled=no',
          '      with_items:',
          '        - firewalld',
        ),
      },
      { ruleId: 'security-control-disabled', path: 'site.yml', line: 3 },
    );
  });

  it("service stopped for each name of a role default's list", async () => {
    await expectFinding(
      {
        'site.yml': lines('- hosts: all', '  roles: [base]'),
        'roles/base/defaults/main.yml': lines('base_disabled_services:', '  - firewalld'),
        'roles/base/tasks/main.yml': lines(
          '- name: stop services',
          '  ansible.builtin.service:',
          '    name: "{{ item }}"',
          '    state: stopped',
          '    enabled: false',
          '  loop: "{{ base_disabled_services }}"',
        ),
      },
      { ruleId: 'security-control-disabled', path: 'roles/base/defaults/main.yml', line: 2 },
    );
  });
});

describe('insecure-ssh-server', () => {
  it('lineinfile on sshd_config over an inline with_dict', async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - ansible.builtin.lineinfile:',
          '        path: /etc/ssh/sshd_config',
          '        regexp: "^#?{{ item.key }}"',
          '        line: "{{ item.key }} {{ item.value }}"',
          '      with_dict:',
          '        PermitRootLogin: "yes"',
        ),
      },
      { ruleId: 'insecure-ssh-server', path: 'site.yml', line: 8 },
    );
  });
});

describe('pipe-to-shell', () => {
  it('curl ... | sudo -u app bash', async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - ansible.builtin.shell: curl -fsSL https://install.example.com/i.sh | sudo -u app bash',
        ),
      },
      { ruleId: 'pipe-to-shell', path: 'site.yml', line: 3 },
    );
  });
});

describe('insecure-file-permissions', () => {
  it('find ... -exec chmod 777 {} \\;', async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - ansible.builtin.shell: find /srv/uploads -type d -exec chmod 777 {} \\;',
        ),
      },
      { ruleId: 'insecure-file-permissions', path: 'site.yml', line: 3 },
    );
  });

  it('sudo -u app chmod 777', async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - ansible.builtin.shell: sudo -u app chmod 777 /srv/uploads',
        ),
      },
      { ruleId: 'insecure-file-permissions', path: 'site.yml', line: 3 },
    );
  });

  it('mode: 438, the decimal number of 0666', async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - ansible.builtin.file:',
          '        path: /srv/uploads/log',
          '        state: touch',
          '        mode: 438',
        ),
      },
      { ruleId: 'insecure-file-permissions', path: 'site.yml', line: 6 },
    );
  });
});

describe('hard-coded-secret', () => {
  it("password: \"{{ 'literal' | password_hash('sha512') }}\"", async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - ansible.builtin.user:',
          '        name: app',
          `        password: "{{ 'Xk93mdPq2Lz' | password_hash('sha512') }}"`,
        ),
      },
      { ruleId: 'hard-coded-secret', path: 'site.yml', line: 5 },
    );
  });

  it('ini_file writes option password with a literal value', async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - community.general.ini_file:',
          '        path: /etc/app/app.ini',
          '        section: database',
          '        option: password',
          '        value: Xk93mdPq2Lz',
        ),
      },
      { ruleId: 'hard-coded-secret', path: 'site.yml', line: 7 },
    );
  });

  it('a literal bearer token in a uri Authorization header', async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - ansible.builtin.uri:',
          '        url: https://api.example.com/deploy',
          '        method: POST',
          '        headers:',
          '          Authorization: "Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0"',
        ),
      },
      { ruleId: 'hard-coded-secret', path: 'site.yml', line: 7 },
    );
  });
});

describe('unsigned-package-source', () => {
  it('apt force: yes, which implies allow_unauthenticated', async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - ansible.builtin.apt:',
          '        name: app',
          '        force: yes',
        ),
      },
      { ruleId: 'unsigned-package-source', path: 'site.yml', line: 5 },
    );
  });
});

describe('untrusted-package-index', () => {
  it('PIP_TRUSTED_HOST in a pip task environment', async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - ansible.builtin.pip:',
          '        name: app',
          '      environment:',
          '        PIP_TRUSTED_HOST: pypi.example.com',
        ),
      },
      { ruleId: 'untrusted-package-index', path: 'site.yml', line: 6 },
    );
  });
});

describe('values a task takes from its loop item', () => {
  it('git loops over a repository list in defaults whose version is master', async () => {
    await expectFinding(
      {
        'roles/app/tasks/main.yml': lines(
          '- ansible.builtin.git:',
          '    repo: "{{ item.repo }}"',
          '    dest: "{{ item.dest }}"',
          '    version: "{{ item.version }}"',
          '  loop: "{{ app_repos }}"',
        ),
        'roles/app/defaults/main.yml': lines(
          'app_repos:',
          '  - repo: https://github.com/example/a.git',
          '    dest: /srv/a',
          '    version: master',
        ),
      },
      { ruleId: 'unpinned-vcs-checkout', path: 'roles/app/defaults/main.yml', line: 4 },
    );
  });

  it('git loops over an inline list whose version is master', async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - ansible.builtin.git:',
          '        repo: "{{ item.repo }}"',
          '        dest: "{{ item.dest }}"',
          '        version: "{{ item.version }}"',
          '      loop:',
          '        - { repo: "https://github.com/example/a.git", dest: /srv/a, version: master }',
        ),
      },
      { ruleId: 'unpinned-vcs-checkout', path: 'site.yml', line: 8 },
    );
  });

  it('docker_container loops over inline items with privileged: true', async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - community.docker.docker_container:',
          '        name: "{{ item.name }}"',
          '        image: "{{ item.image }}"',
          '        privileged: "{{ item.privileged }}"',
          '      loop:',
          '        - { name: a, image: "x/a:1", privileged: true }',
        ),
      },
      { ruleId: 'privileged-container', path: 'site.yml', line: 8 },
    );
  });

  it('docker_container loops over items whose volumes mount the Docker socket', async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - community.docker.docker_container:',
          '        name: "{{ item.name }}"',
          '        image: "{{ item.image }}"',
          '        volumes: "{{ item.volumes }}"',
          '      loop:',
          '        - name: a',
          '          image: x/a:1',
          '          volumes:',
          '            - /var/run/docker.sock:/var/run/docker.sock',
        ),
      },
      { ruleId: 'privileged-container', path: 'site.yml', line: 11 },
    );
  });
});

describe('settings named in one argument and set in another', () => {
  it('postgresql_set ssl_min_protocol_version TLSv1', async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - community.postgresql.postgresql_set:',
          '        name: ssl_min_protocol_version',
          '        value: TLSv1',
        ),
      },
      { ruleId: 'weak-crypto', path: 'site.yml', line: 5 },
    );
  });

  it('postgresql_set password_encryption md5', async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - community.postgresql.postgresql_set:',
          '        name: password_encryption',
          '        value: md5',
        ),
      },
      { ruleId: 'weak-crypto', path: 'site.yml', line: 5 },
    );
  });

  it('ini_file sets disk_full_action = ignore in auditd.conf', async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - community.general.ini_file:',
          '        path: /etc/audit/auditd.conf',
          '        section: null',
          '        option: disk_full_action',
          '        value: ignore',
        ),
      },
      { ruleId: 'audit-logging-weakened', path: 'site.yml', line: 7 },
    );
  });
});

describe('weak keys and secret names', () => {
  it('openssh_keypair type: dsa', async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - community.crypto.openssh_keypair:',
          '        path: /root/.ssh/id_dsa',
          '        type: dsa',
        ),
      },
      { ruleId: 'weak-crypto', path: 'site.yml', line: 5 },
    );
  });

  it('redis-cli -a {{ redis_requirepass }}', async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - ansible.builtin.command: "redis-cli -a {{ redis_requirepass }} ping"',
        ),
      },
      { ruleId: 'secret-in-command-line', path: 'site.yml', line: 3 },
    );
  });
});

describe('kernel parameters set by a command', () => {
  it('command: sysctl -w kernel.randomize_va_space=0', async () => {
    await expectFinding(
      {
        'site.yml': lines(
          '- hosts: all',
          '  tasks:',
          '    - ansible.builtin.command: sysctl -w kernel.randomize_va_space=0',
        ),
      },
      { ruleId: 'kernel-hardening-disabled', path: 'site.yml', line: 3 },
    );
  });
});
