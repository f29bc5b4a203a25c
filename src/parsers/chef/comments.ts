/** Ruby comments: `# ...` lines and `=begin ... =end` blocks, without their markers. */
import type { Comment } from '../../model/model.js';
import { rangeOf, type SyntaxIndex } from './syntax.js';

export const COMMENT_TYPES = ['comment'];

export function readComments(index: SyntaxIndex): Comment[] {
  return index
    .of(...COMMENT_TYPES)
    .map((node) => ({ text: commentText(node.text), range: rangeOf(node) }));
}

export function commentText(raw: string): string {
  if (!raw.startsWith('=begin')) return raw.replace(/^#/, '').trim();
  const lines = raw.split(/\r?\n/).slice(1);
  if (lines[lines.length - 1]?.startsWith('=end')) lines.pop();
  return lines.join('\n').trim();
}
