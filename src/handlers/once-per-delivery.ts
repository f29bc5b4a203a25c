import type { Logger } from 'pino';
import type { RecentDeliveries } from './recent-deliveries.js';

/** `retry` when the handler could not do its work and a redelivery should try again. */
export type HandlerResult = 'done' | 'retry';

/** Runs a handler once per delivery id; a delivery that failed may be redelivered and tried again. */
export function oncePerDelivery<C extends { id: string; log: Logger }>(deliveries: RecentDeliveries, handler: (context: C) => Promise<HandlerResult>) {
  return async (context: C): Promise<void> => {
    if (!deliveries.claim(context.id)) {
      context.log.info({ delivery: context.id }, 'this delivery was handled already; ignoring the redelivery');
      return;
    }
    try {
      if ((await handler(context)) === 'retry') deliveries.release(context.id);
    } catch (error) {
      deliveries.release(context.id);
      throw error;
    }
  };
}
