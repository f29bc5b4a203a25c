import type { Comment, FileModel } from '../../model/model.js';
import type { Rule } from '../rule.js';
import { quote, rangeOfMatch } from '../support/source-lines.js';
import { escapeRegExp } from '../../shared/escape-regexp.js';
import { speaksOfSecurityWeakness } from './security-weakness.js';
import { meta } from './meta.js';

/**
 * Markers developers leave on their own code when they know it is unfinished or a shortcut, as
 * whole words: "debug", "prefix" and "bugzilla.example.com" do not count. `XXX` is also a
 * placeholder (`Authorization: "Basic XXX"`), so only a leading `XXX` or `XXX:` counts.
 */
const OWN_WORK = String.raw`(?<![\w/.+-])(TODO|FIXME|HACK|KLUDGE|TBD)(?![\w/.-])|^XXX\b|\bXXX(?=[:(])|\b(to be implemented|not (yet )?implemented|temporary (fix|hack|workaround))\b`;
/**
 * A mention of a bug (`due to an ansible bug`, `bug 1923899`): it points at someone else's code,
 * usually to explain a workaround. GLITCH counts it; it is no weakness left here.
 */
const BUG_MENTION = String.raw`(?<![\w/.+-])(BUG|BUGFIX)(?![\w/.-])`;
const OWN_WORK_MARKER = new RegExp(OWN_WORK, 'i');
const MARKER = new RegExp(`${OWN_WORK}|${BUG_MENTION}`, 'i');
const URL = /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi;

/** A marker on ordinary unfinished work is one of GLITCH's smells, not a security finding. */
const GLITCH_ONLY = ['glitch'] as const;

export const suspiciousComment: Rule = {
  meta,
  check({ file, report }) {
    const comments = [...file.comments].sort((a, b) => a.range.line - b.range.line);
    comments.forEach((comment, index) => {
      const match = MARKER.exec(withoutUrls(comment.text));
      if (!match) return;
      const marker = (match[0] ?? '').trim();
      const range =
        comment.range.line === comment.range.endLine
          ? comment.range
          : rangeOfMatch(file, comment.range, new RegExp(escapeRegExp(marker)));
      const noted =
        range === comment.range
          ? comment.text
          : (file.lines[range.line - 1] ?? '').slice(range.column - 1);
      const note = withoutUrls(noteFrom(file, comments, index, range.line));
      if (OWN_WORK_MARKER.test(withoutUrls(comment.text)) && speaksOfSecurityWeakness(note)) {
        report({ range, message: `comment leaves a security weakness in place: ${quote(noted)}` });
      } else {
        report({
          range,
          message: `comment marks unfinished or known-broken code: ${quote(noted)}`,
          profiles: GLITCH_ONLY,
        });
      }
    });
  },
};

function withoutUrls(text: string): string {
  // Most comments hold no URL; the pattern is slow to find that out.
  return text.includes('://') ? text.replace(URL, ' ') : text;
}

/** How many comment lines a note runs to at most. */
const MAX_NOTE_LINES = 5;

/** A line that carries on the sentence above it: it starts in lower case, or the line above ends mid-sentence. */
function continues(previous: string, next: string): boolean {
  return /^\s*[a-z]/.test(next) || /[,:;-]\s*$/.test(previous);
}

/**
 * What a marker's note says: the comment from the marker's line on, and the whole-line comments
 * right below it that continue its sentence (`# TODO: this is temporary,` / `# the password is
 * in clear`). A comment that starts a sentence of its own, or holds a marker, starts a new note.
 */
function noteFrom(
  file: FileModel,
  comments: readonly Comment[],
  index: number,
  markerLine: number,
): string {
  const first = comments[index] as Comment;
  const text = [
    first.range.line === markerLine
      ? first.text
      : file.lines.slice(markerLine - 1, first.range.endLine).join('\n'),
  ];
  let last = first.range.endLine;
  for (const next of comments.slice(index + 1, index + MAX_NOTE_LINES)) {
    const wholeLine =
      (file.lines[next.range.line - 1] ?? '').slice(0, next.range.column - 1).trim() === '';
    if (
      next.range.line !== last + 1 ||
      !wholeLine ||
      MARKER.test(withoutUrls(next.text)) ||
      !continues(text.at(-1) ?? '', next.text)
    )
      break;
    text.push(next.text);
    last = next.range.endLine;
  }
  return text.join('\n');
}
