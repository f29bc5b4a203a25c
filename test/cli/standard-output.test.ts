import { describe, expect, it } from 'vitest';
import { descriptorOutput, type WriteBytes } from '../../src/cli/standard-output.js';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** A descriptor that takes at most `chunk` bytes a call, after the given failures. */
function descriptor(chunk: number, failures: string[] = []) {
  const written: number[] = [];
  const write: WriteBytes = (_fd, bytes, offset, length) => {
    const failure = failures.shift();
    if (failure) throw errno(failure);
    const taken = Math.min(chunk, length);
    written.push(...bytes.subarray(offset, offset + taken));
    return taken;
  };
  return { write, text: () => Buffer.from(written).toString('utf8') };
}

describe('output written straight to a descriptor', () => {
  it('writes every byte in order when the descriptor takes a few at a time', () => {
    const target = descriptor(3);
    const output = descriptorOutput(1, target.write);
    expect(output.write('posture: naïve → ✓\n')).toBe(true);
    expect(output.write('second line\n')).toBe(true);
    expect(target.text()).toBe('posture: naïve → ✓\nsecond line\n');
  });

  it('waits for a full non-blocking pipe and then writes the rest', () => {
    const target = descriptor(4, ['EAGAIN', 'EAGAIN']);
    const output = descriptorOutput(1, target.write);
    expect(output.write('{"findings": []}\n')).toBe(true);
    expect(target.text()).toBe('{"findings": []}\n');
  });

  it('stops writing quietly once the reader went away', () => {
    const target = descriptor(1, ['EPIPE']);
    const output = descriptorOutput(1, target.write);
    expect(output.write('lost')).toBe(false);
    expect(output.write('also lost')).toBe(false);
    expect(target.text()).toBe('');
  });

  it('throws any other error', () => {
    const target = descriptor(1, ['EBADF']);
    expect(() => descriptorOutput(1, target.write).write('x')).toThrow(/EBADF/);
  });
});
