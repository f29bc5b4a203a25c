/**
 * How every GitHub request of the process behaves, through the retry and throttling plugins that
 * Probot's Octokit already carries, configured here rather than re-implemented:
 *
 * - each try of a request has a time-out (a hung connection costs at most `requestTimeoutMs`);
 * - 5xx answers, resets and time-outs are retried with growing waits (plugin-retry);
 * - secondary rate limits are retried after GitHub's `retry-after` (a minute without one), and
 *   primary limits after the reset, when that is soon enough (plugin-throttling); otherwise the
 *   error reaches the job, which is retried at the reset;
 * - writes are spaced per installation (`writeIntervalMs`, GitHub's guidance is one second), and
 *   writes that notify people (reviews, comments, review requests) three times as far, as the
 *   throttling plugin does by default; on Redis across replicas when Probot is given `REDIS_URL`.
 */
import Bottleneck from 'bottleneck';
import { ProbotOctokit } from 'probot';

export interface GitHubClientSettings {
  requestTimeoutMs: number;
  /** retries of one request after a 5xx, a reset or a time-out */
  retries: number;
  /** the first retry waits this long, the n-th n² times as long */
  retryBaseMs: number;
  /** the least time between two writes of one installation */
  writeIntervalMs: number;
  /** the longest a request waits for a primary rate limit to reset before giving up */
  maxRateLimitWaitMs: number;
}

export const DEFAULT_GITHUB_CLIENT_SETTINGS: GitHubClientSettings = {
  requestTimeoutMs: 30_000,
  retries: 4,
  retryBaseMs: 1_000,
  writeIntervalMs: 1_000,
  maxRateLimitWaitMs: 60_000,
};

export interface GitHubClientObserver {
  request?(method: string, status: number, seconds: number): void;
  rateLimitWait?(kind: 'primary' | 'secondary', seconds: number): void;
}

/** Neither GitHub nor a rate limit is worth more tries than this for one request. */
const MAX_RATE_LIMIT_RETRIES = 3;

interface RequestOptionsShape {
  method?: string;
  url?: string;
  request?: { retryCount?: number };
}

interface LogShape {
  warn(object: object, message: string): void;
}

/**
 * Probot's Octokit with these settings. A function of Probot's own options, so that what Probot
 * sets (its throttle connection on Redis, the installation's id) is kept.
 */
export function configuredOctokit(
  settings: GitHubClientSettings,
  observer: GitHubClientObserver = {},
): typeof ProbotOctokit {
  const groups = new Map<unknown, { write: Bottleneck.Group; notifications: Bottleneck.Group }>();
  return ProbotOctokit.defaults(
    (options: Record<string, unknown> & { throttle?: Record<string, unknown>; log?: LogShape }) => {
      const throttle = options.throttle ?? {};
      if (throttle.enabled === false) return { ...options, retry: retryOptions(settings) };
      const connection = throttle.connection;
      let shared = groups.get(connection ?? 'local');
      if (!shared) {
        const common = {
          maxConcurrent: 1,
          ...(connection ? { connection: connection as Bottleneck.RedisConnection } : {}),
        };
        shared = {
          write: new Bottleneck.Group({
            id: 'posture-write',
            minTime: settings.writeIntervalMs,
            ...common,
          }),
          notifications: new Bottleneck.Group({
            id: 'posture-notifications',
            minTime: 3 * settings.writeIntervalMs,
            ...common,
          }),
        };
        groups.set(connection ?? 'local', shared);
      }
      return {
        ...options,
        retry: retryOptions(settings),
        throttle: {
          ...throttle,
          write: shared.write,
          notifications: shared.notifications,
          onSecondaryRateLimit: (retryAfter: number, request: RequestOptionsShape) => {
            const retryCount = request.request?.retryCount ?? 0;
            options.log?.warn(
              { method: request.method, url: request.url, retryAfter, retryCount },
              'secondary rate limit',
            );
            if (retryCount >= MAX_RATE_LIMIT_RETRIES) return false;
            observer.rateLimitWait?.('secondary', retryAfter);
            return true;
          },
          onRateLimit: (retryAfter: number, request: RequestOptionsShape) => {
            const retryCount = request.request?.retryCount ?? 0;
            options.log?.warn(
              { method: request.method, url: request.url, retryAfter, retryCount },
              'rate limit exhausted',
            );
            if (
              retryCount >= MAX_RATE_LIMIT_RETRIES ||
              retryAfter * 1000 > settings.maxRateLimitWaitMs
            )
              return false;
            observer.rateLimitWait?.('primary', retryAfter);
            return true;
          },
        },
      };
    },
  );
}

function retryOptions(settings: GitHubClientSettings) {
  return {
    retries: settings.retries,
    retryAfterBaseValue: settings.retryBaseMs,
    // 403 and 429 are rate limits, which the throttling plugin handles.
    doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
  };
}

/** `fetch` with a time-out per try, and the observer told of every answer. */
export function timedFetch(timeoutMs: number, observer: GitHubClientObserver = {}): typeof fetch {
  return async (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const started = performance.now();
    const method = init?.method ?? 'GET';
    try {
      const response = await fetch(input, { ...init, signal });
      observer.request?.(method, response.status, (performance.now() - started) / 1000);
      return response;
    } catch (error) {
      observer.request?.(method, 0, (performance.now() - started) / 1000);
      if (timeout.aborted)
        throw new Error(`GitHub did not answer within ${Math.round(timeoutMs / 1000)} s`, {
          cause: error,
        });
      throw error;
    }
  };
}
