/**
 * `npm start`: checks the configuration, then serves webhooks until SIGTERM or SIGINT.
 */
import { pino } from 'pino';
import { configFromEnv } from './config-from-env.js';
import { startPostureServer } from './create-server.js';

const outcome = configFromEnv(process.env);
if (!outcome.ok) {
  console.error('Posture cannot start:');
  for (const problem of outcome.problems) console.error(`  - ${problem}`);
  process.exit(1);
}

const log = pino({ name: 'posture', level: outcome.config.logLevel });
const server = await startPostureServer(outcome.config, log);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    log.info({ signal }, 'stopping');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'could not stop cleanly');
        process.exit(1);
      },
    );
  });
}
