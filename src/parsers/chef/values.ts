/**
 * Ruby expressions → model values. Literals keep their decoded value; `node['a']['b']`, local
 * and instance variables become references; method calls become calls named after their
 * receiver and method (`Chef::EncryptedDataBagItem.load`); everything else is an expression.
 */
import type { Attribute, SourceRange, Value, ValueKind } from '../../model/model.js';
import type { Heredocs } from './heredocs.js';
import type { LocalVariables } from './locals.js';
import { decodeDoubleQuoted, readQuoted, readWord, type StringReading } from './strings.js';
import {
  checkDepth,
  elementKeys,
  field,
  meaningfulChildren,
  rangeBetween,
  rangeOf,
  textBetween,
  type SyntaxNode,
} from './syntax.js';

const VARIABLES = new Set(['instance_variable', 'class_variable', 'global_variable']);
const CONSTANTS = new Set(['constant', 'scope_resolution']);
/** the method Ruby calls for backticks and `%x()` */
const COMMAND_METHOD = '`';

export class RubyValues {
  constructor(
    private readonly source: string,
    private readonly heredocs: Heredocs,
    private readonly locals: LocalVariables,
  ) {}

  value(node: SyntaxNode, depth = 0): Value {
    checkDepth(node, depth);
    switch (node.type) {
      case 'string':
      case 'delimited_symbol':
        return this.string(node, readQuoted(node, this.source));
      case 'chained_string':
        return this.string(node, this.chainedString(node));
      case 'simple_symbol':
        return this.string(node, { value: node.text.slice(1), dynamic: false });
      case 'hash_key_symbol':
        return this.string(node, { value: node.text, dynamic: false });
      case 'character':
        return this.string(node, { value: decodeDoubleQuoted(node.text.slice(1)), dynamic: false });
      case 'heredoc_beginning':
        return this.heredoc(node);
      case 'subshell':
        return this.call(node, COMMAND_METHOD);
      case 'string_array':
      case 'symbol_array':
        return this.words(node);
      case 'integer':
        return this.scalar(node, 'number', integerValue(node.text));
      case 'float':
        return this.scalar(node, 'number', Number(node.text.replace(/_/g, '')));
      case 'true':
      case 'false':
        return this.scalar(node, 'boolean', node.type === 'true');
      case 'nil':
        return this.scalar(node, 'null', null);
      case 'array':
        return {
          ...this.base(node, 'list', false),
          items: meaningfulChildren(node).map((item) => this.value(item, depth + 1)),
        };
      case 'hash':
        return this.map(
          node,
          node,
          meaningfulChildren(node).filter((child) => child.type === 'pair'),
          depth,
        );
      case 'pair':
        return this.map(node, node, [node], depth);
      case 'parenthesized_statements':
        return this.parenthesized(node, depth);
      case 'unary':
        return this.unary(node, depth);
      case 'identifier':
        return this.identifier(node);
      case 'element_reference':
        return this.elementReference(node, depth);
      case 'call':
        return this.isNodeAccess(node, depth)
          ? this.reference(node, this.accessName(node, depth))
          : this.call(node, this.callee(node, depth));
      default:
        if (VARIABLES.has(node.type)) return this.reference(node, node.text);
        if (CONSTANTS.has(node.type)) return this.reference(node, constantName(node));
        return this.base(node, 'expression', true);
    }
  }

  /**
   * The value of a call's arguments: one argument is itself, bare `key: value` pairs form a map,
   * several arguments form a list (their pairs gathered into one map where the first pair was).
   */
  argumentsValue(args: SyntaxNode[], depth = 0): Value | undefined {
    const first = args[0];
    const last = args[args.length - 1];
    if (!first || !last) return undefined;
    const pairs = args.filter((arg) => arg.type === 'pair');
    if (args.length === 1) return this.value(first, depth + 1);
    if (pairs.length === args.length) return this.map(first, last, pairs, depth);
    const items: Value[] = [];
    for (const arg of args) {
      if (arg.type !== 'pair') items.push(this.value(arg, depth + 1));
      else if (arg === pairs[0])
        items.push(this.map(arg, pairs[pairs.length - 1] ?? arg, pairs, depth));
    }
    return {
      kind: 'list',
      text: textBetween(this.source, first, last),
      dynamic: false,
      items,
      range: rangeBetween(first, last),
    };
  }

  /** A block of Ruby code (`{ ::File.exist?(x) }`), kept as an expression. */
  block(node: SyntaxNode): Value {
    return this.base(node, 'expression', true);
  }

  /** The key of a hash entry or element reference as a name: `a` for `'a'`, `:a`, `a:`. */
  keyName(key: SyntaxNode, depth = 0): string {
    const value = this.value(key, depth);
    if (value.kind === 'string' || value.kind === 'number') return String(value.value);
    return key.text;
  }

  /** The method a call invokes, qualified by its receiver: `Digest::MD5.hexdigest`, `data_bag_item`. */
  callee(call: SyntaxNode, depth = 0): string {
    checkDepth(call, depth);
    const method = field(call, 'method')?.text ?? '';
    const receiver = field(call, 'receiver');
    const qualifier = receiver ? this.accessName(receiver, depth + 1) : '';
    return qualifier ? `${qualifier}.${method}` : method;
  }

  private accessName(node: SyntaxNode, depth: number): string {
    checkDepth(node, depth);
    switch (node.type) {
      case 'element_reference': {
        const object = field(node, 'object');
        const base = object ? this.accessName(object, depth + 1) : '';
        return base + this.keySegment(node);
      }
      case 'call':
        return this.callee(node, depth + 1);
      case 'identifier':
      case 'self':
        return node.text;
      default:
        if (VARIABLES.has(node.type)) return node.text;
        if (CONSTANTS.has(node.type)) return constantName(node);
        return '';
    }
  }

  /** `.a` for a literal key, `[expr]` for a computed one. */
  private keySegment(reference: SyntaxNode): string {
    const keys = elementKeys(reference);
    const only = keys.length === 1 ? keys[0] : undefined;
    if (only && isLiteralKey(only)) return `.${this.keyName(only)}`;
    const first = keys[0];
    const last = keys[keys.length - 1];
    return first && last ? `[${textBetween(this.source, first, last)}]` : '[]';
  }

  /** `node['a'].b['c']`: attribute access rooted at `node`, through keys and argument-less methods. */
  private isNodeAccess(node: SyntaxNode, depth: number): boolean {
    let current: SyntaxNode | undefined = node;
    for (let level = depth; current; level += 1) {
      checkDepth(current, level);
      if (current.type === 'element_reference') current = field(current, 'object');
      else if (current.type === 'call' && !field(current, 'arguments') && !field(current, 'block'))
        current = field(current, 'receiver');
      else
        return (
          current.type === 'identifier' && current.text === 'node' && !this.locals.isLocal(current)
        );
    }
    return false;
  }

  private elementReference(node: SyntaxNode, depth: number): Value {
    if (this.isNodeAccess(node, depth)) return this.reference(node, this.accessName(node, depth));
    let root: SyntaxNode | undefined = node;
    for (let level = depth; root?.type === 'element_reference'; level += 1) {
      checkDepth(root, level);
      root = field(root, 'object');
    }
    if (!root) return this.base(node, 'expression', true);
    if (root.type === 'call') return this.call(node, this.callee(root, depth + 1));
    if (root.type === 'identifier' && !this.locals.isLocal(root)) return this.call(node, root.text);
    if (root.type === 'identifier' || VARIABLES.has(root.type) || CONSTANTS.has(root.type)) {
      return this.reference(node, this.accessName(node, depth));
    }
    return this.base(node, 'expression', true);
  }

  /** A bare name is a local variable once assigned, else a call of a method without arguments. */
  private identifier(node: SyntaxNode): Value {
    if (node.text === 'node' || this.locals.isLocal(node)) return this.reference(node, node.text);
    return this.call(node, node.text);
  }

  private parenthesized(node: SyntaxNode, depth: number): Value {
    const statements = meaningfulChildren(node);
    const only = statements.length === 1 ? statements[0] : undefined;
    return only ? this.value(only, depth + 1) : this.base(node, 'expression', true);
  }

  /** `-1` and `-0.5` are numbers; `!x`, `not x`, `-x` are expressions. */
  private unary(node: SyntaxNode, depth: number): Value {
    const operand = field(node, 'operand');
    const operator = node.firstChild?.text;
    if (
      operand &&
      (operator === '-' || operator === '+') &&
      (operand.type === 'integer' || operand.type === 'float')
    ) {
      const magnitude = this.value(operand, depth + 1).value;
      if (typeof magnitude === 'number')
        return this.scalar(node, 'number', operator === '-' ? -magnitude : magnitude);
    }
    return this.base(node, 'expression', true);
  }

  private chainedString(node: SyntaxNode): StringReading {
    const parts = meaningfulChildren(node).map((part) => readQuoted(part, this.source));
    return {
      value: parts.map((part) => part.value).join(''),
      dynamic: parts.some((part) => part.dynamic),
    };
  }

  private heredoc(node: SyntaxNode): Value {
    const heredoc = this.heredocs.read(node);
    if (!heredoc) return this.base(node, 'expression', true);
    const kind: ValueKind = heredoc.command ? 'call' : 'string';
    return {
      kind,
      ...(heredoc.command ? { name: COMMAND_METHOD } : { value: heredoc.value }),
      text: heredoc.text,
      dynamic: heredoc.command || heredoc.dynamic,
      range: heredoc.range,
    };
  }

  private words(node: SyntaxNode): Value {
    const opening = node.firstChild?.text ?? '%w(';
    const items = meaningfulChildren(node).map((word) =>
      this.string(word, readWord(word, opening)),
    );
    return { ...this.base(node, 'list', false), items };
  }

  private map(first: SyntaxNode, last: SyntaxNode, pairs: SyntaxNode[], depth: number): Value {
    const entries = pairs
      .map((pair) => this.entry(pair, depth + 1))
      .filter((entry): entry is Attribute => entry !== undefined);
    return {
      kind: 'map',
      text: textBetween(this.source, first, last),
      dynamic: false,
      entries,
      range: rangeBetween(first, last),
    };
  }

  private entry(pair: SyntaxNode, depth: number): Attribute | undefined {
    const key = field(pair, 'key');
    if (!key) return undefined;
    const value = field(pair, 'value');
    const range = rangeOf(key);
    // `{ user: }` is shorthand for `{ user: user }`
    const entryValue = value ? this.value(value, depth + 1) : this.shorthandValue(key, range);
    return { name: this.keyName(key, depth + 1), value: entryValue, range };
  }

  private shorthandValue(key: SyntaxNode, range: SourceRange): Value {
    return { kind: 'reference', name: key.text, text: key.text, dynamic: true, range };
  }

  private string(node: SyntaxNode, reading: StringReading): Value {
    return { ...this.base(node, 'string', reading.dynamic), value: reading.value };
  }

  private scalar(
    node: SyntaxNode,
    kind: ValueKind,
    value: string | number | boolean | null,
  ): Value {
    return { ...this.base(node, kind, false), value };
  }

  private reference(node: SyntaxNode, name: string): Value {
    return { ...this.base(node, 'reference', true), name };
  }

  private call(node: SyntaxNode, name: string): Value {
    return { ...this.base(node, 'call', true), name };
  }

  private base(node: SyntaxNode, kind: ValueKind, dynamic: boolean): Value {
    return { kind, text: node.text, dynamic, range: rangeOf(node) };
  }
}

function isLiteralKey(key: SyntaxNode): boolean {
  return (
    ['string', 'simple_symbol', 'delimited_symbol', 'integer'].includes(key.type) &&
    !key.namedChildren.some((child) => child?.type === 'interpolation')
  );
}

/** `::File` is `File`. */
function constantName(node: SyntaxNode): string {
  return node.text.replace(/^::/, '');
}

/** Ruby integer literals: `1_000`, `0x1F`, `0b101`, `0o755`, and `0755`, which is octal too. */
export function integerValue(text: string): number {
  const digits = text.replace(/_/g, '');
  if (/^0[0-7]+$/.test(digits)) return Number.parseInt(digits.slice(1), 8);
  if (/^0[oO]/.test(digits)) return Number.parseInt(digits.slice(2), 8);
  if (/^0[dD]/.test(digits)) return Number.parseInt(digits.slice(2), 10);
  return Number(digits);
}
