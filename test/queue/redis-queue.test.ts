import { afterAll, beforeAll, describe } from 'vitest';
import { RedisQueue } from '../../src/queue/redis-queue.js';
import { describeQueueContract } from './queue-contract.js';
import {
  REDIS_SKIP_REASON,
  redisServerInstalled,
  startRedisServer,
  type RunningRedis,
} from '../support/redis-server.js';

let redis: RunningRedis | undefined;
let prefixes = 0;

if (redisServerInstalled) {
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  describeQueueContract('Redis (BullMQ)', {
    create: async () => {
      prefixes += 1;
      return new RedisQueue({
        url: redis?.url ?? '',
        prefix: `test${prefixes}`,
        lockDurationMs: 5_000,
      });
    },
  });
} else {
  console.warn(`skipped the Redis queue tests: ${REDIS_SKIP_REASON}`);
  describe.skip(`Redis (BullMQ): the queue contract (skipped: ${REDIS_SKIP_REASON})`, () =>
    undefined);
}
