import { createHmac } from 'node:crypto';
import type { WebhookEvent } from './webhook-payloads.js';

export interface Delivery {
  status: number;
  body: string;
}

/** Posts a webhook the way GitHub does; `secret: undefined` sends it unsigned. */
export async function deliverWebhook(
  url: string,
  event: WebhookEvent,
  secret: string | undefined,
): Promise<Delivery> {
  const body = JSON.stringify(event.payload);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-github-event': event.name,
    'x-github-delivery': event.id,
    'user-agent': 'GitHub-Hookshot/posture-test',
  };
  if (secret !== undefined)
    headers['x-hub-signature-256'] =
      `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, body: await response.text() };
}
