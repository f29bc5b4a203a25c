/**
 * `npm run demo`: Posture reviews a sample pull request end to end, on this machine only.
 *
 * A local GitHub stand-in serves demo/sample-pr as a pull request; the real app starts through
 * the same server code as `npm start`, with a throwaway key generated for this run; a signed
 * `pull_request.opened` webhook goes through the app's HTTP middleware; then the check run and
 * the review that reached the stand-in are printed as a reviewer would see them.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { configFromEnv } from '../src/server/config-from-env.js';
import { startPostureServer } from '../src/server/create-server.js';
import { deliverWebhook } from '../test/support/deliver-webhook.js';
import { startGitHubStandin, type GitHubStandin, type StandinCheckRun, type StandinReview } from '../test/support/github-standin.js';
import { readTree } from '../test/support/pull-request-fixture.js';
import { pullRequestEvent } from '../test/support/webhook-payloads.js';

const colour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string) => (text: string) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
const bold = paint('1');
const dim = paint('2');
const red = paint('31');
const yellow = paint('33');
const cyan = paint('36');
const green = paint('32');

const samplePullRequest = fileURLToPath(new URL('../demo/sample-pr/', import.meta.url));
const standin = await startGitHubStandin({
  base: readTree(`${samplePullRequest}base`),
  head: readTree(`${samplePullRequest}head`),
});
const webhookSecret = randomBytes(20).toString('hex');
const config = configFromEnv({
  APP_ID: String(standin.appId),
  PRIVATE_KEY: standin.privateKey,
  WEBHOOK_SECRET: webhookSecret,
  GHE_HOST: standin.host,
  GHE_PROTOCOL: 'http',
  HOST: '127.0.0.1',
  PORT: '0',
});
if (!config.ok) throw new Error(config.problems.join('\n'));
const server = await startPostureServer(config.config, pino({ level: process.env.LOG_LEVEL ?? 'warn' }));

try {
  const { owner, repo, pullNumber, headSha } = standin.target;
  console.log(bold(`Posture demo: pull request #${pullNumber} in ${owner}/${repo}`));
  console.log(dim(`GitHub stand-in at ${standin.apiUrl}; Posture listening at ${server.webhookUrl}\n`));
  console.log(`Changed files:`);
  for (const file of standin.pullRequest.files) console.log(`  ${file.status.padEnd(8)} ${file.filename} ${dim(`+${file.additions} -${file.deletions}`)}`);

  const delivery = await deliverWebhook(server.webhookUrl, pullRequestEvent('opened', standin.target), webhookSecret);
  console.log(`\nDelivered a signed pull_request.opened webhook: HTTP ${delivery.status}`);
  const run = await standin.waitFor(() => standin.checkRuns.find((candidate) => candidate.head_sha === headSha && candidate.status === 'completed'));

  console.log(dim('\nRequests Posture made to GitHub:'));
  for (const request of standin.requests) console.log(dim(`  ${request.method.padEnd(5)} ${request.path.replace(/^\/api\/v3/, '')} → ${request.status}`));
  printCheckRun(run);
  for (const review of standin.reviews) printReview(review, standin);
  if (standin.reviews.length === 0) console.log(dim('\nNo inline review: no finding is on a line this pull request adds.'));
} finally {
  await server.close();
  await standin.close();
}

function printCheckRun(run: StandinCheckRun): void {
  const conclusion = run.conclusion === 'failure' ? red(run.conclusion) : run.conclusion === 'success' ? green(run.conclusion) : yellow(String(run.conclusion));
  console.log(bold(`\n━━ Check run “${run.name}” on ${run.head_sha.slice(0, 7)} ━━`));
  console.log(`Conclusion: ${conclusion}`);
  console.log(`Title:      ${bold(run.output.title ?? '')}`);
  console.log(dim('\nSummary (Markdown, as sent to GitHub):'));
  console.log(indent(run.output.summary ?? '', '  │ '));
  console.log(bold(`\nAnnotations (${run.annotations.length}):`));
  for (const annotation of run.annotations) {
    const level = annotation.annotation_level === 'failure' ? red('failure') : annotation.annotation_level === 'warning' ? yellow('warning') : cyan('notice ');
    const column = annotation.start_column === undefined ? '' : `:${annotation.start_column}`;
    console.log(`  ${level} ${annotation.path}:${annotation.start_line}${column}  ${bold(annotation.title ?? '')}`);
    console.log(`          ${annotation.message}`);
  }
}

function printReview(review: StandinReview, github: GitHubStandin): void {
  console.log(bold(`\n━━ Review (${review.event}) on ${review.commit_id.slice(0, 7)} ━━`));
  console.log(review.body);
  for (const comment of review.comments) {
    const lines = (github.pullRequest.blobs.get(github.pullRequest.files.find((file) => file.filename === comment.path)?.sha ?? '') ?? '').split('\n');
    const first = comment.start_line ?? comment.line;
    console.log(bold(`\n${cyan(comment.path)} line ${first === comment.line ? comment.line : `${first}–${comment.line}`}`));
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
