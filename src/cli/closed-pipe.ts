/**
 * Output through Node's own stream (a terminal, a character device). A reader that went away
 * (`posture scan -f sarif | head` closes the pipe after a few lines) is EPIPE on the stream, which
 * Node does not turn into SIGPIPE; like a program killed by SIGPIPE, Posture stops writing
 * quietly, and the scan still finishes and exits with its own code. Any other error (a full disk,
 * `/dev/full`) means the report was not written: the command fails with exit 2 and one line on
 * stderr, whether the stream reports it during the write or after the run ended.
 */
import { writeSync } from 'node:fs';
import { describeError } from './describe-error.js';
import type { Output } from './io.js';
import { UsageError } from './usage-error.js';

export function stopWritingOnClosedPipe(stream: NodeJS.WritableStream): Output {
  let closed = false;
  let failure: UsageError | undefined;
  let reported = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    closed = true;
    if (error.code === 'EPIPE' || failure) return;
    failure = new UsageError(`cannot write the output: ${describeError(error)}`);
    // Reported here only when no write is left to throw it: the run has already ended.
    setImmediate(() => {
      if (reported || !failure) return;
      reported = true;
      writeSync(2, `posture: ${failure.message}\n`);
      process.exitCode = 2;
    });
  });
  return {
    write(text: string) {
      if (!closed) stream.write(text);
      if (failure && !reported) {
        reported = true;
        throw failure;
      }
      return !closed;
    },
  };
}
