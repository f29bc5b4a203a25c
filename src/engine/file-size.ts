/** The largest file Posture reads; a larger one is reported, never analysed. */
import type { FileError } from '../model/file-error.js';

export const MAX_FILE_BYTES = 2 * 1024 * 1024;

const MEBIBYTE = 1024 * 1024;

export function isTooLarge(sizeBytes: number): boolean {
  return sizeBytes > MAX_FILE_BYTES;
}

/** `file is 2.1 MiB; Posture analyses files up to 2 MiB` */
export function fileSizeError(path: string, sizeBytes: number): FileError {
  return {
    path,
    kind: 'too-large',
    message: `file is ${(sizeBytes / MEBIBYTE).toFixed(1)} MiB; Posture analyses files up to ${MAX_FILE_BYTES / MEBIBYTE} MiB`,
  };
}
