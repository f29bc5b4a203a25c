/**
 * Reads the server's settings from Probot's usual environment variables and says plainly what
 * is missing. Unlike Probot, it never falls back to the webhook secret "development".
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_GITHUB_CLIENT_SETTINGS, type GitHubClientSettings } from './github-client.js';

export interface ServerConfig {
  appId: string;
  privateKey: string;
  webhookSecret: string;
  /** GitHub's REST root: https://api.github.com, or `<protocol>://<GHE_HOST>/api/v3` */
  baseUrl: string;
  port: number;
  /** undefined listens on every interface, as a container needs */
  host?: string;
  webhookPath: string;
  /** a webhook proxy channel (smee.io) to relay deliveries from, for local development */
  webhookProxyUrl?: string;
  /** the folder of rule READMEs that check runs and comments link to */
  ruleDocsUrl?: string;
  logLevel: string;
  /** Redis for the queue and shared rate limits (replicas); without it, the embedded queue in `dataDir` */
  redisUrl?: string;
  dataDir: string;
  /** reviews running at once in this process */
  concurrency: number;
  /** worker threads for analysis */
  analysisThreads?: number;
  analysisMemoryMb: number;
  /** the longest one review may take; older open runs are completed by the sweep */
  maxReviewMs: number;
  /** the first wait before a failed review is tried again */
  reviewRetryBaseMs: number;
  sweepIntervalMs: number;
  /** how long a shutdown waits for running reviews to hand themselves back */
  shutdownGraceMs: number;
  github: GitHubClientSettings;
}

export type ConfigOutcome = { ok: true; config: ServerConfig } | { ok: false; problems: string[] };

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
/** Probot's silent default secret; anyone can sign webhooks with it. */
const WELL_KNOWN_SECRET = 'development';

export function configFromEnv(env: NodeJS.ProcessEnv): ConfigOutcome {
  const problems: string[] = [];
  const appId = env.APP_ID?.trim() ?? '';
  if (!/^\d+$/.test(appId))
    problems.push('APP_ID must be set to the numeric ID of the GitHub App.');

  const privateKey = readPrivateKey(env, problems);

  const webhookSecret = env.WEBHOOK_SECRET ?? '';
  if (webhookSecret === '') {
    problems.push(
      'WEBHOOK_SECRET is not set. Without it anyone who can reach this server could send forged webhooks; ' +
        'set it to the secret configured in the GitHub App settings.',
    );
  } else if (webhookSecret === WELL_KNOWN_SECRET && env.NODE_ENV === 'production') {
    problems.push(
      `WEBHOOK_SECRET is "${WELL_KNOWN_SECRET}", Probot's public default; choose a random secret.`,
    );
  }

  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push(`PORT must be a port number, not "${env.PORT}".`);

  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}.`);

  const number = numberReader(env, problems);
  const concurrency = number('REVIEW_CONCURRENCY', 4, { min: 1, max: 64 });
  const analysisThreads = env.ANALYSIS_THREADS
    ? number('ANALYSIS_THREADS', 1, { min: 1, max: 64 })
    : undefined;
  const analysisMemoryMb = number('ANALYSIS_MEMORY_MB', 1024, { min: 64, max: 65536 });
  const maxReviewMs = number('MAX_REVIEW_SECONDS', 600, { min: 10, max: 86_400 }) * 1000;
  const reviewRetryBaseMs = number('REVIEW_RETRY_BASE_MS', 5_000, { min: 1, max: 600_000 });
  const sweepIntervalMs = number('SWEEP_INTERVAL_SECONDS', 60, { min: 1, max: 3_600 }) * 1000;
  const shutdownGraceMs = number('SHUTDOWN_GRACE_SECONDS', 20, { min: 0, max: 600 }) * 1000;
  const defaults = DEFAULT_GITHUB_CLIENT_SETTINGS;
  const github: GitHubClientSettings = {
    requestTimeoutMs: number('GITHUB_REQUEST_TIMEOUT_MS', defaults.requestTimeoutMs, {
      min: 100,
      max: 600_000,
    }),
    retries: number('GITHUB_RETRIES', defaults.retries, { min: 0, max: 10 }),
    retryBaseMs: number('GITHUB_RETRY_BASE_MS', defaults.retryBaseMs, { min: 1, max: 60_000 }),
    writeIntervalMs: number('GITHUB_WRITE_INTERVAL_MS', defaults.writeIntervalMs, {
      min: 0,
      max: 60_000,
    }),
    maxRateLimitWaitMs:
      number('GITHUB_MAX_RATE_LIMIT_WAIT_SECONDS', defaults.maxRateLimitWaitMs / 1000, {
        min: 0,
        max: 3_600,
      }) * 1000,
  };

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      appId,
      privateKey: privateKey ?? '',
      webhookSecret,
      baseUrl: env.GHE_HOST
        ? `${env.GHE_PROTOCOL || 'https'}://${env.GHE_HOST}/api/v3`
        : 'https://api.github.com',
      port,
      ...(env.HOST ? { host: env.HOST } : {}),
      webhookPath: env.WEBHOOK_PATH || '/api/github/webhooks',
      ...(env.WEBHOOK_PROXY_URL ? { webhookProxyUrl: env.WEBHOOK_PROXY_URL } : {}),
      ...(env.RULE_DOCS_URL ? { ruleDocsUrl: env.RULE_DOCS_URL } : {}),
      logLevel,
      ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
      dataDir: env.DATA_DIR || 'data',
      concurrency,
      ...(analysisThreads === undefined ? {} : { analysisThreads }),
      analysisMemoryMb,
      maxReviewMs,
      reviewRetryBaseMs,
      sweepIntervalMs,
      shutdownGraceMs,
      github,
    },
  };
}

/** PRIVATE_KEY holds the PEM itself (newlines possibly escaped as \n, or base64-encoded); PRIVATE_KEY_PATH names a file. */
function readPrivateKey(env: NodeJS.ProcessEnv, problems: string[]): string | undefined {
  if (env.PRIVATE_KEY) {
    const inline = env.PRIVATE_KEY.replace(/\\n/g, '\n');
    const pem = inline.includes('-----BEGIN')
      ? inline
      : Buffer.from(inline, 'base64').toString('utf8');
    if (pem.includes('-----BEGIN')) return pem;
    problems.push('PRIVATE_KEY is set but holds neither a PEM key nor a base64-encoded one.');
    return undefined;
  }
  if (env.PRIVATE_KEY_PATH) {
    try {
      return readFileSync(env.PRIVATE_KEY_PATH, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      problems.push(`PRIVATE_KEY_PATH names a file that cannot be read (${code}).`);
      return undefined;
    }
  }
  problems.push('PRIVATE_KEY or PRIVATE_KEY_PATH must hold the GitHub App private key.');
  return undefined;
}

/** Reads whole-number settings, with their default, and says plainly which one is wrong. */
function numberReader(env: NodeJS.ProcessEnv, problems: string[]) {
  return (name: string, fallback: number, range: { min: number; max: number }): number => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < range.min || value > range.max) {
      problems.push(
        `${name} must be a whole number from ${range.min} to ${range.max}, not "${text}".`,
      );
      return fallback;
    }
    return value;
  };
}
