/**
 * Posture's server as a process of its own, the way `npm start` runs it (through tsx, so no build
 * is needed): for tests that kill it -9, run two replicas, or measure it from the outside.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface PostureProcess {
  pid: number;
  url: string;
  webhookUrl: string;
  /** everything the process wrote to stdout so far (JSON log lines) */
  output(): string;
  /** sends a signal and waits for the process to exit; SIGKILL is `kill -9` */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
}

export interface PostureProcessOptions {
  /** extra options for node itself (`--cpu-prof`, ...) */
  nodeArgs?: readonly string[];
  timeoutMs?: number;
}

export async function startPostureProcess(
  env: Record<string, string>,
  { nodeArgs = [], timeoutMs = 30_000 }: PostureProcessOptions = {},
): Promise<PostureProcess> {
  // Only what the test passes: nothing leaks in from the developer's shell.
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', 'src/server/start.ts'],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', NODE_ENV: 'production', ...env },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const port = await new Promise<number>((resolve, reject) => {
    const deadline = setTimeout(
      () =>
        reject(new Error(`Posture did not start within ${timeoutMs} ms:\n${stdout}\n${stderr}`)),
      timeoutMs,
    );
    const look = () => {
      const found = /"port":(\d+)[^\n]*Posture is listening/.exec(stdout)?.[1];
      if (found) {
        clearTimeout(deadline);
        child.stdout.off('data', look);
        resolve(Number(found));
      }
    };
    child.stdout.on('data', look);
    void exited.then((code) => {
      clearTimeout(deadline);
      reject(new Error(`Posture exited with ${code} before it listened:\n${stdout}\n${stderr}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    pid: child.pid ?? 0,
    url,
    webhookUrl: `${url}/api/github/webhooks`,
    output: () => stdout,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
    exited,
  };
}
