/**
 * The bench's stopwatch, in a process of its own: it sends webhooks and polls `/healthz` and
 * times the answers, away from the process that runs the GitHub stand-in, whose work would
 * otherwise show up as the server's latency. It talks to the bench over the IPC channel.
 */
import { deliverWebhook } from '../../test/support/deliver-webhook.js';
import type { WebhookEvent } from '../../test/support/webhook-payloads.js';

export type TimerRequest =
  | { kind: 'deliver'; id: number; url: string; event: WebhookEvent; secret: string }
  | { kind: 'poll-health'; url: string; everyMs: number }
  | { kind: 'stop-health' };

export type TimerAnswer =
  | { kind: 'delivered'; id: number; ms: number; status: number }
  | { kind: 'health'; samples: number[] };

let polling = false;
let samples: number[] = [];

process.on('message', (request: TimerRequest) => {
  switch (request.kind) {
    case 'deliver': {
      const started = performance.now();
      void deliverWebhook(request.url, request.event, request.secret).then((delivery) => {
        const answer: TimerAnswer = {
          kind: 'delivered',
          id: request.id,
          ms: performance.now() - started,
          status: delivery.status,
        };
        process.send?.(answer);
      });
      return;
    }
    case 'poll-health':
      polling = true;
      samples = [];
      void (async () => {
        while (polling) {
          const started = performance.now();
          await fetch(`${request.url}/healthz`);
          samples.push(performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, request.everyMs));
        }
      })();
      return;
    case 'stop-health': {
      polling = false;
      const answer: TimerAnswer = { kind: 'health', samples };
      process.send?.(answer);
      return;
    }
  }
});

process.on('disconnect', () => process.exit(0));
