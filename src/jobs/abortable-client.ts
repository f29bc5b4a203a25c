/**
 * Ties a GitHub client to a job's signal: once the job is superseded or the process shuts
 * down, no new request starts, and reads in flight (with their retries and rate-limit waits)
 * are dropped at once. A write in flight is let finish and its answer returned: cutting it off
 * would leave a check run or a review on GitHub that the job never learns of.
 */
import type { GitHubClient } from '../review/review-target.js';

const READS = new Set(['GET', 'HEAD']);

export function abortable(octokit: GitHubClient, signal: AbortSignal): GitHubClient {
  octokit.hook.wrap('request', async (request, options) => {
    signal.throwIfAborted();
    if (!READS.has(String(options.method).toUpperCase()) && !isGraphqlRead(options))
      return request(options);
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () =>
        reject(signal.reason instanceof Error ? signal.reason : abortError(signal.reason));
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([request(options), aborted]);
    } finally {
      if (onAbort) signal.removeEventListener('abort', onAbort);
    }
  });
  return octokit;
}

/** A GraphQL query reads; a mutation writes. */
function isGraphqlRead(options: { url?: string; query?: unknown }): boolean {
  return (
    String(options.url).endsWith('/graphql') &&
    typeof options.query === 'string' &&
    /^\s*query\b/.test(options.query)
  );
}

function abortError(reason: unknown): Error {
  const error = new Error(`the job was stopped (${JSON.stringify(reason)})`);
  error.name = 'AbortError';
  return error;
}
