import { describe, expect, it } from 'vitest';
import { classifyFailure, nextTry, scheduleFrom } from '../../src/jobs/retry-policy.js';
import { AnalysisLimitError } from '../../src/workers/analysis-pool.js';

const NOW = 1_000_000;
const schedule = scheduleFrom(1_000);
const httpError = (status: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error('GitHub said no'), { status, response: { headers } });

describe('which failures of a review are tried again', () => {
  it.each([
    ['a 502', httpError(502), 'transient'],
    ['no answer (Octokit reports 500)', httpError(500), 'transient'],
    ['a secondary rate limit', httpError(403, { 'retry-after': '30' }), 'rate-limited'],
    [
      'an exhausted primary limit',
      httpError(403, {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String((NOW + 90_000) / 1000),
      }),
      'rate-limited',
    ],
    ['a missing permission', httpError(403), 'permanent'],
    ['a refused write', httpError(422), 'permanent'],
    ['a repository that is gone', httpError(404), 'permanent'],
    ['an analysis past its limits', new AnalysisLimitError('time', 'too slow'), 'limit'],
    ['a bug of ours', new TypeError('x is undefined'), 'bug'],
  ])('%s is %s', (_, error, kind) => {
    expect(classifyFailure(error, NOW).kind).toBe(kind);
  });

  it('waits longer each time, and gives up after the last try', () => {
    const failure = { kind: 'transient' as const };
    expect(
      [1, 2, 3, 4].map((attempt) => (nextTry(failure, attempt, schedule, NOW) ?? 0) - NOW),
    ).toEqual([1_000, 4_000, 16_000, 64_000]);
    expect(nextTry(failure, 5, schedule, NOW)).toBeUndefined();
  });

  it('waits for a rate limit to reset, retry-after first', () => {
    expect(
      nextTry(classifyFailure(httpError(403, { 'retry-after': '30' }), NOW), 1, schedule, NOW),
    ).toBe(NOW + 30_000);
    const reset = classifyFailure(
      httpError(403, {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String((NOW + 90_000) / 1000),
      }),
      NOW,
    );
    expect(nextTry(reset, 1, schedule, NOW)).toBe(NOW + 91_000);
  });

  it('gives a bug one more try, and a limit or a refusal none', () => {
    expect(nextTry({ kind: 'bug' }, 1, schedule, NOW)).toBe(NOW + 1_000);
    expect(nextTry({ kind: 'bug' }, 2, schedule, NOW)).toBeUndefined();
    expect(nextTry({ kind: 'limit' }, 1, schedule, NOW)).toBeUndefined();
    expect(nextTry({ kind: 'permanent' }, 1, schedule, NOW)).toBeUndefined();
  });
});
