/**
 * `posture review <pull request URL>`: the App's review of a real pull request, as a dry run.
 * The pull request is read with @octokit/rest and a token from the environment; every write the
 * App would make is kept and printed instead. For trying a policy on a real pull request before
 * rolling it out.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Octokit } from '@octokit/rest';
import { pino } from 'pino';
import { analyze } from '../engine/analyze.js';
import { dryRunReview, type DryRunOutcome } from '../review/dry-run.js';
import type { PolicyTexts } from '../review/load-policy.js';
import type { GitHubClient } from '../review/review-target.js';
import { inThreadAnalyzer } from '../workers/analysis-pool.js';
import { settleForAnalysis } from './analysis-settings.js';
import type { ReviewCommand } from './commands.js';
import { describeError } from './describe-error.js';
import { emit, type CliIo } from './io.js';
import { parsePullRequestUrl } from './pull-request-url.js';
import { UsageError } from './usage-error.js';
import type { ExitCode } from './verdict.js';

const PASSING = new Set(['success', 'neutral', 'skipped']);

export async function runReview(command: ReviewCommand, io: CliIo): Promise<ExitCode> {
  const location = parsePullRequestUrl(command.url);
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN;
  if (!token)
    throw new UsageError(
      'posture review reads the pull request with a token: set GITHUB_TOKEN (or GH_TOKEN) to one that can read the repository',
    );
  const policy = await localPolicy(command, io.cwd);
  settleForAnalysis();
  const octokit = new Octokit({
    auth: token,
    baseUrl: location.baseUrl,
    userAgent: 'posture-review',
  }) as unknown as GitHubClient;
  let outcome: DryRunOutcome;
  try {
    const { data: pull } = await octokit.rest.pulls.get({
      owner: location.owner,
      repo: location.repo,
      pull_number: location.pullNumber,
    });
    outcome = await dryRunReview(octokit, {
      target: {
        owner: location.owner,
        repo: location.repo,
        pullNumber: location.pullNumber,
        headSha: pull.head.sha,
        baseSha: pull.base.sha,
        htmlUrl: pull.html_url,
        ...(pull.user?.login ? { author: pull.user.login } : {}),
        draft: pull.draft ?? false,
      },
      analyzer: inThreadAnalyzer((files, options) => analyze(files, options)),
      log: pino({ level: 'silent' }),
      ...(policy ? { policy } : {}),
    });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`could not review ${command.url}: ${describeError(error)}`);
  }
  await emit(
    io,
    command.output,
    command.format === 'json'
      ? `${JSON.stringify(outcome, null, 2)}\n`
      : reviewText(outcome, command.url),
  );
  return outcome.checkRun?.conclusion && !PASSING.has(outcome.checkRun.conclusion) ? 1 : 0;
}

/** The policy files named on the command line, in the App's layers. */
async function localPolicy(command: ReviewCommand, cwd: string): Promise<PolicyTexts | undefined> {
  if (!command.config && !command.orgConfig) return undefined;
  const read = async (file: string) => ({
    source: file,
    text: await readFile(path.resolve(cwd, file), 'utf8').catch((error: unknown) =>
      Promise.reject(new UsageError(`cannot read ${file}: ${describeError(error)}`)),
    ),
  });
  return {
    ...(command.orgConfig ? { org: await read(command.orgConfig) } : {}),
    ...(command.config ? { repo: await read(command.config) } : {}),
  };
}

function reviewText(outcome: DryRunOutcome, url: string): string {
  const lines = [`Dry run of Posture on ${url}: nothing was posted.`, ''];
  if (!outcome.checkRun) {
    lines.push(`No check run: the review was ${outcome.outcome}.`);
    return `${lines.join('\n')}\n`;
  }
  const run = outcome.checkRun;
  lines.push(
    `Check run "Posture": ${run.conclusion ?? 'in progress'} — ${run.title ?? ''}`,
    '',
    run.summary ?? '',
    '',
  );
  lines.push(`Annotations (${run.annotations.length}):`);
  for (const annotation of run.annotations as Array<{
    path: string;
    start_line: number;
    annotation_level: string;
    title?: string;
    message: string;
  }>) {
    lines.push(
      `  ${annotation.path}:${annotation.start_line} ${annotation.annotation_level} ${annotation.title ?? ''}: ${annotation.message}`,
    );
  }
  lines.push('');
  if (outcome.review) {
    lines.push(
      `Review with ${outcome.review.comments.length} inline comments:`,
      `  ${outcome.review.body.split('\n')[0] ?? ''}`,
    );
    for (const comment of outcome.review.comments as Array<{
      path: string;
      line: number;
      body: string;
    }>) {
      lines.push(
        `  ${comment.path}:${comment.line}  ${comment.body.split('\n').slice(0, 2).join(' ').slice(0, 160)}`,
      );
    }
  } else {
    lines.push(
      'No review: no new finding on a line the pull request adds, or its comments are already there.',
    );
  }
  const others = outcome.writes.filter(
    (write) => !/\/check-runs(\/\d+)?$|\/pulls\/\d+\/reviews$/.test(write.path),
  );
  for (const write of others) lines.push(`Also: ${write.method} ${write.path}`);
  return `${lines.join('\n')}\n`;
}
