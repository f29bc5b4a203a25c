/**
 * `npm start`: checks the configuration, then serves webhooks until SIGTERM or SIGINT. On a
 * signal it stops taking webhooks, hands the reviews it is running back to the queue (another
 * replica, or this one after a restart, resumes them) and exits.
 */
import { pino } from 'pino';
import { settleWebAssemblyTiers } from '../shared/wasm-settings.js';
import { configFromEnv } from './config-from-env.js';
import { startPostureServer } from './create-server.js';

// Before any grammar is compiled, here and in the analysis threads, which take the process's V8
// settings.
settleWebAssemblyTiers();

const outcome = configFromEnv(process.env);
if (!outcome.ok) {
  console.error('Posture cannot start:');
  for (const problem of outcome.problems) console.error(`  - ${problem}`);
  process.exit(1);
}

const log = pino({ name: 'posture', level: outcome.config.logLevel });
let server;
try {
  server = await startPostureServer(outcome.config, log);
} catch (error) {
  log.fatal(
    { reason: error instanceof Error ? error.message : String(error) },
    'Posture could not start',
  );
  process.exit(1);
}
const running = server;

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    log.info({ signal }, 'stopping: handing running reviews back to the queue');
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'could not stop cleanly');
        process.exit(1);
      },
    );
  });
}
