/**
 * What a whole process costs, measured from outside as a user sees it: start-up, background
 * threads and child processes included. Linux only, from the kernel's own accounting:
 * - CPU: user + system seconds of the waited-for children of this process (`cutime` and `cstime`
 *   in /proc/self/stat), read before and after each run, so a tool that spawns helpers (such as
 *   ansible-lint spawning ansible-playbook) is charged for them;
 * - peak memory: the largest high-water mark (`VmHWM`) of any single process of the run's tree,
 *   sampled every few milliseconds while it runs;
 * - wall: a monotonic clock around the run.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

/** /proc reports CPU times in USER_HZ ticks, which Linux fixes at 100 per second. */
const TICKS_PER_SECOND = 100;
const SAMPLE_EVERY_MS = 10;
const KIB_PER_MIB = 1024;

export interface ProcessUsage {
  cpuSeconds: number;
  wallSeconds: number;
  peakMiB: number;
  exitCode: number;
  /** what it wrote on stdout, when asked to keep it */
  stdout: string;
}

export interface MeasuredCommand {
  command: string;
  args: readonly string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** keep stdout (by default it is read and dropped) */
  keepStdout?: boolean;
}

export async function measureProcess(run: MeasuredCommand): Promise<ProcessUsage> {
  const cpuBefore = await childrenCpuTicks();
  const started = performance.now();
  const child = spawn(run.command, [...run.args], {
    cwd: run.cwd,
    env: run.env ?? process.env,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    if (run.keepStdout) stdout += chunk.toString('utf8');
  });
  let peakKiB = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling && child.pid !== undefined) {
      peakKiB = Math.max(peakKiB, await treePeakKiB(child.pid));
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
    }
  })();
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const wallSeconds = (performance.now() - started) / 1000;
  sampling = false;
  await sampler;
  const cpuAfter = await childrenCpuTicks();
  return {
    cpuSeconds: (cpuAfter - cpuBefore) / TICKS_PER_SECOND,
    wallSeconds,
    peakMiB: peakKiB / KIB_PER_MIB,
    exitCode,
    stdout,
  };
}

/** `cutime + cstime` of this process: the CPU of every child it has waited for so far. */
async function childrenCpuTicks(): Promise<number> {
  const stat = await readFile('/proc/self/stat', 'utf8');
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of the file are the 14th and 15th after the name.
  return Number(fields[13]) + Number(fields[14]);
}

/** The largest `VmHWM` among a process and its descendants; 0 once they are gone. */
async function treePeakKiB(pid: number): Promise<number> {
  const own = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const match = /^VmHWM:\s+(\d+) kB/m.exec(own);
  let peak = match ? Number(match[1]) : 0;
  for (const child of await childrenOf(pid)) peak = Math.max(peak, await treePeakKiB(child));
  return peak;
}

async function childrenOf(pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => []);
  const children: number[] = [];
  for (const task of tasks) {
    const listed = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
    for (const id of listed.split(' ')) if (id.trim()) children.push(Number(id));
  }
  return children;
}

export function isLinux(): boolean {
  return process.platform === 'linux';
}
