/**
 * A file past the 2 MiB limit is read whole (up to 16 MiB) to decide whether it would have been
 * analysed, as the app gives the engine the whole text: a playbook outside Ansible's conventional
 * paths whose plays start after 64 KiB of comments is reported `too-large`, and fails the scan
 * under the default `on_unanalysable: fail`, never dropped without a word.
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
/** One comment line of 1,000 bytes: 100 of them push the play past the 64 KiB head. */
const LONG_COMMENT = `#${'x'.repeat(999)}\n`;

describe('an oversized playbook whose first 64 KiB are comments', () => {
  it('is reported too large and fails the scan, not skipped with exit 0', async () => {
    const root = await tempTree({
      'agent.yml': LONG_COMMENT.repeat(100) + PLAY + LONG_COMMENT.repeat(2200),
    });
    const run = await runCaptured(['scan', '--format', 'json'], root);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.errors.map((error) => error.path)).toEqual(['agent.yml']);
    expect(run.exitCode).toBe(1);
  });
});
