/**
 * Ties a GitHub client to a job's signal: once the job is superseded or the process shuts
 * down, every request of the client fails at once instead of finishing work nobody needs,
 * retries and rate-limit waits included.
 */
import type { GitHubClient } from '../review/review-target.js';

export function abortable(octokit: GitHubClient, signal: AbortSignal): GitHubClient {
  octokit.hook.wrap('request', async (request, options) => {
    signal.throwIfAborted();
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal.reason instanceof Error ? signal.reason : abortError(signal.reason));
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

function abortError(reason: unknown): Error {
  const error = new Error(`the job was stopped (${JSON.stringify(reason)})`);
  error.name = 'AbortError';
  return error;
}
