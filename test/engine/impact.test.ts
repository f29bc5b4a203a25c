import { describe, expect, it } from 'vitest';
import { analyze, keptModels, type SourceFile } from '../../src/engine/analyze.js';
import { assessRisk, describeImpact } from '../../src/engine/impact.js';
import { buildPolicy } from '../../src/policy/build-policy.js';
import type { EffectivePolicy } from '../../src/policy/types.js';
import { makeFinding } from '../support/findings.js';

const TASKS = 'roles/base/tasks/main.yml';
const file = (content: string, path = TASKS) => ({ path, content });

const SSHD_BASE = `---
- name: Keep idle sessions short
  ansible.builtin.lineinfile:
    path: /etc/ssh/sshd_config
    regexp: '^ClientAliveInterval'
    line: ClientAliveInterval 600
`;

/** The surfaces between two sets of file versions, read from the models `analyze` keeps, as a review does. */
async function impact(base: SourceFile[], head: SourceFile[], policy?: EffectivePolicy) {
  const models = async (files: SourceFile[]) =>
    keptModels(await analyze(files, { keepModels: true, ...(policy ? { policy } : {}) }));
  return describeImpact(await models(base), await models(head));
}

async function touched(base: string | undefined, head: string | undefined, path = TASKS) {
  const changes = await impact(
    base === undefined ? [] : [file(base, path)],
    head === undefined ? [] : [file(head, path)],
  );
  return changes.map((change) => change.surface);
}

describe('describeImpact', () => {
  it('names SSH when only an sshd setting changes, with the changed line', async () => {
    const head = SSHD_BASE.replace('ClientAliveInterval 600', 'ClientAliveInterval 300');
    const [change, ...rest] = await impact([file(SSHD_BASE)], [file(head)]);
    expect(rest).toEqual([]);
    expect(change?.surface).toBe('ssh');
    expect(change?.locations).toEqual([
      { path: TASKS, line: 2, version: 'head' },
      { path: TASKS, line: 2, version: 'base' },
    ]);
  });

  it('touches nothing when code only moves', async () => {
    const moved = `---\n- name: Say hello\n  ansible.builtin.debug:\n    msg: hello\n${SSHD_BASE.replace('---\n', '')}`;
    expect(await touched(SSHD_BASE, moved)).toEqual([]);
  });

  it('reads surfaces from module types, paths, commands, keywords and variable names', async () => {
    const head = `---
- hosts: all
  become: true
  tasks:
    - name: Let deploy run anything
      community.general.sudoers:
        name: deploy
        user: deploy
        commands: ALL
    - name: Open the API port
      community.general.ufw:
        rule: allow
        port: "8443"
    - name: Trust the vendor repository
      ansible.builtin.yum_repository:
        name: vendor
        baseurl: https://repo.example.com/el9
    - name: Install the certificate
      ansible.builtin.copy:
        src: site.pem
        dest: /etc/pki/tls/certs/site.pem
        mode: "0644"
    - name: Run the agent
      community.docker.docker_container:
        name: agent
        image: example/agent:1.2
    - name: Restart the agent
      ansible.builtin.service:
        name: agent
        state: restarted
    - name: SELinux permissive
      ansible.builtin.command: setenforce 0
    - name: Add the operator
      ansible.builtin.user:
        name: operator
        groups: wheel
`;
    expect(await touched(undefined, head, 'site.yml')).toEqual([
      'users-and-privileges',
      'sudo',
      'firewall-and-network',
      'tls-and-crypto',
      'package-sources',
      'file-permissions',
      'services',
      'containers',
      'security-controls',
    ]);
    const vars = 'db_password: "{{ vault_db_password }}"\nsshd_port: 2222\n';
    expect(await touched(undefined, vars, 'group_vars/all.yml')).toEqual([
      'ssh',
      'firewall-and-network',
      'secrets',
    ]);
  });

  it('reports what a change removes on the base side', async () => {
    const [change] = await impact([file(SSHD_BASE)], []);
    expect(change).toMatchObject({
      surface: 'ssh',
      locations: [{ path: TASKS, line: 2, version: 'base' }],
    });
  });

  it('leaves out files the policy excludes', async () => {
    const { policy } = buildPolicy({
      repo: { source: '.security.yml', text: 'paths:\n  exclude: ["roles/base/**"]\n' },
    });
    expect(await impact([], [file(SSHD_BASE)], policy)).toEqual([]);
  });

  it('gives a digest that changes with the text that differs, not with its position', async () => {
    const head = SSHD_BASE.replace('600', '300');
    const [first] = await impact([file(SSHD_BASE)], [file(head)]);
    const [moved] = await impact(
      [file(SSHD_BASE)],
      [file(head.replace('---\n', '---\n- name: Hello\n  ansible.builtin.debug:\n    msg: hi\n'))],
    );
    const [other] = await impact([file(SSHD_BASE)], [file(SSHD_BASE.replace('600', '120'))]);
    expect(moved?.digest).toBe(first?.digest);
    expect(other?.digest).not.toBe(first?.digest);
  });
});

describe('assessRisk', () => {
  it('is high for an added high or critical finding, medium for a medium one or a sensitive surface, low otherwise', () => {
    expect(assessRisk([makeFinding({ severity: 'critical' })], [])).toBe('high');
    expect(assessRisk([makeFinding({ severity: 'medium' })], [])).toBe('medium');
    expect(assessRisk([], ['ssh'])).toBe('medium');
    expect(assessRisk([makeFinding({ severity: 'low' })], ['services', 'file-permissions'])).toBe(
      'low',
    );
    expect(assessRisk([], [])).toBe('low');
  });
});
