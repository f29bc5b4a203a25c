/**
 * Output to a reader that went away. `posture scan -f sarif | head` closes the pipe after a few
 * lines; Node then reports EPIPE on the stream (it ignores SIGPIPE), which would otherwise end
 * the process with a stack trace. Like a program killed by SIGPIPE, Posture stops writing
 * quietly; the scan still finishes and exits with its own code.
 */
import type { Output } from './io.js';

export function stopWritingOnClosedPipe(stream: NodeJS.WritableStream): Output {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      closed = true;
      return;
    }
    throw error;
  });
  return {
    write(text: string) {
      return closed ? false : stream.write(text);
    },
  };
}
