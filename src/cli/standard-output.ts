/**
 * The CLI's stdout and stderr. A pipe, a socket or a file is written straight to its descriptor,
 * synchronously: `process.stdout` would build a stream first (for a pipe, a socket with its event
 * machinery, and `node:tty` to ask whether it is a terminal), which costs a start-up several
 * milliseconds, and the CLI writes its report in one go. A terminal, or anything else, keeps
 * Node's own stream (`closed-pipe.ts`).
 *
 * Every byte is written, in order, before `write` returns: a pipe that another process left
 * non-blocking and that is full (EAGAIN) is waited on. A reader that went away (EPIPE, as in
 * `posture scan -f sarif | head`) ends the writing quietly, as SIGPIPE would end a C program,
 * and the run keeps its own exit code. Any other error is thrown.
 */
import { fstatSync, writeSync } from 'node:fs';
import { stopWritingOnClosedPipe } from './closed-pipe.js';
import type { Output } from './io.js';

export interface StandardOutput {
  output: Output;
  isTerminal(): boolean;
}

/**
 * Node's stream is made only when it is first needed: a run that writes nothing on stderr, as
 * when stderr is /dev/null, builds none.
 */
export function standardOutput(fd: 1 | 2): StandardOutput {
  if (isPipeOrFile(fd)) return { output: descriptorOutput(fd), isTerminal: () => false };
  const stream = () => (fd === 1 ? process.stdout : process.stderr);
  let output: Output | undefined;
  return {
    output: { write: (text) => (output ??= stopWritingOnClosedPipe(stream())).write(text) },
    isTerminal: () => stream().isTTY === true,
  };
}

/** A socket counts: Node's `child_process` gives a child a socket pair, not a pipe. */
function isPipeOrFile(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    return stat.isFIFO() || stat.isSocket() || stat.isFile();
  } catch {
    return false;
  }
}

/** How long to wait for a full pipe to drain before trying again. */
const FULL_PIPE_WAIT_MS = 1;

export type WriteBytes = (fd: number, bytes: Uint8Array, offset: number, length: number) => number;

export function descriptorOutput(fd: number, write: WriteBytes = writeSync): Output {
  let closed = false;
  return {
    write(text: string) {
      if (closed) return false;
      const bytes = Buffer.from(text, 'utf8');
      let offset = 0;
      while (offset < bytes.length) {
        try {
          offset += write(fd, bytes, offset, bytes.length - offset);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN') {
            pause(FULL_PIPE_WAIT_MS);
            continue;
          }
          if (code === 'EPIPE') {
            closed = true;
            return false;
          }
          throw error;
        }
      }
      return true;
    },
  };
}

/** Blocks the thread while the reader drains the pipe: the CLI writes once its work is done. */
function pause(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}
