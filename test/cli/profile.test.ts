import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/json.js';
import { runCaptured } from './support/run-captured.js';
import { tempTree } from './support/temp-tree.js';

/** A TODO comment: a code smell GLITCH reports, which says nothing about security. */
const TASKS = {
  'roles/web/tasks/main.yml':
    '- name: install\n  # TODO: tidy this up\n  package:\n    name: nginx\n',
};

async function categories(files: Record<string, string>, ...args: string[]): Promise<string[]> {
  const run = await runCaptured(['scan', '--format', 'json', ...args], await tempTree(files));
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as JsonReport).findings.map((finding) => finding.category);
}

describe('posture scan --profile', () => {
  it("overrides the policy's profile either way", async () => {
    expect(await categories(TASKS)).toEqual([]);
    expect(await categories(TASKS, '--profile', 'glitch')).toEqual(['suspicious-comment']);
    const glitchPolicy = { ...TASKS, '.security.yml': 'profile: glitch\n' };
    expect(await categories(glitchPolicy)).toEqual(['suspicious-comment']);
    expect(await categories(glitchPolicy, '--profile', 'security')).toEqual([]);
  });
});
