/**
 * Every request the GitHub stand-in saw, in the order it answered them (a request it never
 * answers, reset or hung by a fault, is recorded when it arrives), and waiting for the Nth
 * request that matches: the moment to kill an app in the middle of a review.
 */
import { describeMatcher, matchesRequest, type RequestMatcher } from './request-matcher.js';
import type { Fault } from './faults.js';

export interface RecordedRequest {
  method: string;
  /** the path as sent, with the API prefix and the query: `/api/v3/repos/...?...`, `/api/graphql` */
  path: string;
  /** the status answered; 0 when the stand-in never answered (a `reset` or `hang` fault) */
  status: number;
  body: unknown;
  /** the GraphQL operation name, for GraphQL requests */
  operation?: string;
  /** the installation whose token made the request */
  installationId?: number;
  /** the fault injected into this request, when one was */
  fault?: Fault;
}

export interface WaitForRequestOptions {
  /** resolve on the Nth matching request; 1 by default */
  count?: number;
  /** count only requests recorded from this index of `requests` on (`standin.requests.length` for "from now") */
  since?: number;
  timeoutMs?: number;
}

interface Waiter {
  matcher: RequestMatcher;
  count: number;
  since: number;
  resolve(request: RecordedRequest): void;
  reject(error: Error): void;
}

export class RequestLog {
  readonly requests: RecordedRequest[] = [];
  readonly #waiters = new Set<Waiter>();

  record(request: RecordedRequest): void {
    this.requests.push(request);
    for (const waiter of this.#waiters) this.#settle(waiter);
  }

  waitForRequest(
    matcher: RequestMatcher,
    { count = 1, since = 0, timeoutMs = 15_000 }: WaitForRequestOptions = {},
  ): Promise<RecordedRequest> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        const seen = this.#matching(waiter).length;
        reject(
          new Error(
            `the GitHub stand-in saw ${seen} of ${count} requests matching ${describeMatcher(matcher)} within ${timeoutMs} ms`,
          ),
        );
      }, timeoutMs);
      const waiter: Waiter = {
        matcher,
        count,
        since,
        resolve: (request) => {
          clearTimeout(timer);
          resolve(request);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.#waiters.add(waiter);
      this.#settle(waiter);
    });
  }

  /** Fails every wait still pending: the stand-in is closing. */
  close(): void {
    for (const waiter of this.#waiters)
      waiter.reject(
        new Error(
          `the GitHub stand-in closed before a request matching ${describeMatcher(waiter.matcher)} arrived`,
        ),
      );
    this.#waiters.clear();
  }

  #settle(waiter: Waiter): void {
    const found = this.#matching(waiter)[waiter.count - 1];
    if (!found) return;
    this.#waiters.delete(waiter);
    waiter.resolve(found);
  }

  #matching(waiter: Waiter): RecordedRequest[] {
    return this.requests
      .slice(waiter.since)
      .filter((request) =>
        matchesRequest(waiter.matcher, { ...request, apiPath: apiPathOf(request.path) }),
      );
  }
}

/** `/api/v3/repos/a/b?x=1` → `/repos/a/b`; `/api/graphql` → `/graphql`. */
export function apiPathOf(path: string): string {
  const bare = path.split('?')[0] ?? path;
  if (bare === '/api/graphql') return '/graphql';
  return bare.startsWith('/api/v3') ? bare.slice('/api/v3'.length) : bare;
}
