/**
 * The Puppet AST. Node kinds follow Puppet's own model (`Puppet::Pops::Model`) so that the tree
 * can be rendered as `puppet parser dump` renders it; every node keeps its source offsets
 * (`start`, `end` exclusive) into the file's text.
 */

export interface Span {
  start: number;
  end: number;
}

export type ResourceForm = 'regular' | 'virtual' | 'exported';

export type BinaryOperator =
  | '='
  | '+='
  | '-='
  | '->'
  | '~>'
  | '<-'
  | '<~'
  | 'and'
  | 'or'
  | 'in'
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '=~'
  | '!~'
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '<<'
  | '>>';

export type UnaryOperator = 'not' | 'minus' | 'unfold' | 'paren';

export interface BlockExpression extends Span {
  kind: 'Block';
  statements: Expression[];
}
export interface Nop extends Span {
  kind: 'Nop';
}
export interface LiteralString extends Span {
  kind: 'String';
  value: string;
}
export interface LiteralInteger extends Span {
  kind: 'Integer';
  value: number;
  radix: 8 | 10 | 16;
}
export interface LiteralFloat extends Span {
  kind: 'Float';
  value: number;
}
export interface LiteralBoolean extends Span {
  kind: 'Boolean';
  value: boolean;
}
export interface LiteralUndef extends Span {
  kind: 'Undef';
}
export interface LiteralDefault extends Span {
  kind: 'Default';
}
export interface LiteralRegex extends Span {
  kind: 'Regex';
  pattern: string;
}
export interface LiteralList extends Span {
  kind: 'List';
  values: Expression[];
}
export interface KeyedEntry extends Span {
  kind: 'KeyedEntry';
  key: Expression;
  value: Expression;
}
export interface LiteralHash extends Span {
  kind: 'Hash';
  entries: KeyedEntry[];
  /** written as bare `k => v` pairs in an argument list, without braces */
  unfolded: boolean;
}
/** A string with interpolation: literal parts and `TextExpression`s. */
export interface ConcatenatedString extends Span {
  kind: 'Concat';
  segments: (LiteralString | TextExpression)[];
}
/** One `${...}` or `$x` inside a string; its span covers the interpolation as written. */
export interface TextExpression extends Span {
  kind: 'Text';
  expr: Expression;
}
export interface HeredocExpression extends Span {
  kind: 'Heredoc';
  syntax: string;
  text: LiteralString | ConcatenatedString;
  /** the heredoc's text lines as written, without the end tag line */
  body: Span;
}
export interface QualifiedName extends Span {
  kind: 'QualifiedName';
  value: string;
}
export interface QualifiedReference extends Span {
  kind: 'QualifiedReference';
  value: string;
}
export interface VariableExpression extends Span {
  kind: 'Variable';
  name: string;
  /** `${true}`: Puppet names this variable by the boolean, not the string */
  booleanName?: true;
}
export interface AccessExpression extends Span {
  kind: 'Access';
  left: Expression;
  keys: Expression[];
}
export interface NamedAccessExpression extends Span {
  kind: 'NamedAccess';
  left: Expression;
  right: QualifiedName;
}
export interface CallNamedFunctionExpression extends Span {
  kind: 'CallNamedFunction';
  functor: Expression;
  args: Expression[];
  lambda?: LambdaExpression;
  /** false for a call made as a statement, whose value is not used */
  rvalRequired: boolean;
}
export interface CallMethodExpression extends Span {
  kind: 'CallMethod';
  functor: NamedAccessExpression;
  args: Expression[];
  lambda?: LambdaExpression;
}
export interface Parameter extends Span {
  kind: 'Parameter';
  name: string;
  /** where `$name` is written */
  nameSpan: Span;
  typeExpr?: Expression;
  value?: Expression;
  capturesRest: boolean;
}
export interface LambdaExpression extends Span {
  kind: 'Lambda';
  parameters: Parameter[];
  body?: Expression[];
  returnType?: Expression;
}
export interface BinaryExpression extends Span {
  kind: 'Binary';
  operator: BinaryOperator;
  left: Expression;
  right: Expression;
}
export interface UnaryExpression extends Span {
  kind: 'Unary';
  operator: UnaryOperator;
  expr: Expression;
}
export interface SelectorEntry extends Span {
  kind: 'SelectorEntry';
  matching: Expression;
  value: Expression;
}
export interface SelectorExpression extends Span {
  kind: 'Selector';
  left: Expression;
  entries: SelectorEntry[];
}
export interface CaseOption extends Span {
  kind: 'CaseOption';
  values: Expression[];
  body?: Expression[];
}
export interface CaseExpression extends Span {
  kind: 'Case';
  test: Expression;
  options: CaseOption[];
}
export interface IfExpression extends Span {
  kind: 'If';
  keyword: 'if' | 'unless';
  test: Expression;
  /** a single statement, or a block of several */
  then?: Expression;
  /** an `elsif` is an `If` here */
  else?: Expression;
  /** this `If` is an `elsif` branch of the one containing it */
  elsif?: true;
  /** an `else` or `elsif` is written, even if empty (an empty one leaves `else` undefined) */
  hasElse: boolean;
}
export interface AttributeOperation extends Span {
  kind: 'AttributeOperation';
  name: string;
  operator: '=>' | '+>';
  value: Expression;
  nameSpan: Span;
}
/** `* => $hash` */
export interface AttributesOperation extends Span {
  kind: 'AttributesOperation';
  expr: Expression;
  starSpan: Span;
}
export type Operation = AttributeOperation | AttributesOperation;

export interface ResourceBody extends Span {
  kind: 'ResourceBody';
  title: Expression;
  operations: Operation[];
}
export interface ResourceExpression extends Span {
  kind: 'Resource';
  typeName: Expression;
  bodies: ResourceBody[];
  form: ResourceForm;
}
export interface ResourceDefaultsExpression extends Span {
  kind: 'ResourceDefaults';
  typeRef: Expression;
  operations: Operation[];
  form: ResourceForm;
}
export interface ResourceOverrideExpression extends Span {
  kind: 'ResourceOverride';
  resources: Expression;
  operations: Operation[];
  form: ResourceForm;
}
export interface CollectQuery extends Span {
  kind: 'CollectQuery';
  exported: boolean;
  expr?: Expression;
}
export interface CollectExpression extends Span {
  kind: 'Collect';
  typeExpr: Expression;
  query: CollectQuery;
  operations: Operation[];
}
export interface HostClassDefinition extends Span {
  kind: 'HostClass';
  name: string;
  nameSpan: Span;
  parameters: Parameter[];
  parent?: string;
  body?: Expression[];
}
export interface ResourceTypeDefinition extends Span {
  kind: 'ResourceTypeDefinition';
  name: string;
  nameSpan: Span;
  parameters: Parameter[];
  body?: Expression[];
}
export interface FunctionDefinition extends Span {
  kind: 'FunctionDefinition';
  name: string;
  nameSpan: Span;
  parameters: Parameter[];
  body?: Expression[];
  returnType?: Expression;
}
export interface NodeDefinition extends Span {
  kind: 'NodeDefinition';
  matches: Expression[];
  parent?: Expression;
  body?: Expression[];
}
export interface TypeAlias extends Span {
  kind: 'TypeAlias';
  name: string;
  typeExpr: Expression;
}
export interface TypeMapping extends Span {
  kind: 'TypeMapping';
  typeExpr: Expression;
  mappingExpr: Expression;
}
export interface TypeDefinition extends Span {
  kind: 'TypeDefinition';
  name: string;
  parent?: string;
  body?: Expression;
}
export interface ReservedWord extends Span {
  kind: 'ReservedWord';
  word: string;
}

export type Definition =
  HostClassDefinition | ResourceTypeDefinition | FunctionDefinition | NodeDefinition;

export type Expression =
  | BlockExpression
  | Nop
  | LiteralString
  | LiteralInteger
  | LiteralFloat
  | LiteralBoolean
  | LiteralUndef
  | LiteralDefault
  | LiteralRegex
  | LiteralList
  | LiteralHash
  | ConcatenatedString
  | TextExpression
  | HeredocExpression
  | QualifiedName
  | QualifiedReference
  | VariableExpression
  | AccessExpression
  | NamedAccessExpression
  | CallNamedFunctionExpression
  | CallMethodExpression
  | LambdaExpression
  | BinaryExpression
  | UnaryExpression
  | SelectorExpression
  | CaseExpression
  | IfExpression
  | ResourceExpression
  | ResourceDefaultsExpression
  | ResourceOverrideExpression
  | CollectExpression
  | Definition
  | TypeAlias
  | TypeMapping
  | TypeDefinition
  | ReservedWord;

export interface Program {
  /** one statement, or a block of several (as Puppet's parser builds it) */
  body: Expression;
}

/** Puppet's `block_or_expression`: one statement stands alone, several make a block. */
export function blockOrExpression(statements: Expression[], span?: Span): Expression {
  if (statements.length === 1) return statements[0] as Expression;
  const first = statements[0];
  const last = statements[statements.length - 1];
  return {
    kind: 'Block',
    statements,
    start: span?.start ?? first?.start ?? 0,
    end: span?.end ?? last?.end ?? 0,
  };
}
