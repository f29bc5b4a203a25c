import { describe, expect, it } from 'vitest';
import { BlobCache } from '../../src/review/blob-cache.js';

describe('the blob cache', () => {
  it('keeps texts by SHA and lets the least recently used go past its budget', () => {
    const cache = new BlobCache(160);
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    for (const name of names) cache.set(name, name.repeat(10));
    expect(cache.size).toBe(8);
    expect(cache.get('a')).toBe('aaaaaaaaaa');
    cache.set('i', 'i'.repeat(10));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('aaaaaaaaaa');
    expect(cache.get('i')).toBe('iiiiiiiiii');
  });

  it('does not keep a text larger than an eighth of its budget', () => {
    const cache = new BlobCache(160);
    cache.set('big', 'x'.repeat(11));
    expect(cache.get('big')).toBeUndefined();
  });
});
