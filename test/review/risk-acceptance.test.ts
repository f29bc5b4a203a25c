import { describe, expect, it } from 'vitest';
import { riskAcceptanceComment } from '../../src/review/risk-acceptance-comment.js';
import {
  acceptanceKey,
  acceptancesIn,
  applyAcceptances,
  reasonFrom,
  type RiskAcceptance,
} from '../../src/review/risk-acceptance.js';
import { makeFinding } from '../support/findings.js';

const item = { finding: makeFinding(), fingerprint: `${'d'.repeat(64)}:1` };
const acceptance: RiskAcceptance = {
  by: 'sam-sec',
  at: '2025-03-01T12:00:00.000Z',
  commitSha: 'e'.repeat(40),
  reason: 'lab only --> <b>ok</b>',
  routingDigest: 'r1',
  accepted: [acceptanceKey(item)],
};

describe('risk acceptance records', () => {
  it('read back from Posture’s own comment, whatever the reason contains', () => {
    const body = riskAcceptanceComment(acceptance, [item.finding]);
    expect(body.match(/-->/g)).toHaveLength(1);
    expect(acceptancesIn([{ body, byPosture: true }])).toEqual([acceptance]);
    expect(acceptancesIn([{ body, byPosture: false }])).toEqual([]);
    expect(
      acceptancesIn([{ body: '<!-- posture:accepted-risk {"by":1} -->', byPosture: true }]),
    ).toEqual([]);
  });

  it('accept the open findings they list, with who accepted them, when and why', () => {
    const [accepted] = applyAcceptances([item], [acceptance]);
    expect(accepted?.finding).toMatchObject({
      status: 'waived',
      justification: 'risk accepted by @sam-sec on 2025-03-01: lab only --> <b>ok</b>',
    });
    const other = { ...item, fingerprint: `${'f'.repeat(64)}:1` };
    expect(applyAcceptances([other], [acceptance])[0]?.finding.status).toBeUndefined();
  });

  it('accept only the occurrences of an identical flagged line they list', () => {
    const second = { ...item, fingerprint: `${'d'.repeat(64)}:2` };
    const statuses = (accepted: string[]) =>
      applyAcceptances([item, second], [{ ...acceptance, accepted }]).map(
        ({ finding }) => finding.status,
      );
    expect(statuses([acceptanceKey(item)])).toEqual(['waived', undefined]);
    expect(statuses([acceptanceKey(item), acceptanceKey(second)])).toEqual(['waived', 'waived']);
    // A record written before occurrences were kept names the hash alone: the first occurrence.
    expect(statuses(['d'.repeat(16)])).toEqual(['waived', undefined]);
  });

  it('take the reviewer’s latest review text as the reason', () => {
    const reviews = [
      { author: 'Sam-Sec', body: 'first' },
      { author: 'bob', body: 'not theirs' },
      { author: 'sam-sec', body: ' needed\nfor the lab ' },
      { author: 'sam-sec', body: '' },
    ];
    expect(reasonFrom(reviews, 'sam-sec')).toBe('needed for the lab');
    expect(reasonFrom(reviews, 'dana')).toBe('');
  });
});
