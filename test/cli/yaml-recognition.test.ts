/**
 * A playbook outside Ansible's conventional paths is read when its outline shows plays that name
 * hosts. Playbooks Ansible runs as they are must show in the outline too: a document start with a
 * comment, a play written as a flow mapping, and a play after thousands of blank lines (which do
 * not count toward the lines the outline reads). Each is analysed, and its `curl | sh` fails the
 * scan.
 */
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/json.js';
import { runCaptured } from './support/run-captured.js';
import { tempTree } from './support/temp-tree.js';

const PLAY = [
  '- hosts: all',
  '  tasks:',
  '    - name: install the agent',
  '      ansible.builtin.shell: curl -s https://get.example.com/agent | sh',
  '',
].join('\n');

const PLAYBOOKS: readonly { name: string; content: string }[] = [
  {
    name: 'a document start with a comment (`--- # ...`)',
    content: `--- # install the agent\n${PLAY}`,
  },
  {
    name: 'a play written as a flow mapping',
    content:
      '- {hosts: all, tasks: [{name: install the agent, ansible.builtin.shell: "curl -s https://get.example.com/agent | sh"}]}\n',
  },
  { name: 'a play after 4,000 blank lines', content: `${'\n'.repeat(4000)}${PLAY}` },
];

describe.each(PLAYBOOKS)('a playbook with $name', ({ content }) => {
  it('is analysed and fails the scan instead of being skipped with exit 0', async () => {
    const root = await tempTree({ 'agent.yml': content });
    const run = await runCaptured(['scan', '--format', 'json'], root);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.map((finding) => finding.ruleId)).toContain('pipe-to-shell');
    expect(run.exitCode).toBe(1);
  });
});
