import { createHmac } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebhookEndpoint, type ReceivedEvent } from '../../src/server/webhook-endpoint.js';

const SECRET = 'a-webhook-secret';
const MIB = 1024 * 1024;

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

interface Endpoint {
  url: string;
  received: ReceivedEvent[];
  logs: () => string;
}

async function startEndpoint(
  options: { failQueueing?: boolean; maxBytes?: number } = {},
): Promise<Endpoint> {
  const received: ReceivedEvent[] = [];
  let logs = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs += chunk.toString();
      done();
    },
  });
  const endpoint = createWebhookEndpoint({
    secret: SECRET,
    log: pino({ level: 'info' }, sink),
    ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
    receive: async (event) => {
      if (options.failQueueing) throw new Error('the queue is down');
      received.push(event);
    },
  });
  server = createServer((request, response) => void endpoint(request, response));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, received, logs: () => logs };
}

function signed(body: string, secret = SECRET): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-github-event': 'pull_request',
    'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958',
    'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
  };
}

describe('the webhook endpoint', () => {
  it('queues a correctly signed event and answers 202', async () => {
    const endpoint = await startEndpoint();
    const body = JSON.stringify({ action: 'opened', number: 7 });
    const response = await fetch(endpoint.url, { method: 'POST', headers: signed(body), body });
    expect(response.status).toBe(202);
    expect(endpoint.received).toEqual([
      {
        id: '72d3162e-cc78-11e3-81ab-4c9367dc0958',
        name: 'pull_request',
        payload: { action: 'opened', number: 7 },
      },
    ]);
  });

  it('refuses a forged signature with 401 and logs nothing of the body', async () => {
    const endpoint = await startEndpoint();
    const body = JSON.stringify({ action: 'opened', secret_marker: 'do-not-log-me' });
    const response = await fetch(endpoint.url, {
      method: 'POST',
      headers: signed(body, 'someone-else'),
      body,
    });
    expect(response.status).toBe(401);
    expect(endpoint.received).toEqual([]);
    expect(endpoint.logs()).toContain('signature does not match');
    expect(endpoint.logs()).not.toContain('do-not-log-me');
  });

  it('refuses a delivery without a signature, an event name or a delivery id', async () => {
    const endpoint = await startEndpoint();
    const body = '{}';
    for (const missing of ['x-hub-signature-256', 'x-github-event', 'x-github-delivery']) {
      const headers = signed(body);
      delete headers[missing];
      expect((await fetch(endpoint.url, { method: 'POST', headers, body })).status).toBe(400);
    }
    expect(endpoint.received).toEqual([]);
  });

  it('answers 503 when the event cannot be queued, so that GitHub records a failed delivery', async () => {
    const endpoint = await startEndpoint({ failQueueing: true });
    const body = '{"action":"opened"}';
    expect(
      (await fetch(endpoint.url, { method: 'POST', headers: signed(body), body })).status,
    ).toBe(503);
  });

  it('keeps the sanitised delivery id in its log lines, never a crafted header', async () => {
    const endpoint = await startEndpoint();
    const body = '{}';
    const headers = {
      ...signed(body, 'wrong'),
      'x-github-delivery': 'id","level":60,"msg":"forged',
    };
    await fetch(endpoint.url, { method: 'POST', headers, body });
    expect(endpoint.logs()).not.toContain('forged');
    expect(endpoint.logs()).toContain('"delivery":"invalid"');
  });

  it('refuses a declared 100 MB body at once, without reading it', async () => {
    const endpoint = await startEndpoint();
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        endpoint.url,
        { method: 'POST', headers: { ...signed('{}'), 'content-length': String(100 * MIB) } },
        (response) => {
          resolve(response.statusCode ?? 0);
          request.destroy();
        },
      );
      request.on('error', reject);
      request.write('{"a":"');
    });
    expect(status).toBe(413);
  });

  it('refuses a streamed 100 MB forged body with memory growth under 50 MB, logging none of it', async () => {
    const endpoint = await startEndpoint();
    const chunk = Buffer.alloc(MIB, 'A');
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    await new Promise<void>((resolve) => {
      const request = httpRequest(
        endpoint.url,
        { method: 'POST', headers: { ...signed('{}', 'forged'), 'transfer-encoding': 'chunked' } },
        () => {
          resolve();
          request.destroy();
        },
      );
      // The server answers 413 and closes the connection, which the client may see first.
      request.on('error', () => resolve());
      let sent = 0;
      const pump = () => {
        while (sent < 100 && request.write(chunk)) sent += 1;
        if (sent >= 100) request.end();
        else if (!request.destroyed) {
          request.once('drain', () => {
            sent += 1;
            pump();
          });
        }
      };
      pump();
    });
    clearInterval(sampler);
    expect(endpoint.logs()).toContain('"status":413');
    expect(endpoint.logs()).toContain('payload larger than');
    expect(peak - before).toBeLessThan(50 * MIB);
    expect(endpoint.received).toEqual([]);
    expect(endpoint.logs()).not.toContain('AAAA');
  });
});
