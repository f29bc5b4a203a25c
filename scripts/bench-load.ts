/**
 * `npm run bench:load`: the server under load, measured from the outside. Posture runs as a
 * process of its own (as `npm start` runs it) against the local GitHub stand-in, which serves
 * ten installations, each with a pull request like the demo's (Ansible, Puppet and Chef files).
 *
 * - Load: pushes arrive at a steady rate, spread over the pull requests (so that newer heads
 *   supersede older ones, as in real life); every webhook's answer time is measured, `/healthz`
 *   is polled throughout, and each pull request's newest head is timed from its push to its
 *   completed run.
 * - Heavy analysis: a pull request of six 1 MB Chef recipes is reviewed while webhooks and
 *   `/healthz` keep arriving; their answer times show whether analysis blocks the server.
 *
 * Both run with the embedded queue, and with Redis when `redis-server` is installed. The peak
 * memory is the server process's high-water mark (VmHWM).
 *
 *   npm run bench:load [-- --rate 20 --seconds 10]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fork } from 'node:child_process';
import {
  appEnvironment,
  startGitHubStandin,
  type GitHubStandin,
  type StandinRepository,
} from '../test/support/github-standin.js';
import { startPostureProcess, type PostureProcess } from '../test/support/posture-process.js';
import { readTree, type Tree } from '../test/support/pull-request-fixture.js';
import {
  redisServerInstalled,
  startRedisServer,
  type RunningRedis,
} from '../test/support/redis-server.js';
import { pullRequestEvent } from '../test/support/webhook-payloads.js';
import { fixed, textTable } from './lib/table.js';
import type { TimerAnswer, TimerRequest } from './lib/webhook-timer.js';

const SAMPLE = fileURLToPath(new URL('../demo/sample-pr/', import.meta.url));
const TASKS = 'roles/webserver/tasks/main.yml';
const RECIPE = 'cookbooks/agent/recipes/default.rb';
const INSTALLATIONS = 10;

const { values: options } = parseArgs({
  options: {
    rate: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '10' },
  },
});
const rate = Number(options.rate);
const seconds = Number(options.seconds);

interface Figures {
  backend: string;
  webhooks: number;
  webhookMs: number[];
  healthMs: number[];
  reviewMs: number[];
  heavyWebhookMs: number[];
  heavyHealthMs: number[];
  heavyReviewMs: number;
  peakMiB: number;
}

const secret = randomBytes(16).toString('hex');

/** The stopwatch process (see lib/webhook-timer.ts) and a promise-shaped way to talk to it. */
const timer = fork(fileURLToPath(new URL('./lib/webhook-timer.ts', import.meta.url)), {
  execArgv: ['--import', 'tsx'],
});
const waiting = new Map<number, (answer: Extract<TimerAnswer, { kind: 'delivered' }>) => void>();
let healthWaiter: ((samples: number[]) => void) | undefined;
let nextId = 0;
timer.on('message', (answer: TimerAnswer) => {
  if (answer.kind === 'delivered') waiting.get(answer.id)?.(answer);
  else healthWaiter?.(answer.samples);
});
function send(request: TimerRequest): void {
  timer.send(request);
}

async function measure(backend: 'embedded' | 'redis'): Promise<Figures> {
  let redis: RunningRedis | undefined;
  const base = readTree(`${SAMPLE}base`);
  const head = readTree(`${SAMPLE}head`);
  const standin = await startGitHubStandin({ base, head, teams: { security: ['sam-sec'] } });
  let server: PostureProcess | undefined;
  try {
    for (let index = 1; index < INSTALLATIONS; index += 1)
      standin.addRepository({ owner: `org-${index}`, repo: 'infrastructure', base, head });
    if (backend === 'redis') redis = await startRedisServer();
    server = await startPostureProcess({
      ...appEnvironment(standin, secret),
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'posture-bench-')),
      ...(redis ? { REDIS_URL: redis.url } : {}),
    });
    const load = await underLoad(standin, server);
    const heavy = await underHeavyAnalysis(standin, server, base);
    return { backend, ...load, ...heavy, peakMiB: peakMemoryMiB(server.pid) };
  } finally {
    await server?.stop('SIGTERM');
    await standin.close();
    await redis?.stop();
  }
}

async function underLoad(standin: GitHubStandin, server: PostureProcess) {
  const webhookMs: number[] = [];
  const pushedAt = new Map<string, number>();
  const health = pollHealth(server.url);
  const total = Math.round(rate * seconds);
  const pending: Promise<void>[] = [];
  for (let sent = 0; sent < total; sent += 1) {
    const pull = standin.repositories[sent % standin.repositories.length] as StandinRepository;
    const tree = new Map(pull.pullRequest.head);
    tree.set(TASKS, `${tree.get(TASKS) ?? ''}\n# push ${sent}\n`);
    pull.push(tree);
    pushedAt.set(pull.target.headSha, performance.now());
    pending.push(timedDelivery(server, pull, `load-${sent}`).then((ms) => void webhookMs.push(ms)));
    await sleep(1000 / rate);
  }
  await Promise.all(pending);
  const newest = standin.repositories.map((pull) => pull.target.headSha);
  const reviewMs: number[] = [];
  await standin.waitFor(() => {
    for (const [index, pull] of standin.repositories.entries()) {
      const sha = newest[index] as string;
      const run = pull.checkRuns.find(
        (candidate) => candidate.head_sha === sha && candidate.status === 'completed',
      );
      if (!run) return false;
    }
    return true;
  }, 300_000);
  const finished = performance.now();
  for (const sha of newest) reviewMs.push(finished - (pushedAt.get(sha) ?? finished));
  const healthMs = await health.stop();
  return { webhooks: total, webhookMs, healthMs, reviewMs };
}

async function underHeavyAnalysis(standin: GitHubStandin, server: PostureProcess, base: Tree) {
  const heavyHead = new Map(base);
  const recipe = readFileSync(`${SAMPLE}head/${RECIPE}`, 'utf8');
  for (let index = 0; index < 6; index += 1)
    heavyHead.set(`cookbooks/agent-${index}/recipes/default.rb`, repeatTo(recipe, 1024 * 1024));
  const heavy = standin.addRepository({ owner: 'heavy', repo: 'cookbooks', base, head: heavyHead });
  const health = pollHealth(server.url);
  const started = performance.now();
  await timedDelivery(server, heavy, 'heavy-opened');
  const webhookMs: number[] = [];
  const others = standin.repositories.filter((pull) => pull !== heavy);
  let sent = 0;
  while (!heavy.checkRuns.some((run) => run.status === 'completed')) {
    const pull = others[sent % others.length] as StandinRepository;
    webhookMs.push(await timedDelivery(server, pull, `heavy-${sent}`));
    sent += 1;
    await sleep(50);
    if (performance.now() - started > 300_000)
      throw new Error('the heavy review did not finish in 5 minutes');
  }
  const heavyReviewMs = performance.now() - started;
  return { heavyWebhookMs: webhookMs, heavyHealthMs: await health.stop(), heavyReviewMs };
}

async function timedDelivery(
  server: PostureProcess,
  pull: StandinRepository,
  deliveryId: string,
): Promise<number> {
  const id = nextId++;
  const answered = new Promise<Extract<TimerAnswer, { kind: 'delivered' }>>((resolve) =>
    waiting.set(id, resolve),
  );
  send({
    kind: 'deliver',
    id,
    url: server.webhookUrl,
    event: pullRequestEvent('synchronize', pull.target, { deliveryId }),
    secret,
  });
  const answer = await answered;
  waiting.delete(id);
  if (answer.status !== 202) throw new Error(`webhook answered ${answer.status}`);
  return answer.ms;
}

function pollHealth(url: string) {
  send({ kind: 'poll-health', url, everyMs: 50 });
  return {
    stop: () =>
      new Promise<number[]>((resolve) => {
        healthWaiter = resolve;
        send({ kind: 'stop-health' });
      }),
  };
}

function repeatTo(text: string, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let copy = 0; size < bytes; copy += 1) {
    const part = text.replaceAll("'/tmp/metrics-agent.rpm'", `'/tmp/metrics-agent-${copy}.rpm'`);
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  return parts.join('\n');
}

function peakMemoryMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
    return kib / 1024;
  } catch {
    return Number.NaN;
  }
}

function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const backends: Array<'embedded' | 'redis'> = redisServerInstalled
  ? ['embedded', 'redis']
  : ['embedded'];
if (!redisServerInstalled)
  console.log(
    'redis-server is not installed: measuring the embedded queue only (apt-get install redis-server for both).',
  );
const results: Figures[] = [];
for (const backend of backends) {
  console.log(
    `measuring ${backend}: ${Math.round(rate * seconds)} pushes at ${rate}/s over ${INSTALLATIONS} installations, then six 1 MB recipes...`,
  );
  results.push(await measure(backend));
}

console.log(
  '\nUnder load (webhook = time to answer a push; review = push of the newest head to its completed run):\n',
);
console.log(
  textTable(
    [
      'queue',
      'pushes',
      'webhook p50 ms',
      'webhook p99 ms',
      '/healthz p99 ms',
      'review p50 s',
      'review p99 s',
      'peak RSS MiB',
    ],
    results.map((result) => [
      result.backend,
      result.webhooks,
      fixed(percentile(result.webhookMs, 0.5), 1),
      fixed(percentile(result.webhookMs, 0.99), 1),
      fixed(percentile(result.healthMs, 0.99), 1),
      fixed(percentile(result.reviewMs, 0.5) / 1000, 1),
      fixed(percentile(result.reviewMs, 0.99) / 1000, 1),
      fixed(result.peakMiB, 0),
    ]),
    { rightAligned: [1, 2, 3, 4, 5, 6, 7] },
  ),
);
console.log('\nWhile six 1 MB Chef recipes are analysed:\n');
timer.disconnect();
console.log(
  textTable(
    ['queue', 'webhooks', 'webhook p50 ms', 'webhook p99 ms', '/healthz p99 ms', 'heavy review s'],
    results.map((result) => [
      result.backend,
      result.heavyWebhookMs.length,
      fixed(percentile(result.heavyWebhookMs, 0.5), 1),
      fixed(percentile(result.heavyWebhookMs, 0.99), 1),
      fixed(percentile(result.heavyHealthMs, 0.99), 1),
      fixed(result.heavyReviewMs / 1000, 1),
    ]),
    { rightAligned: [1, 2, 3, 4, 5] },
  ),
);
