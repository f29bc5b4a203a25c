/** What parsing a file gives: its model, or why it could not be read. */
import type { FileError } from './file-error.js';
import type { FileModel } from './model.js';

export type ParseOutcome = { ok: true; model: FileModel } | { ok: false; error: FileError };
