/**
 * Puppet expressions → typed `Value`s of the shared model: literals keep their value, strings
 * with interpolation are dynamic, `$x` and `$x[...]` are references, calls keep their callee
 * and arguments, and everything else is an expression.
 */
import type { Attribute, SourceRange, Value } from '../../model/model.js';
import type { CallMethodExpression, ConcatenatedString, Expression, Span } from './ast.js';
import type { Positions } from './positions.js';

export class ValueBuilder {
  constructor(
    private readonly source: string,
    private readonly positions: Positions,
  ) {}

  range(span: Span): SourceRange {
    return this.positions.range(span.start, span.end);
  }

  text(span: Span): string {
    return this.source.slice(span.start, span.end);
  }

  value(expr: Expression): Value {
    const text = this.text(expr);
    const range = this.range(expr);
    const base = { text, range };
    switch (expr.kind) {
      case 'String':
        return { kind: 'string', value: expr.value, dynamic: false, ...base };
      case 'QualifiedName':
        return { kind: 'string', value: expr.value, dynamic: false, ...base };
      case 'Concat':
        return { kind: 'string', value: this.interpolatedText(expr), dynamic: true, ...base };
      case 'Heredoc': {
        const body = { text: this.text(expr.body), range: this.range(expr.body) };
        if (expr.text.kind === 'String')
          return { kind: 'string', value: expr.text.value, dynamic: false, ...body };
        return { kind: 'string', value: this.interpolatedText(expr.text), dynamic: true, ...body };
      }
      case 'Integer':
      case 'Float':
        return { kind: 'number', value: expr.value, dynamic: false, ...base };
      case 'Boolean':
        return { kind: 'boolean', value: expr.value, dynamic: false, ...base };
      case 'Undef':
        return { kind: 'null', value: null, dynamic: false, ...base };
      case 'Default':
        return { kind: 'expression', dynamic: false, ...base };
      case 'Regex':
        return { kind: 'expression', value: expr.pattern, dynamic: false, ...base };
      case 'Variable':
        return { kind: 'reference', name: expr.name, dynamic: true, ...base };
      case 'Access': {
        const root = accessRoot(expr);
        if (root.kind === 'Variable')
          return { kind: 'reference', name: root.name, dynamic: true, ...base };
        return { kind: 'expression', dynamic: true, ...base };
      }
      case 'CallNamedFunction':
        return {
          kind: 'call',
          name: this.calleeName(expr.functor),
          items: expr.args.map((arg) => this.value(arg)),
          dynamic: true,
          ...base,
        };
      case 'CallMethod':
        return { kind: 'call', ...this.methodCall(expr), dynamic: true, ...base };
      case 'List':
        return {
          kind: 'list',
          items: expr.values.map((item) => this.value(item)),
          dynamic: false,
          ...base,
        };
      case 'Hash':
        return { kind: 'map', entries: this.entries(expr.entries), dynamic: false, ...base };
      case 'Unary':
        if (expr.operator === 'paren') return { ...this.value(expr.expr), ...base };
        if (
          expr.operator === 'minus' &&
          (expr.expr.kind === 'Integer' || expr.expr.kind === 'Float')
        ) {
          return { kind: 'number', value: -expr.expr.value, dynamic: false, ...base };
        }
        return { kind: 'expression', dynamic: true, ...base };
      default:
        return { kind: 'expression', dynamic: true, ...base };
    }
  }

  /** A hash's entries as attributes, named by their keys. */
  entries(entries: { key: Expression; value: Expression }[]): Attribute[] {
    return entries.map((entry) => ({
      name: this.keyName(entry.key),
      value: this.value(entry.value),
      range: this.range(entry.key),
    }));
  }

  /** A value for something not written at all (a parameter without default), at `offset`. */
  absent(offset: number): Value {
    return {
      kind: 'null',
      value: null,
      text: '',
      dynamic: false,
      range: this.positions.range(offset, offset),
    };
  }

  private keyName(key: Expression): string {
    switch (key.kind) {
      case 'String':
      case 'QualifiedName':
        return key.value;
      case 'Integer':
      case 'Float':
      case 'Boolean':
        return String(key.value);
      case 'Concat':
        return this.interpolatedText(key);
      default:
        return this.text(key);
    }
  }

  /** The string's literal parts decoded, its interpolations as written (`${x}`, `$y`). */
  private interpolatedText(expr: ConcatenatedString): string {
    return expr.segments
      .map((segment) => (segment.kind === 'String' ? segment.value : this.text(segment)))
      .join('');
  }

  private calleeName(functor: Expression): string {
    return functor.kind === 'QualifiedName' || functor.kind === 'QualifiedReference'
      ? functor.value
      : this.text(functor);
  }

  /**
   * `Sensitive.new('x')` is named `Sensitive.new` with its arguments as items; `$x.foo(1)` is
   * named `foo` with the receiver as the first item, as Puppet calls `foo($x, 1)`.
   */
  private methodCall(expr: CallMethodExpression): { name: string; items: Value[] } {
    const receiver = expr.functor.left;
    const method = expr.functor.right.value;
    const args = expr.args.map((arg) => this.value(arg));
    if (receiver.kind === 'QualifiedReference')
      return { name: `${receiver.value}.${method}`, items: args };
    return { name: method, items: [this.value(receiver), ...args] };
  }
}

function accessRoot(expr: Expression): Expression {
  let root = expr;
  while (root.kind === 'Access') root = root.left;
  return root;
}
