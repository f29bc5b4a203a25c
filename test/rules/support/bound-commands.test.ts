import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze.js';

const PLAYBOOK = `- hosts: all
  vars:
    tool_url: https://tools.example.com/x.sh
    svc: firewalld
    curl_options: -k
  tasks:
    - name: fetch
      ansible.builtin.shell: curl -k {{ tool_url }} -o /opt/x.sh
    - name: fetch and run
      ansible.builtin.shell: curl -fsSL {{ tool_url }} | bash
    - name: stop
      ansible.builtin.shell: systemctl stop firewalld && echo {{ svc }}
    - name: run a container
      ansible.builtin.command: docker run --privileged {{ svc }}
    - name: fetch with options from a variable
      ansible.builtin.shell: curl {{ curl_options }} https://tools.example.com/y -o /opt/y
`;

async function findings(): Promise<string[]> {
  const { findings: found } = await analyze([{ path: 'site.yml', content: PLAYBOOK }]);
  return found
    .filter((finding) => finding.ruleId !== 'predictable-temp-file')
    .map((finding) => `${finding.range.line} ${finding.ruleId}`);
}

describe('commands that read variables', () => {
  it('report what the command does where it is written, not again on the variables it reads', async () => {
    const found = await findings();
    expect(found).toEqual(
      expect.arrayContaining([
        '8 tls-verification-disabled',
        '10 pipe-to-shell',
        '12 security-control-disabled',
        '14 privileged-container',
      ]),
    );
    expect(found.filter((line) => line.startsWith('3 ') || line.startsWith('4 '))).toEqual([]);
  });

  it('report on the variable what only its value makes the command do', async () => {
    expect(await findings()).toContain('5 tls-verification-disabled');
  });
});
