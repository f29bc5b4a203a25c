/**
 * Which failures of a review are worth another try, and when: GitHub's 5xx answers, resets,
 * time-outs and rate limits pass; a missing repository, a refused write or a bug of ours do not
 * get better by waiting (a bug gets one more try, in case it depended on timing).
 */
import { AnalysisLimitError } from '../workers/analysis-pool.js';

export interface RetrySchedule {
  /** tries in all, the first included */
  maxAttempts: number;
  /** the wait before try `attempt + 1` */
  delayMs(attempt: number): number;
}

export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = scheduleFrom(5_000);

/** Exponential waits from `baseMs` (×4 each time, at most 5 minutes), five tries in all. */
export function scheduleFrom(baseMs: number, maxAttempts = 5): RetrySchedule {
  return { maxAttempts, delayMs: (attempt) => Math.min(baseMs * 4 ** (attempt - 1), 5 * 60_000) };
}

export type FailureKind = 'transient' | 'rate-limited' | 'permanent' | 'limit' | 'bug';

export interface ClassifiedFailure {
  kind: FailureKind;
  /** for a rate limit: when GitHub says it resets (epoch milliseconds) */
  retryAt?: number;
}

interface ErrorShape {
  status?: unknown;
  name?: unknown;
  response?: { headers?: Record<string, string | undefined> };
}

export function classifyFailure(error: unknown, now: number): ClassifiedFailure {
  if (error instanceof AnalysisLimitError) return { kind: 'limit' };
  const shape = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape;
  const status = typeof shape.status === 'number' ? shape.status : undefined;
  if (status === undefined)
    return shape.name === 'HttpError' ? { kind: 'transient' } : { kind: 'bug' };
  const headers = shape.response?.headers ?? {};
  if (status === 403 || status === 429) {
    const retryAfter = Number(headers['retry-after']);
    if (Number.isFinite(retryAfter) && retryAfter > 0)
      return { kind: 'rate-limited', retryAt: now + retryAfter * 1000 };
    if (headers['x-ratelimit-remaining'] === '0') {
      const reset = Number(headers['x-ratelimit-reset']) * 1000;
      return {
        kind: 'rate-limited',
        retryAt: Number.isFinite(reset) && reset > now ? reset + 1000 : now + 60_000,
      };
    }
    return status === 429 ? { kind: 'rate-limited', retryAt: now + 60_000 } : { kind: 'permanent' };
  }
  // 500 also stands for a request that never got an answer (reset, time-out).
  if (status >= 500 || status === 408) return { kind: 'transient' };
  return { kind: 'permanent' };
}

/** When to try again, or undefined to give up now. */
export function nextTry(
  failure: ClassifiedFailure,
  attempt: number,
  schedule: RetrySchedule,
  now: number,
): number | undefined {
  switch (failure.kind) {
    case 'transient':
      return attempt < schedule.maxAttempts ? now + schedule.delayMs(attempt) : undefined;
    case 'rate-limited':
      return attempt < schedule.maxAttempts
        ? Math.max(failure.retryAt ?? 0, now + schedule.delayMs(attempt))
        : undefined;
    case 'bug':
      return attempt < 2 ? now + schedule.delayMs(attempt) : undefined;
    case 'permanent':
    case 'limit':
      return undefined;
  }
}
