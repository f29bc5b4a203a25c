import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/review/describe-error.js';

describe('describeError', () => {
  it('names the status and endpoint of a failed GitHub call, without its query string', () => {
    const error = Object.assign(new Error('Server Error'), {
      status: 502,
      request: {
        method: 'GET',
        url: 'https://api.github.com/repos/a/b/pulls/1/files?per_page=100&page=2',
      },
    });
    expect(describeError(error)).toBe(
      'GitHub answered 502 to GET https://api.github.com/repos/a/b/pulls/1/files: Server Error',
    );
  });

  it('masks anything that looks like a credential', () => {
    const text = describeError(
      new Error(
        'failed with token ghs_abcdefghijklmnopqrstuvwxyz012345 and Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjF9.c2lnbmF0dXJl',
      ),
    );
    expect(text).not.toMatch(/ghs_|eyJ/);
    expect(text).toContain('[redacted]');
  });

  it('describes values that are not errors', () => {
    expect(describeError('plain text')).toBe('plain text');
  });
});
