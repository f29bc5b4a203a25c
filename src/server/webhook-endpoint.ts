/**
 * The webhook endpoint: read the body (never more than GitHub's largest payload), verify
 * `X-Hub-Signature-256` before anything else looks at it, hand the event to the app (whose
 * handlers only queue jobs) and answer 202 in milliseconds. Nothing of an unverified body is
 * logged or parsed; a body over the limit is refused without being read in full.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

/** GitHub caps webhook payloads at 25 MB and does not deliver larger ones. */
export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;

export interface ReceivedEvent {
  id: string;
  name: string;
  payload: unknown;
}

export interface WebhookEndpointOptions {
  secret: string;
  log: Logger;
  /** runs the app's handlers for a verified event; throws when the event could not be queued */
  receive(event: ReceivedEvent): Promise<void>;
  observe?(event: string, status: number, seconds: number): void;
  maxBytes?: number;
}

type Answer = { status: number; message: string };

export function createWebhookEndpoint(options: WebhookEndpointOptions) {
  const maxBytes = options.maxBytes ?? MAX_WEBHOOK_BYTES;
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const started = performance.now();
    const event = headerValue(request, 'x-github-event');
    const answer = await handle(request, options, maxBytes);
    // A refused request's body may still be arriving: close the connection rather than read it.
    response.writeHead(answer.status, {
      'content-type': 'text/plain; charset=utf-8',
      ...(answer.status >= 400 ? { connection: 'close' } : {}),
    });
    response.end(`${answer.message}\n`);
    options.observe?.(safeLabel(event), answer.status, (performance.now() - started) / 1000);
  };
}

async function handle(
  request: IncomingMessage,
  options: WebhookEndpointOptions,
  maxBytes: number,
): Promise<Answer> {
  const delivery = safeLabel(headerValue(request, 'x-github-delivery'));
  const refuse = (status: number, message: string): Answer => {
    // Only our own words and the sanitised delivery id: never the body or its claims.
    options.log.warn({ delivery, status }, `webhook refused: ${message}`);
    return { status, message };
  };
  if (request.method !== 'POST') return refuse(405, 'webhooks are POSTed');
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes)
    return refuse(413, `payload larger than ${maxBytes} bytes`);
  const signature = headerValue(request, 'x-hub-signature-256');
  const name = headerValue(request, 'x-github-event');
  const id = headerValue(request, 'x-github-delivery');
  if (!signature || !name || !id)
    return refuse(400, 'missing X-Hub-Signature-256, X-GitHub-Event or X-GitHub-Delivery');
  const body = await readLimited(request, maxBytes);
  if (body === 'too-large') return refuse(413, `payload larger than ${maxBytes} bytes`);
  if (body === 'aborted') return refuse(400, 'the request ended before its body');
  if (!signatureMatches(options.secret, body, signature))
    return refuse(401, 'signature does not match');

  let payload: unknown;
  try {
    payload = JSON.parse(body.toString('utf8'));
  } catch {
    return refuse(400, 'the signed body is not JSON');
  }
  try {
    await options.receive({ id, name, payload });
  } catch (error) {
    options.log.error(
      {
        delivery,
        event: safeLabel(name),
        reason: error instanceof Error ? error.message : String(error),
      },
      'could not queue the webhook',
    );
    return { status: 503, message: 'could not queue the event; redeliver it' };
  }
  return { status: 202, message: 'queued' };
}

/** The body, or why not: stops reading (and drops the connection) as soon as it passes the limit. */
function readLimited(
  request: IncomingMessage,
  maxBytes: number,
): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (value: Buffer | 'too-large' | 'aborted') => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > maxBytes) {
        chunks.length = 0;
        settle('too-large');
        request.pause();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => settle(Buffer.concat(chunks, size)));
    request.on('aborted', () => settle('aborted'));
    request.on('error', () => settle('aborted'));
  });
}

export function signatureMatches(secret: string, body: Buffer, signature: string): boolean {
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
    'utf8',
  );
  const given = Buffer.from(signature, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A header fit for a log line or a metric label: short, and only characters delivery ids and event names use. */
function safeLabel(value: string | undefined): string {
  if (!value) return 'none';
  return /^[A-Za-z0-9_.-]{1,64}$/.test(value) ? value : 'invalid';
}
