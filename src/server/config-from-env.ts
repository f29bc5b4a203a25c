/**
 * Reads the server's settings from Probot's usual environment variables and says plainly what
 * is missing. Unlike Probot, it never falls back to the webhook secret "development".
 */
import { readFileSync } from 'node:fs';

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
  logLevel: string;
}

export type ConfigOutcome = { ok: true; config: ServerConfig } | { ok: false; problems: string[] };

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
/** Probot's silent default secret; anyone can sign webhooks with it. */
const WELL_KNOWN_SECRET = 'development';

export function configFromEnv(env: NodeJS.ProcessEnv): ConfigOutcome {
  const problems: string[] = [];
  const appId = env.APP_ID?.trim() ?? '';
  if (!/^\d+$/.test(appId)) problems.push('APP_ID must be set to the numeric ID of the GitHub App.');

  const privateKey = readPrivateKey(env, problems);

  const webhookSecret = env.WEBHOOK_SECRET ?? '';
  if (webhookSecret === '') {
    problems.push(
      'WEBHOOK_SECRET is not set. Without it anyone who can reach this server could send forged webhooks; ' +
        'set it to the secret configured in the GitHub App settings.',
    );
  } else if (webhookSecret === WELL_KNOWN_SECRET && env.NODE_ENV === 'production') {
    problems.push(`WEBHOOK_SECRET is "${WELL_KNOWN_SECRET}", Probot's public default; choose a random secret.`);
  }

  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a port number, not "${env.PORT}".`);

  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}.`);

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      appId,
      privateKey: privateKey ?? '',
      webhookSecret,
      baseUrl: env.GHE_HOST ? `${env.GHE_PROTOCOL || 'https'}://${env.GHE_HOST}/api/v3` : 'https://api.github.com',
      port,
      ...(env.HOST ? { host: env.HOST } : {}),
      webhookPath: env.WEBHOOK_PATH || '/api/github/webhooks',
      logLevel,
    },
  };
}

/** PRIVATE_KEY holds the PEM itself (newlines possibly escaped as \n, or base64-encoded); PRIVATE_KEY_PATH names a file. */
function readPrivateKey(env: NodeJS.ProcessEnv, problems: string[]): string | undefined {
  if (env.PRIVATE_KEY) {
    const inline = env.PRIVATE_KEY.replace(/\\n/g, '\n');
    const pem = inline.includes('-----BEGIN') ? inline : Buffer.from(inline, 'base64').toString('utf8');
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
