/** A pull request's web address → where its API is, and which pull request it is. */
import { UsageError } from './usage-error.js';

export interface PullRequestLocation {
  /** REST root: https://api.github.com, or `https://<host>/api/v3` on GitHub Enterprise Server */
  baseUrl: string;
  owner: string;
  repo: string;
  pullNumber: number;
}

export function parsePullRequestUrl(text: string): PullRequestLocation {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(
      `not a pull request URL: ${text} (expected https://github.com/OWNER/REPO/pull/NUMBER)`,
    );
  }
  const match = /^\/([^/]+)\/([^/]+)\/pull\/(\d+)\/?/.exec(url.pathname);
  if (!match || !['https:', 'http:'].includes(url.protocol))
    throw new UsageError(
      `not a pull request URL: ${text} (expected https://github.com/OWNER/REPO/pull/NUMBER)`,
    );
  const baseUrl =
    url.host === 'github.com' || url.host === 'www.github.com'
      ? 'https://api.github.com'
      : `${url.protocol}//${url.host}/api/v3`;
  return {
    baseUrl,
    owner: decodeURIComponent(match[1] ?? ''),
    repo: decodeURIComponent(match[2] ?? ''),
    pullNumber: Number(match[3]),
  };
}
