import type { Rule } from '../rule.js';
import { escapeRegExp, rangeOfMatch } from '../support/source-lines.js';

/**
 * Markers developers leave on code they know is unfinished or wrong, as whole words:
 * "debug", "prefix" and "bugzilla.example.com" do not count. `XXX` is also a placeholder
 * (`Authorization: "Basic XXX"`), so only a leading `XXX` or `XXX:` counts.
 */
const MARKER = /(?<![\w/.+-])(TODO|FIXME|HACK|KLUDGE|TBD|BUG|BUGFIX)(?![\w/.-])|^XXX\b|\bXXX(?=[:(])|\b(to be implemented|not (yet )?implemented|temporary (fix|hack|workaround))\b/i;
const URL = /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi;

export const suspiciousComment: Rule = {
  meta: {
    id: 'suspicious-comment',
    title: 'Comment flags unfinished or known-broken code',
    severity: 'low',
    category: 'suspicious-comment',
    languages: ['ansible', 'puppet', 'chef'],
    description:
      'A comment says the code is unfinished, wrong or a workaround (`TODO`, `FIXME`, `HACK`, `XXX`, a known bug). In configuration code such notes often sit on exactly the setting that was left weaker than intended.',
    remediation:
      'Resolve the note, or move it to the issue tracker and link the issue, so that the risk is tracked rather than hidden in a comment.',
    cwe: 'CWE-546',
  },
  check({ file, report }) {
    for (const comment of file.comments) {
      const match = MARKER.exec(comment.text.replace(URL, ' '));
      if (!match) continue;
      const marker = (match[0] ?? '').trim();
      const range = comment.range.line === comment.range.endLine ? comment.range : rangeOfMatch(file, comment.range, new RegExp(escapeRegExp(marker)));
      report({ range, message: `comment marks unfinished or known-broken code: "${marker}"` });
    }
  },
};
