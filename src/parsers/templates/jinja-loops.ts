/**
 * The lines a Jinja2 `for` loop writes once for each item of a variable
 * (`{% for client in postgresql_hba_entries %}`) or each entry of a mapping
 * (`{% for key, value in sysctl_settings.items() %}`), kept with the loop so that rules can
 * write each item out where the variable is set. Only lines the loop writes on their own are
 * kept: not the loop's own line, nor lines under a condition or another loop inside it.
 */
import type { LoopedLine, TemplateLoop } from '../../model/model.js';
import { lineStartsOf, rangeBetween, type RenderedLine } from './render-lines.js';
import type { TemplateTag } from './tags.js';

/** `for client in entries`, `for key, value in settings.items()`, `for x in list | dictsort`. */
const FOR =
  /^for\s+([A-Za-z_]\w*)(?:\s*,\s*([A-Za-z_]\w*))?\s+in\s+([A-Za-z_][\w.]*?)(\.items\(\)|\s*\|\s*dictsort|\s*\|\s*dict2items)?$/;

/** An open block of the template: a loop this module reads, or anything else. */
interface OpenBlock {
  loop?: Omit<TemplateLoop, 'lines'>;
  /** the line its tag ends on */
  line: number;
  /** a loop or macro, whose lines are written other than once */
  repeats: boolean;
  /** the lines of loops and macros inside it, which are theirs, not its own */
  inner: { from: number; to: number }[];
}

/** Lines strictly between `from` and `to`, the lines of `inner` blocks left out. */
interface Span {
  loop: Omit<TemplateLoop, 'lines'>;
  from: number;
  to: number;
  inner: { from: number; to: number }[];
}

export function jinjaLoops(
  source: string,
  tags: readonly TemplateTag[],
  lines: readonly RenderedLine[],
): TemplateLoop[] {
  const starts = lineStartsOf(source);
  const lineOf = (offset: number) => rangeBetween(offset, offset, starts).line;
  const spans: Span[] = [];
  const open: OpenBlock[] = [];
  for (const tag of tags) {
    if (tag.kind !== 'statement') continue;
    if (tag.nesting === 'opens')
      open.push({ ...loopOf(tag), line: lineOf(tag.end), repeats: !tag.condition, inner: [] });
    else if (tag.nesting === 'closes') {
      const block = open.pop();
      if (!block) continue;
      const span = { from: block.line, to: lineOf(tag.start) };
      if (block.repeats) open.at(-1)?.inner.push(span);
      // Inside another loop this one's names may read the outer one's: left alone.
      if (block.loop && !open.some((outer) => outer.loop))
        spans.push({ loop: block.loop, ...span, inner: block.inner });
    }
  }
  return spans.flatMap(({ loop, from, to, inner }) => {
    const written: LoopedLine[] = [];
    for (const line of lines) {
      const range = line.rangeOf(0, line.text.length);
      if (range.line <= from || range.endLine >= to || range.line !== range.endLine) continue;
      if (inner.some((block) => range.line >= block.from && range.line <= block.to)) continue;
      // A line under a condition inside the loop is written for some items only.
      if (line.conditional || !line.templated) continue;
      written.push({ text: line.text, range });
    }
    return written.length > 0 ? [{ ...loop, lines: written }] : [];
  });
}

function loopOf(tag: TemplateTag): Pick<OpenBlock, 'loop'> {
  if (tag.condition) return {};
  const found = FOR.exec(tag.code);
  const [, first, second, iterable, walk] = found ?? [];
  if (!first || !iterable) return {};
  const entries = walk !== undefined && !/dict2items/.test(walk);
  // `for key, value in x.items()` names both; `for item in x | dict2items` one map per entry.
  if (entries !== (second !== undefined)) return {};
  const over = entries ? 'entries' : walk ? 'entry-maps' : 'items';
  return { loop: { targets: second ? [first, second] : [first], iterable, over } };
}
