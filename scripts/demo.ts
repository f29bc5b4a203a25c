/**
 * `npm run demo`: Posture reviews a sample pull request end to end, on this machine only.
 *
 * A local GitHub stand-in serves demo/sample-pr as a pull request; the real app starts through
 * the same server code as `npm start`, with a throwaway key generated for this run. Then, as
 * signed webhooks through the app's HTTP middleware:
 * 1. `pull_request.opened`: the check run (the sample's policy routes high-risk changes to the
 *    `security` team, so it needs their approval), the inline review and the review request;
 * 2. `pull_request.synchronize` after a push that fixes one finding: no comment is repeated, and
 *    the fixed finding's comment is folded as resolved;
 * 3. `pull_request_review.submitted`: a member of the security team approves, and the run turns green.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { configFromEnv } from '../src/server/config-from-env.js';
import { startPostureServer } from '../src/server/create-server.js';
import { deliverWebhook } from '../test/support/deliver-webhook.js';
import {
  appEnvironment,
  startGitHubStandin,
  type GitHubStandin,
  type StandinCheckRun,
  type StandinReview,
} from '../test/support/github-standin.js';
import { buildPullRequest, readTree } from '../test/support/pull-request-fixture.js';
import { pullRequestEvent, pullRequestReviewEvent } from '../test/support/webhook-payloads.js';

const colour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string) => (text: string) =>
  colour ? `\u001b[${code}m${text}\u001b[0m` : text;
const bold = paint('1');
const dim = paint('2');
const red = paint('31');
const yellow = paint('33');
const cyan = paint('36');
const green = paint('32');
const TASKS = 'roles/webserver/tasks/main.yml';

const samplePullRequest = fileURLToPath(new URL('../demo/sample-pr/', import.meta.url));
const SECURITY_REVIEWER = 'sam-sec';
const base = readTree(`${samplePullRequest}base`);
const head = readTree(`${samplePullRequest}head`);
const standin = await startGitHubStandin({ base, head, teams: { security: [SECURITY_REVIEWER] } });
const webhookSecret = randomBytes(20).toString('hex');
const config = configFromEnv(appEnvironment(standin, webhookSecret));
if (!config.ok) throw new Error(config.problems.join('\n'));
const server = await startPostureServer(
  config.config,
  pino({ level: process.env.LOG_LEVEL ?? 'warn' }),
);

try {
  const { owner, repo, pullNumber, headSha } = standin.target;
  console.log(bold(`Posture demo: pull request #${pullNumber} in ${owner}/${repo}`));
  console.log(
    dim(`GitHub stand-in at ${standin.apiUrl}; Posture listening at ${server.webhookUrl}\n`),
  );
  console.log(`Changed files:`);
  for (const file of standin.pullRequest.files)
    console.log(
      `  ${file.status.padEnd(8)} ${file.filename} ${dim(`+${file.additions} -${file.deletions}`)}`,
    );

  step('1. The pull request is opened');
  const delivery = await deliverWebhook(
    server.webhookUrl,
    pullRequestEvent('opened', standin.target),
    webhookSecret,
  );
  console.log(`Delivered a signed pull_request.opened webhook: HTTP ${delivery.status}`);
  const run = await standin.waitFor(() =>
    standin.checkRuns.find(
      (candidate) => candidate.head_sha === headSha && candidate.status === 'completed',
    ),
  );
  printRequests(0);
  printCheckRun(run);
  for (const review of standin.reviews) printReview(review, standin);
  if (standin.reviews.length === 0)
    console.log(dim('\nNo inline review: no finding is on a line this pull request adds.'));
  console.log(
    `\nReview requested from: ${[...standin.github.requested.teams].map((team) => `team ${team}`).join(', ') || 'nobody'}`,
  );

  step('2. The author pushes a fix for the TLS finding');
  const fixedTasks = (head.get(TASKS) ?? '').replace('validate_certs: no', 'validate_certs: yes');
  const fixed = buildPullRequest(base, new Map([...head, [TASKS, fixedTasks]]));
  standin.github.push(fixed);
  const before = standin.requests.length;
  const reviewsBefore = standin.reviews.length;
  await deliverWebhook(
    server.webhookUrl,
    pullRequestEvent('synchronize', { ...standin.target, headSha: fixed.headSha }),
    webhookSecret,
  );
  const second = await standin.waitFor(() =>
    standin.checkRuns.find(
      (candidate) => candidate.head_sha === fixed.headSha && candidate.status === 'completed',
    ),
  );
  printRequests(before);
  console.log(`Conclusion: ${paintConclusion(second.conclusion)} · ${second.output.title}`);
  console.log(
    `New reviews: ${standin.reviews.length - reviewsBefore} (every other finding keeps its comment from the first push)`,
  );
  for (const comment of standin.github
    .postureComments()
    .filter((candidate) => candidate.isMinimized)) {
    console.log(
      `Folded as ${comment.minimizedReason}: ${comment.path}:${comment.line} ${dim(firstLine(comment.body))}`,
    );
  }

  step(`3. @${SECURITY_REVIEWER} of the security team approves`);
  standin.github.submitReview(SECURITY_REVIEWER, 'APPROVED', {
    body: 'Agent and shipper come from our vendor; fine with the checksum follow-up.',
  });
  await deliverWebhook(
    server.webhookUrl,
    pullRequestReviewEvent(
      'submitted',
      { ...standin.target, headSha: fixed.headSha },
      { reviewer: SECURITY_REVIEWER, state: 'approved' },
    ),
    webhookSecret,
  );
  const approved = await standin.waitFor(() =>
    standin.checkRuns.find(
      (candidate) => candidate.head_sha === fixed.headSha && candidate.conclusion === 'success',
    ),
  );
  console.log(`Conclusion: ${paintConclusion(approved.conclusion)} · ${approved.output.title}`);
  console.log(
    indent(approved.output.summary?.split('\n\n').slice(0, 2).join('\n\n') ?? '', '  │ '),
  );
} finally {
  await server.close();
  await standin.close();
}

function step(title: string): void {
  console.log(bold(`\n════ ${title} ════`));
}

function printRequests(from: number): void {
  console.log(dim('\nRequests Posture made to GitHub:'));
  for (const request of standin.requests.slice(from)) {
    const operation =
      request.path === '/api/graphql'
        ? ` ${/^(?:query|mutation) (\w+)/.exec(String((request.body as { query?: string }).query))?.[1] ?? ''}`
        : '';
    console.log(
      dim(
        `  ${request.method.padEnd(5)} ${request.path.replace(/^\/api\/v3/, '')}${operation} → ${request.status}`,
      ),
    );
  }
}

function paintConclusion(conclusion: string | null): string {
  if (conclusion === 'failure') return red(conclusion);
  if (conclusion === 'success') return green(conclusion);
  return yellow(String(conclusion));
}

function firstLine(body: string): string {
  return body.split('\n')[0] ?? '';
}

function printCheckRun(run: StandinCheckRun): void {
  console.log(bold(`\n━━ Check run “${run.name}” on ${run.head_sha.slice(0, 7)} ━━`));
  console.log(
    `Conclusion: ${paintConclusion(run.conclusion)}${run.actions?.length ? `  [${run.actions.map((action) => action.label).join('] [')}]` : ''}`,
  );
  console.log(`Title:      ${bold(run.output.title ?? '')}`);
  console.log(dim('\nSummary (Markdown, as sent to GitHub):'));
  console.log(indent(run.output.summary ?? '', '  │ '));
  console.log(bold(`\nAnnotations (${run.annotations.length}):`));
  for (const annotation of run.annotations) {
    const level =
      annotation.annotation_level === 'failure'
        ? red('failure')
        : annotation.annotation_level === 'warning'
          ? yellow('warning')
          : cyan('notice ');
    const column = annotation.start_column === undefined ? '' : `:${annotation.start_column}`;
    console.log(
      `  ${level} ${annotation.path}:${annotation.start_line}${column}  ${bold(annotation.title ?? '')}`,
    );
    console.log(`          ${annotation.message}`);
  }
}

function printReview(review: StandinReview, github: GitHubStandin): void {
  console.log(bold(`\n━━ Review (${review.event}) on ${review.commit_id.slice(0, 7)} ━━`));
  console.log(review.body);
  for (const comment of review.comments) {
    const lines = (
      github.pullRequest.blobs.get(
        github.pullRequest.files.find((file) => file.filename === comment.path)?.sha ?? '',
      ) ?? ''
    ).split('\n');
    const first = comment.start_line ?? comment.line;
    console.log(
      bold(
        `\n${cyan(comment.path)} line ${first === comment.line ? comment.line : `${first}–${comment.line}`}`,
      ),
    );
    for (let line = Math.max(1, first - 2); line <= comment.line; line += 1) {
      const marker = line >= first ? '>' : ' ';
      console.log(dim(`  ${marker} ${String(line).padStart(3)} │ `) + (lines[line - 1] ?? ''));
    }
    console.log(indent(comment.body.replace(/\n*<!-- posture:fingerprint=[^>]*-->/, ''), '    ┃ '));
  }
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');
}
