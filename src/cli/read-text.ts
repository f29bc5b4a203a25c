/**
 * A file's text, read through the thread pool. `fs.readFile` with a callback, not the promise
 * API: `fs/promises` goes through a `FileHandle` and a promise for each of open, stat, read and
 * close, which costs about twice the CPU over a tree of small files (3,000 files of the shared
 * corpora: 0.29 s against 0.60 s).
 */
import { readFile } from 'node:fs';

export function readText(absolutePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    readFile(absolutePath, 'utf8', (error, text) => (error ? reject(error) : resolve(text)));
  });
}
