/** A pull request's web address → where its API is, and which pull request it is. */
import { UsageError } from './usage-error.js';

export interface PullRequestLocation {
  /** REST root: https://api.github.com, or `https://<host>/api/v3` on GitHub Enterprise Server */
  baseUrl: string;
  owner: string;
  repo: string;
  pullNumber: number;
}

/** Hosts a plain-HTTP address may name: this machine (a local GitHub stand-in), never a network. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

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
  // The token goes with every request: never in clear text over a network.
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname))
    throw new UsageError(
      `refusing to send the GitHub token to ${url.host} over plain HTTP; use the https:// address of the pull request`,
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
