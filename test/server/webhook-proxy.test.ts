/**
 * Local development through a webhook proxy: a channel in smee.io's format (server-sent events,
 * one per delivery, headers and body as JSON) served on 127.0.0.1, relayed to a target that
 * records what arrives.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebhookProxy, type WebhookProxy } from '../../src/server/webhook-proxy.js';

const servers: Server[] = [];
let proxy: WebhookProxy | undefined;

afterEach(async () => {
  await proxy?.stop();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the webhook proxy for local development', () => {
  it('relays each delivery of the channel, headers and body, to the webhook endpoint', async () => {
    const delivery = {
      'x-github-event': 'pull_request',
      'x-github-delivery': 'd-42',
      'x-hub-signature-256': 'sha256=abc',
      body: { action: 'opened', number: 7 },
    };
    const channel = await listen((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      response.write(`data: ${JSON.stringify(delivery)}\n\n`);
    });
    const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
    const target = await listen((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.writeHead(202).end();
      });
    });

    proxy = await startWebhookProxy(
      `${channel}/channel`,
      `${target}/api/github/webhooks`,
      pino({ level: 'silent' }),
    );
    const deadline = Date.now() + 10_000;
    while (received.length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));

    expect(received).toHaveLength(1);
    expect(received[0]?.headers).toMatchObject({
      'x-github-event': 'pull_request',
      'x-github-delivery': 'd-42',
      'x-hub-signature-256': 'sha256=abc',
    });
    expect(JSON.parse(received[0]?.body ?? '{}')).toEqual({ action: 'opened', number: 7 });
  });
});
