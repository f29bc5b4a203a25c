/**
 * Posture's process: the HTTP server (webhooks, liveness, readiness, metrics), the queue, the
 * review workers that take jobs from it, the analysis thread pool, and the sweep that completes
 * runs nobody else could. `npm start`, the end-to-end tests and the demo all start it here.
 */
import { BlobCache } from '../review/blob-cache.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Probot, type Logger } from 'probot';
import postureApp from '../app.js';
import { createJobHandler } from '../jobs/job-handler.js';
import { scheduleFrom } from '../jobs/retry-policy.js';
import { sweepOpenRuns } from '../jobs/sweep-open-runs.js';
import { EmbeddedQueue } from '../queue/embedded-queue.js';
import { RedisQueue } from '../queue/redis-queue.js';
import type { JobHandler, ReviewQueue } from '../queue/review-queue.js';
import { describeError } from '../review/describe-error.js';
import type { ChangeAnalyzer } from '../review/evaluate-change.js';
import { createAnalysisPool } from '../workers/analysis-pool.js';
import type { ServerConfig } from './config-from-env.js';
import { configuredOctokit, timedFetch } from './github-client.js';
import { createMetrics, type PostureMetrics } from './metrics.js';
import { createWebhookEndpoint } from './webhook-endpoint.js';
import { startWebhookProxy, type WebhookProxy } from './webhook-proxy.js';

export interface RunningServer {
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  port: number;
  webhookUrl: string;
  queue: ReviewQueue;
  /** stops taking webhooks and jobs, hands running reviews back to the queue, and closes everything */
  close(): Promise<void>;
}

/** What tests may put in place of the real thing. */
export interface ServerOverrides {
  analyzer?: ChangeAnalyzer;
  queue?: ReviewQueue;
  now?: () => Date;
}

export async function startPostureServer(
  config: ServerConfig,
  log: Logger,
  overrides: ServerOverrides = {},
): Promise<RunningServer> {
  const queue = overrides.queue ?? createQueue(config, log);
  const metrics = createMetrics(queue);
  const probot = new Probot({
    appId: config.appId,
    privateKey: config.privateKey,
    secret: config.webhookSecret,
    baseUrl: config.baseUrl,
    log,
    Octokit: configuredOctokit(config.github, metrics.github),
    request: { fetch: timedFetch(config.github.requestTimeoutMs, metrics.github) },
    ...(config.redisUrl ? { redisConfig: config.redisUrl } : {}),
  });
  await probot.load((app) => postureApp(app, { queue }));

  const analyzer =
    overrides.analyzer ??
    createAnalysisPool({
      ...(config.analysisThreads ? { threads: config.analysisThreads } : {}),
      timeLimitMs: config.maxReviewMs,
      memoryLimitMb: config.analysisMemoryMb,
    });
  const now = overrides.now ?? (() => new Date());
  const github = { installation: (installationId: number) => probot.auth(installationId) };
  const handler = createJobHandler({
    log,
    github,
    analyzer,
    now,
    appId: Number(config.appId),
    retry: scheduleFrom(config.reviewRetryBaseMs),
    metrics: metrics.jobs,
    ...(config.ruleDocsUrl ? { docsBase: config.ruleDocsUrl } : {}),
    blobCache: new BlobCache(),
  });
  queue.start(timed(handler, metrics, config.maxReviewMs, log), config.concurrency);

  let sweeping = false;
  const sweep = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    sweepOpenRuns({ queue, github, log, now, maxReviewMs: config.maxReviewMs })
      .catch((error: unknown) =>
        log.error({ reason: describeError(error) }, 'the sweep of open runs failed'),
      )
      .finally(() => (sweeping = false));
  }, config.sweepIntervalMs);
  sweep.unref();

  let closing = false;
  const webhook = createWebhookEndpoint({
    secret: config.webhookSecret,
    log,
    receive: (event) => probot.receive(event as Parameters<Probot['receive']>[0]),
    observe: (event, status, seconds) => metrics.webhook(event, status, seconds),
  });
  const server = createServer((request, response) => {
    void route(request, response).catch((error: unknown) => {
      log.error({ reason: describeError(error) }, 'request failed');
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method === 'GET' && path === '/healthz') return text(response, 200, 'ok');
    if (request.method === 'GET' && path === '/readyz') {
      const ready = !closing && (await queue.isReady());
      return text(response, ready ? 200 : 503, ready ? 'ready' : 'not ready');
    }
    if (request.method === 'GET' && path === '/metrics') {
      response
        .writeHead(200, { 'content-type': metrics.registry.contentType })
        .end(await metrics.registry.metrics());
      return;
    }
    if (path === config.webhookPath) {
      if (closing) return text(response, 503, 'shutting down; redeliver the event');
      return webhook(request, response);
    }
    return text(response, 404, 'not found');
  };

  await listen(server, config.port, config.host);
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host ?? 'localhost'}:${port}`;
  log.info(
    { port, baseUrl: config.baseUrl, queue: queue.backend, concurrency: config.concurrency },
    'Posture is listening for webhooks',
  );
  const webhookUrl = `${url}${config.webhookPath}`;
  const proxy: WebhookProxy | undefined = config.webhookProxyUrl
    ? await startWebhookProxy(config.webhookProxyUrl, webhookUrl, log)
    : undefined;
  return {
    url,
    port,
    webhookUrl,
    queue,
    async close() {
      if (closing) return;
      closing = true;
      clearInterval(sweep);
      await proxy?.stop();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await queue.stop(config.shutdownGraceMs);
      await analyzer.close();
      await queue.close();
      server.closeAllConnections();
      await stopped;
    },
  };
}

function createQueue(config: ServerConfig, log: Logger): ReviewQueue {
  const onHandlerError = (error: unknown, jobId: string) =>
    log.error({ reason: describeError(error), jobId }, 'a review job failed unexpectedly');
  return config.redisUrl
    ? new RedisQueue({ url: config.redisUrl, onHandlerError })
    : new EmbeddedQueue({ dataDir: config.dataDir, onHandlerError });
}

/**
 * Times each job for the metrics, and gives up on one that outlives the longest review (a hang
 * nothing else caught): the job is failed, and its open run is left to the sweep.
 */
function timed(
  handler: JobHandler,
  metrics: PostureMetrics,
  maxReviewMs: number,
  log: Logger,
): JobHandler {
  return async (job) => {
    const stop = metrics.reviewDuration.startTimer();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<Awaited<ReturnType<JobHandler>>>((resolve) => {
      timer = setTimeout(() => {
        log.error({ jobId: job.id }, 'a review outlived the longest allowed review; giving it up');
        resolve({ status: 'failed', reason: 'the review did not finish in time' });
      }, maxReviewMs + 60_000);
      timer.unref();
    });
    try {
      const outcome = await Promise.race([handler(job), deadline]);
      stop({ outcome: outcome.status });
      return outcome;
    } finally {
      clearTimeout(timer);
    }
  };
}

function text(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${body}\n`);
}

function listen(server: Server, port: number, host: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
