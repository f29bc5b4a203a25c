/**
 * Posture reads back hidden lines it wrote itself: the review record at the end of a check-run
 * summary, the acceptance record at the end of an "Accept risk" comment, the fingerprint at the
 * end of an inline comment. The same texts show file names, rule ids and messages from the
 * repository, and a file can be named like any of those lines.
 */
import { describe, expect, it } from 'vitest';
import { inlineCommentBody, markedFingerprintHash } from '../../src/report/comment-body.js';
import { codeSpan, tableCell } from '../../src/report/markdown.js';
import { readReviewMarker, reviewMarker } from '../../src/report/review-marker.js';
import { riskAcceptanceComment } from '../../src/review/risk-acceptance-comment.js';
import { acceptancesIn, type RiskAcceptance } from '../../src/review/risk-acceptance.js';
import { checkRunSummary } from '../../src/review/summary.js';
import { makeFinding } from '../support/findings.js';

const HEAD = '0123456789abcdef0123456789abcdef01234567';
const BASE = 'fedcba9876543210fedcba9876543210fedcba98';
const OTHER = 'a'.repeat(40);
const FORGED_DIGEST = 'f'.repeat(32);
const FORGED_REVIEW = `<!-- posture:review head=${HEAD} routing=${FORGED_DIGEST} -->`;
const FORGED_PATH = `roles/web/tasks/${FORGED_REVIEW}.yml`;

/** What GitHub shows for inline Markdown that is plain text, code and character references. */
function shown(markdown: string): string {
  return markdown
    .replace(/<\/?code>/g, '')
    .replace(/^`+ ?| ?`+$/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

describe('inline code of repository text', () => {
  it('keeps ordinary paths in a backtick span, as before', () => {
    expect(codeSpan('roles/web/tasks/main.yml:3')).toBe('`roles/web/tasks/main.yml:3`');
    expect(codeSpan('a`b')).toBe('``a`b``');
  });

  it('writes text with < or > so that the Markdown holds none of its structure, and shows it exactly', () => {
    const markdown = codeSpan(`${FORGED_PATH}:3`);
    expect(markdown).not.toContain('<!--');
    expect(markdown.replace(/<\/?code>/g, '')).not.toMatch(/[<>`*_[\]|\\]/);
    expect(shown(markdown)).toBe(`${FORGED_PATH}:3`);
    // No pipe is left for a table to split on, and none is escaped twice.
    expect(tableCell(codeSpan('a<b|c'))).toBe(codeSpan('a<b|c'));
    expect(shown(codeSpan('a<b|c'))).toBe('a<b|c');
  });
});

describe('the review record of a check run', () => {
  const record = { headSha: HEAD, baseSha: BASE, routingDigest: 'ab'.repeat(16) };

  it('is read back with the base it was made against, and without one when an older Posture wrote it', () => {
    expect(readReviewMarker(`Summary\n\n${reviewMarker(record)}`, HEAD)).toEqual(record);
    expect(
      readReviewMarker(`Summary\n\n<!-- posture:review head=${HEAD} routing=none -->`, HEAD),
    ).toEqual({ headSha: HEAD });
  });

  it('keeps the pull request’s own verdict, in a fixed order after the routing', () => {
    for (const own of ['success', 'neutral', 'action_required', 'failure'] as const) {
      const line = reviewMarker({ ...record, own });
      expect(line).toBe(
        `<!-- posture:review head=${HEAD} base=${BASE} routing=${'ab'.repeat(16)} own=${own} -->`,
      );
      expect(readReviewMarker(`Summary\n\n${line}`, HEAD)).toEqual({ ...record, own });
    }
    expect(
      readReviewMarker(
        `Summary\n\n<!-- posture:review head=${HEAD} routing=none own=failure -->`,
        HEAD,
      ),
    ).toEqual({ headSha: HEAD, own: 'failure' });
    // Only Posture's conclusions, and only in their place.
    for (const forged of [
      `<!-- posture:review head=${HEAD} routing=none own=cancelled -->`,
      `<!-- posture:review head=${HEAD} own=success routing=none -->`,
      `<!-- posture:review head=${HEAD} routing=none own=success own=success -->`,
    ])
      expect(readReviewMarker(`Summary\n\n${forged}`, HEAD)).toBeUndefined();
  });

  it('is only the last line: a record-like line above it does not count', () => {
    const summary = `| high | x | ${FORGED_REVIEW} |\n\n${reviewMarker(record)}`;
    expect(readReviewMarker(summary, HEAD)).toEqual(record);
    expect(readReviewMarker(`${reviewMarker(record)}\n\nmore text`, HEAD)).toBeUndefined();
  });

  it('is not trusted when it names another head than the run’s', () => {
    expect(readReviewMarker(`Summary\n\n${reviewMarker(record)}`, OTHER)).toBeUndefined();
  });

  it('is the one Posture wrote, even when a finding’s file is named like a record', () => {
    const summary = checkRunSummary({
      added: [makeFinding({ path: FORGED_PATH })],
      existing: [],
      fixed: [makeFinding({ path: FORGED_PATH, line: 9 })],
      risk: 'high',
      surfaces: [],
      errors: [],
      onUnanalysable: 'fail',
      analyzedFiles: 1,
      listedFiles: 1,
      truncated: false,
      headSha: HEAD,
      failOn: 'high',
      conclusion: 'action_required',
      inlineReview: { status: 'not-needed', alreadyCommented: 0 },
      isUnchangedLine: () => false,
      record,
    });
    expect(summary.match(/<!--/g)).toHaveLength(1);
    expect(readReviewMarker(summary, HEAD)).toEqual(record);
  });
});

describe('the acceptance record of an "Accept risk" comment', () => {
  const acceptance: RiskAcceptance = {
    by: 'sam-sec',
    at: '2025-03-01T12:00:00.000Z',
    commitSha: HEAD,
    reason: 'lab only',
    routingDigest: 'r1',
    accepted: ['0123456789abcdef'],
  };
  const forged = `<!-- posture:accepted-risk ${JSON.stringify({ ...acceptance, routingDigest: FORGED_DIGEST })} -->`;

  it('is the one Posture wrote, even when an accepted finding’s file is named like a record', () => {
    const body = riskAcceptanceComment(acceptance, [
      makeFinding({ path: `roles/web/tasks/${forged}.yml` }),
    ]);
    expect(body.match(/<!--/g)).toHaveLength(1);
    expect(acceptancesIn([{ body, byPosture: true }])).toEqual([acceptance]);
  });

  it('is only the last line: a record-like line above it does not count', () => {
    const real = riskAcceptanceComment(acceptance, []);
    const body = real.replace('**Risk accepted**', `${forged}\n\n**Risk accepted**`);
    expect(acceptancesIn([{ body, byPosture: true }])).toEqual([acceptance]);
    expect(acceptancesIn([{ body: `${real}\n\nmore text`, byPosture: true }])).toEqual([]);
  });
});

describe('the fingerprint of an inline comment', () => {
  it('is the one at the end, whatever the suggestion above it holds', () => {
    const mine = 'a'.repeat(64);
    const body = inlineCommentBody({
      finding: makeFinding({
        suggestion: {
          line: 3,
          endLine: 3,
          replacement: `    mode: '0750' # <!-- posture:fingerprint=${'b'.repeat(64)} -->\n`,
        },
      }),
      fingerprint: `${mine}:1`,
      offerSuggestion: true,
    });
    expect(markedFingerprintHash(body)).toBe(mine);
  });
});
