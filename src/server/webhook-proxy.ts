/**
 * Local development without a public address: with `WEBHOOK_PROXY_URL` (a smee.io channel, set as
 * the app's webhook URL), deliveries are relayed from the channel to this server's webhook
 * endpoint, where they are verified like any other. smee-client is a development dependency.
 */
import type { Logger } from 'pino';

export interface WebhookProxy {
  stop(): Promise<void>;
}

interface SmeeModule {
  SmeeClient: new (options: {
    source: string;
    target: string;
    logger: { info(message: string): void; error(...parts: unknown[]): void };
    maxConnectionTimeout?: number;
  }) => { start(): Promise<unknown>; stop(): Promise<void> };
}

export async function startWebhookProxy(
  source: string,
  target: string,
  log: Logger,
): Promise<WebhookProxy> {
  let smee: SmeeModule;
  try {
    smee = await import('smee-client');
  } catch {
    throw new Error(
      'WEBHOOK_PROXY_URL is set, but smee-client is not installed: it is a development dependency, which `npm ci` installs (not `npm ci --omit=dev`).',
    );
  }
  const client = new smee.SmeeClient({
    source,
    target,
    // smee-client logs the forwarded request line and connection errors, never bodies.
    logger: {
      info: (message) => log.info({ proxy: source }, message),
      error: (...parts) =>
        log.error(
          { proxy: source },
          parts.map((part) => (part instanceof Error ? part.message : String(part))).join(' '),
        ),
    },
    maxConnectionTimeout: 15_000,
  });
  await client.start();
  log.info({ proxy: source, target }, 'relaying webhooks from the proxy');
  return { stop: () => client.stop() };
}
