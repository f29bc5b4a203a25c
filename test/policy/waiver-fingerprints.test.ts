import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze.js';
import { fingerprintAll } from '../../src/engine/fingerprint.js';
import { buildPolicy } from '../../src/policy/build-policy.js';

/** Two tasks with the same flagged line: one fingerprint hash, occurrences 1 and 2. */
const TASKS = {
  path: 'roles/web/tasks/main.yml',
  content: [
    '- name: one',
    '  ansible.builtin.uri:',
    '    url: https://a.example.com',
    '    validate_certs: no',
    '- name: two',
    '  ansible.builtin.uri:',
    '    url: https://b.example.com',
    '    validate_certs: no',
    '',
  ].join('\n'),
};
const NOW = new Date('2026-06-01T00:00:00Z');

/** The fingerprints Posture prints (comment markers, SARIF), `<sha256>:<n>`, of the TLS findings. */
async function printedFingerprints(): Promise<string[]> {
  const { findings } = await analyze([TASKS], { now: NOW });
  const lines = TASKS.content.split('\n');
  const tls = findings.filter((finding) => finding.ruleId === 'tls-verification-disabled');
  return fingerprintAll(tls, (finding) => lines[finding.range.line - 1] ?? '');
}

async function waivedLines(fingerprint: string): Promise<number[]> {
  const waiver = `waivers:\n  - rule: tls-verification-disabled\n    path: "roles/**"\n    fingerprint: "${fingerprint}"\n    reason: lab appliance\n    expires: 2026-12-31\n    approved_by: alice\n`;
  const { policy, errors } = buildPolicy({ repo: { source: '.security.yml', text: waiver } });
  expect(errors).toEqual([]);
  const { findings } = await analyze([TASKS], { policy, now: NOW });
  return findings
    .filter((finding) => finding.status === 'waived')
    .map((finding) => finding.range.line);
}

describe('a waiver by fingerprint', () => {
  it('matches the fingerprint in the form Posture prints it, occurrence included', async () => {
    const [first, second] = await printedFingerprints();
    expect(first).toMatch(/^[0-9a-f]{64}:1$/);
    expect(second).toMatch(/^[0-9a-f]{64}:2$/);
    expect(await waivedLines(first as string)).toEqual([4]);
    expect(await waivedLines(second as string)).toEqual([8]);
  });

  it('matches a prefix of the hash, every occurrence or the one it names', async () => {
    const [first = ''] = await printedFingerprints();
    const prefix = first.slice(0, 12);
    expect(await waivedLines(prefix)).toEqual([4, 8]);
    expect(await waivedLines(`${prefix}:2`)).toEqual([8]);
    expect(await waivedLines(`${prefix}:3`)).toEqual([]);
    expect(await waivedLines('0123456789abcdef')).toEqual([]);
  });
});
