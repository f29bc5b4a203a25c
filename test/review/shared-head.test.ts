/**
 * A run concludes the worst of its own review and those of the other pull requests of its head,
 * and says so in words; their base branch names are the repository's to choose.
 */
import { describe, expect, it } from 'vitest';
import { worstVerdict } from '../../src/review/shared-head.js';
import { checkRunTitle } from '../../src/review/summary.js';
import { summaryOf } from '../support/check-run-summary.js';

describe('worstVerdict', () => {
  it('orders success < neutral < action_required < failure', () => {
    expect(worstVerdict('success', [])).toBe('success');
    expect(worstVerdict('success', ['neutral'])).toBe('neutral');
    expect(worstVerdict('neutral', ['action_required', 'success'])).toBe('action_required');
    expect(worstVerdict('action_required', ['failure'])).toBe('failure');
    expect(worstVerdict('failure', ['success', 'neutral'])).toBe('failure');
  });
});

describe('a run made worse by another pull request of its head', () => {
  const sharedHead = {
    conclusion: 'failure' as const,
    pulls: [{ pullNumber: 12, baseRef: 'main`<!-- x -->', verdict: 'failure' as const }],
  };

  it('says so in the title and the summary, with the branch name as code', () => {
    expect(
      checkRunTitle({ added: [], existing: [], errors: [], truncated: false, sharedHead }),
    ).toBe('Pull request #12 of the same commit concluded failure; this pull request: No findings');
    const summary = summaryOf({ sharedHead });
    expect(summary).toContain('**This run concludes failure**');
    expect(summary).toContain(
      'Pull request #12 has the same head commit, into <code>main&#96;&#60;&#33;-- x --&#62;</code>, and its review concluded failure.',
    );
    expect(summary).not.toContain('<!--');
  });
});
