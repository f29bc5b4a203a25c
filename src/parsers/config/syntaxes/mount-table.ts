/**
 * The file systems table (`/etc/fstab`): `device mount-point type options dump pass`, one file
 * system a line, `#` starting a comment. A line is named by its mount point; its value is the
 * options column, empty when the line leaves it out (which `mount` reads as `defaults`).
 */
import { columnsOf } from './columns.js';
import { COMMENT, type SyntaxReaderFactory } from './syntax.js';

export const mountTableReader: SyntaxReaderFactory = () => ({
  read(text) {
    const body = text.trim();
    if (body === '' || COMMENT.test(body)) return {};
    const [, point, type, options] = columnsOf(text);
    if (!point || !type) return {};
    const valueFrom = options?.from ?? type.to;
    return { directive: { name: point.text, valueFrom, valueTo: options?.to ?? valueFrom } };
  },
});
