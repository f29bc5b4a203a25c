/**
 * Heredocs: the parser puts a heredoc's body after the line that opens it, apart from the
 * `<<~EOS` token. Bodies follow in the order their openings were written, so the nth opening
 * of a file owns the nth body.
 */
import type { SourceRange } from '../../model/model.js';
import { heredocContent, heredocStyle, readHeredoc, type StringReading } from './strings.js';
import { rangeBetween, type SyntaxIndex, type SyntaxNode } from './syntax.js';

export const HEREDOC_TYPES = ['heredoc_beginning', 'heredoc_body'];

export interface Heredoc extends StringReading {
  /** from the opening token to the end of the terminator */
  range: SourceRange;
  text: string;
  /** a backtick heredoc runs a command */
  command: boolean;
}

export class Heredocs {
  private readonly bodies = new Map<number, SyntaxNode>();

  constructor(
    index: SyntaxIndex,
    private readonly source: string,
  ) {
    const bodies = index.of('heredoc_body');
    index.of('heredoc_beginning').forEach((opening, position) => {
      const body = bodies[position];
      if (body) this.bodies.set(opening.id, body);
    });
  }

  read(opening: SyntaxNode): Heredoc | undefined {
    const body = this.bodies.get(opening.id);
    if (!body) return undefined;
    const terminator = body.namedChildren.find((child) => child?.type === 'heredoc_end');
    const contentEnd = terminator ? terminator.startIndex : body.endIndex;
    const style = heredocStyle(opening.text);
    const interpolated = body.namedChildren.some((child) => child?.type === 'interpolation');
    const reading = readHeredoc(
      style,
      heredocContent(this.source.slice(body.startIndex, contentEnd)),
      interpolated,
    );
    return {
      ...reading,
      range: rangeBetween(opening, body),
      text: this.source.slice(opening.startIndex, body.endIndex),
      command: style.command,
    };
  }
}
