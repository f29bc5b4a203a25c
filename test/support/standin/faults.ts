/**
 * Faults the GitHub stand-in injects before a request reaches the fake GitHub: an error status,
 * GitHub's secondary and primary rate limits (with the headers and messages GitHub sends), a
 * connection reset, a delay, or no answer at all. Each injection applies to the requests it
 * matches, after letting `after` of them through, `times` times, then stops.
 */
import { STATUS_CODES } from 'node:http';
import type { FakeResponse } from '../github-model/routes.js';
import { matchesRequest, type MatchableRequest, type RequestMatcher } from './request-matcher.js';

export type Fault =
  /**
   * answer with this status (and body and headers; by default GitHub's `{ message }` for the
   * status); with `afterHandling`, the request is carried out first and only its answer is lost,
   * as when GitHub takes a write and then fails to say so
   */
  | { status: number; body?: unknown; headers?: Record<string, string>; afterHandling?: boolean }
  /** 403 with `retry-after` and GitHub's "You have exceeded a secondary rate limit" message */
  | { secondaryRateLimit: { retryAfterSeconds: number } }
  /** `x-ratelimit-remaining: 0` and `x-ratelimit-reset`: 403 with "API rate limit exceeded" over REST, 200 with a RATE_LIMITED error over GraphQL */
  | { primaryRateLimit: { resetInSeconds: number } }
  /** close the connection without answering */
  | { reset: true }
  /** answer normally, this much later */
  | { delayMs: number }
  /** never answer; the connection is closed when the stand-in closes */
  | { hang: true };

export interface FaultInjection extends RequestMatcher {
  fault: Fault;
  /** how many matching requests get the fault; 1 by default, `Infinity` for all */
  times?: number;
  /** how many matching requests pass untouched before the fault applies; none by default */
  after?: number;
}

export interface InjectedFault {
  readonly injection: FaultInjection;
  /** matching requests still to fault */
  readonly remaining: number;
  /** requests faulted so far */
  readonly applied: number;
}

interface ActiveFault extends InjectedFault {
  remaining: number;
  applied: number;
  /** matching requests still to let through */
  passing: number;
}

export class StandinFaults {
  readonly #active: ActiveFault[] = [];

  inject(injection: FaultInjection): InjectedFault {
    const times = injection.times ?? 1;
    if (!(times >= 1)) throw new Error(`a fault applies at least once; times was ${times}`);
    const passing = injection.after ?? 0;
    if (!(passing >= 0))
      throw new Error(`a fault lets through no fewer than 0 requests; after was ${passing}`);
    const active: ActiveFault = { injection, remaining: times, applied: 0, passing };
    this.#active.push(active);
    return active;
  }

  clear(): void {
    this.#active.length = 0;
  }

  /** The fault for this request, counted down, from the earliest injection that still matches. */
  take(request: MatchableRequest): Fault | undefined {
    const found = this.#active.find(
      (active) => active.remaining > 0 && matchesRequest(active.injection, request),
    );
    if (!found) return undefined;
    if (found.passing > 0) {
      found.passing -= 1;
      return undefined;
    }
    found.remaining -= 1;
    found.applied += 1;
    if (found.remaining === 0) this.#active.splice(this.#active.indexOf(found), 1);
    return found.injection.fault;
  }
}

const RATE_LIMIT_DOCS =
  'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api';
const HOURLY_LIMIT = 5000;

/** The answer a status or rate-limit fault gives; undefined for the faults that change how (or whether) the stand-in answers. */
export function faultAnswer(
  fault: Fault,
  request: { graphql: boolean; installationId?: number },
  nowMs = Date.now(),
): FakeResponse | undefined {
  const who =
    request.installationId === undefined ? '' : ` for installation ID ${request.installationId}`;
  if ('status' in fault) {
    return {
      status: fault.status,
      body: fault.body ?? {
        message: STATUS_CODES[fault.status] ?? 'Error',
        documentation_url: 'https://docs.github.com/rest',
      },
      ...(fault.headers ? { headers: fault.headers } : {}),
    };
  }
  if ('secondaryRateLimit' in fault) {
    return {
      status: 403,
      headers: {
        'retry-after': String(fault.secondaryRateLimit.retryAfterSeconds),
        ...rateLimitHeaders(request.graphql, HOURLY_LIMIT - 1, nowMs + 3600_000),
      },
      body: {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.',
        documentation_url: `${RATE_LIMIT_DOCS}#about-secondary-rate-limits`,
      },
    };
  }
  if ('primaryRateLimit' in fault) {
    const headers = rateLimitHeaders(
      request.graphql,
      0,
      nowMs + fault.primaryRateLimit.resetInSeconds * 1000,
    );
    // GraphQL answers an exhausted budget with HTTP 200 and a RATE_LIMITED error.
    if (request.graphql)
      return {
        status: 200,
        headers,
        body: { errors: [{ type: 'RATE_LIMITED', message: `API rate limit exceeded${who}.` }] },
      };
    return {
      status: 403,
      headers,
      body: {
        message: `API rate limit exceeded${who}.`,
        documentation_url: `${RATE_LIMIT_DOCS}#about-the-primary-rate-limit`,
      },
    };
  }
  return undefined;
}

function rateLimitHeaders(
  graphql: boolean,
  remaining: number,
  resetMs: number,
): Record<string, string> {
  return {
    'x-ratelimit-limit': String(HOURLY_LIMIT),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-used': String(HOURLY_LIMIT - remaining),
    'x-ratelimit-reset': String(Math.ceil(resetMs / 1000)),
    'x-ratelimit-resource': graphql ? 'graphql' : 'core',
  };
}
