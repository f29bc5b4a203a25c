/**
 * A review of a real pull request that writes nothing: the App's own flow runs against GitHub
 * with a client that lets reads through and keeps every write (check run, review, comments,
 * review requests, folded comments) instead of sending it. What it kept is exactly what the App
 * would post, so that a policy author can try a policy on a real pull request before rolling it
 * out.
 */
import type { Logger } from 'pino';
import type { ChangeAnalyzer } from './evaluate-change.js';
import type { PolicyTexts } from './load-policy.js';
import { reviewHead, type ReviewProgress } from './review-head.js';
import type { GitHubClient, ReviewTarget } from './review-target.js';

/** A write the App would have made. */
export interface KeptWrite {
  method: string;
  /** the request's path, e.g. `/repos/acme/infra/pulls/7/reviews`, or `graphql` */
  path: string;
  body: Record<string, unknown>;
}

export interface DryRunOutcome {
  outcome: 'reviewed' | 'skipped' | 'refused';
  /** the check run as it would end: what the last write to it said */
  checkRun?: {
    conclusion?: string;
    title?: string;
    summary?: string;
    text?: string;
    annotations: unknown[];
  };
  review?: { body: string; comments: unknown[] };
  writes: KeptWrite[];
}

export interface DryRunOptions {
  target: ReviewTarget;
  analyzer: ChangeAnalyzer;
  log: Logger;
  now?: () => Date;
  /** policy files to judge by instead of the org's and the base branch's */
  policy?: PolicyTexts;
}

const READS = new Set(['GET', 'HEAD']);
/** The id the kept check run pretends to have. */
const KEPT_RUN_ID = 1;

export async function dryRunReview(
  octokit: GitHubClient,
  options: DryRunOptions,
): Promise<DryRunOutcome> {
  const writes: KeptWrite[] = [];
  keepWrites(octokit, writes);
  const progress: ReviewProgress = { onError: 'failure' };
  const outcome = await reviewHead({
    octokit,
    log: options.log,
    target: options.target,
    // A fresh evaluation, whatever Posture's earlier runs on the head said.
    trigger: { kind: 'rerun' },
    analyzer: options.analyzer,
    now: options.now ?? (() => new Date()),
    signal: new AbortController().signal,
    jobId: 'dry-run',
    onRunOpened: async () => undefined,
    onRunCompleted: async () => undefined,
    dryRun: true,
    progress,
    ...(options.policy ? { policyOverride: options.policy } : {}),
  });
  return { outcome, ...checkRunOf(writes), ...reviewOf(writes), writes };
}

/** Reads go to GitHub; writes are kept and answered as GitHub would, minimally. */
function keepWrites(octokit: GitHubClient, writes: KeptWrite[]): void {
  octokit.hook.wrap('request', async (request, options) => {
    const method = String(options.method).toUpperCase();
    const graphqlQuery = typeof options.query === 'string' ? options.query : undefined;
    const isMutation = graphqlQuery !== undefined && /^\s*mutation\b/.test(graphqlQuery);
    if (READS.has(method) || (graphqlQuery !== undefined && !isMutation)) return request(options);
    const path = graphqlQuery !== undefined ? 'graphql' : requestPath(octokit, options);
    const body = Object.fromEntries(
      Object.entries(options).filter(
        ([key]) => !['method', 'url', 'headers', 'request', 'baseUrl', 'mediaType'].includes(key),
      ),
    );
    writes.push({ method, path, body });
    return { status: 200, url: path, headers: {}, data: answerFor(path, graphqlQuery) } as never;
  });
}

/** The REST path a request goes to, without the host (and GitHub Enterprise's `/api/v3`). */
function requestPath(octokit: GitHubClient, options: unknown): string {
  const { url } = (octokit.request.endpoint as unknown as (parameters: unknown) => { url: string })(
    options,
  );
  return url.replace(/^https?:\/\/[^/]+(\/api\/v3)?/, '');
}

function answerFor(path: string, mutation: string | undefined): unknown {
  if (mutation !== undefined) {
    const aliases = [...mutation.matchAll(/^\s*(\w+): minimizeComment/gm)].map(
      ([, alias]) => alias as string,
    );
    return Object.fromEntries(
      aliases.map((alias) => [alias, { minimizedComment: { isMinimized: true } }]),
    );
  }
  return /\/check-runs$/.test(path) ? { id: KEPT_RUN_ID } : { id: 0 };
}

function checkRunOf(writes: readonly KeptWrite[]): Pick<DryRunOutcome, 'checkRun'> {
  const runWrites = writes.filter((write) => /\/check-runs(\/\d+)?$/.test(write.path));
  if (runWrites.length === 0) return {};
  const annotations = runWrites.flatMap(
    (write) => (write.body.output as { annotations?: unknown[] } | undefined)?.annotations ?? [],
  );
  const last = runWrites.at(-1)?.body as {
    conclusion?: string;
    output?: { title?: string; summary?: string; text?: string };
  };
  return {
    checkRun: {
      ...(last.conclusion ? { conclusion: last.conclusion } : {}),
      ...(last.output?.title ? { title: last.output.title } : {}),
      ...(last.output?.summary ? { summary: last.output.summary } : {}),
      ...(last.output?.text ? { text: last.output.text } : {}),
      annotations,
    },
  };
}

function reviewOf(writes: readonly KeptWrite[]): Pick<DryRunOutcome, 'review'> {
  const review = writes.filter((write) => /\/pulls\/\d+\/reviews$/.test(write.path)).at(-1);
  if (!review) return {};
  return {
    review: {
      body: typeof review.body.body === 'string' ? review.body.body : '',
      comments: (review.body.comments as unknown[] | undefined) ?? [],
    },
  };
}
