/**
 * `Directive value...` inside sections written as tags, `<VirtualHost *:443>` ...
 * `</VirtualHost>`, nested (Apache httpd). The section is the path of the open tags:
 * `VirtualHost *:443 > Directory /var/www`. Comments are whole lines starting with `#`; a line
 * ending in `\` goes on on the next, and such a directive is left out, as its value is not on
 * its line.
 */
import { COMMENT, indentOf, type SyntaxReaderFactory } from './syntax.js';

const OPEN = /^<([A-Za-z][\w.:-]*)(\s+[^>]*?)?\s*>$/;
const CLOSE = /^<\/([A-Za-z][\w.:-]*)\s*>$/;
const DIRECTIVE = /^([A-Za-z][\w.-]*)\s+(.*?)\s*$/;

export const tagsReader: SyntaxReaderFactory = () => {
  const open: Array<{ tag: string; section: string }> = [];
  let continued = false;
  const path = () => open.map((block) => block.section).join(' > ') || null;

  return {
    read(text) {
      const body = text.trim();
      const continuing = continued;
      continued = body.endsWith('\\') && !COMMENT.test(body);
      if (continuing || continued || body === '' || COMMENT.test(body)) return {};
      const opening = OPEN.exec(body);
      if (opening?.[1]) {
        const argument = (opening[2] ?? '').trim().replace(/\s+/g, ' ');
        open.push({ tag: opening[1].toLowerCase(), section: `${opening[1]} ${argument}`.trim() });
        return { section: path() };
      }
      const closing = CLOSE.exec(body);
      if (closing?.[1]) {
        const tag = closing[1].toLowerCase();
        const at = open.map((block) => block.tag).lastIndexOf(tag);
        // A fragment may close a tag another fragment opened: nothing to close here.
        if (at >= 0) open.length = at;
        return { section: path() };
      }
      const match = DIRECTIVE.exec(body);
      if (!match?.[1] || !match[2]) return {};
      const value = match[2];
      const valueFrom = indentOf(text) + body.length - value.length;
      return { directive: { name: match[1], valueFrom, valueTo: valueFrom + value.length } };
    },
  };
};
