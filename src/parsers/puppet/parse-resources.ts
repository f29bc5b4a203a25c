/**
 * Resource expressions: `type { title: attr => value; ... }`, `@`/`@@` forms, class
 * declarations, resource defaults (`File { ... }`), overrides (`File['x'] { ... }`) and
 * collectors (`User <| query |> { ... }`).
 */
import {
  blockOrExpression,
  type AttributeOperation,
  type CollectExpression,
  type Expression,
  type LiteralHash,
  type Operation,
  type ResourceBody,
  type ResourceExpression,
} from './ast.js';
import { isKeyword, type Token } from './tokens.js';
import type { Grammar } from './token-stream.js';

/** Puppet's `resource` rule: an expression, possibly followed by resource bodies. */
export function resource(grammar: Grammar): Expression {
  const stream = grammar.stream;
  if (stream.at('AT') || stream.at('ATAT')) {
    const marker = stream.next();
    const form = marker.kind === 'AT' ? 'virtual' : 'exported';
    const result = resource(grammar);
    if (
      result.kind !== 'Resource' &&
      result.kind !== 'ResourceDefaults' &&
      result.kind !== 'ResourceOverride'
    ) {
      return stream.fail(
        `${marker.kind === 'AT' ? 'virtual (@)' : 'exported (@@)'} can only be applied to a resource expression`,
        marker,
      );
    }
    result.form = form;
    result.start = marker.start;
    return result;
  }
  let left =
    stream.at('CLASS') && stream.peek(1).kind === 'LBRACE'
      ? classResource(grammar)
      : grammar.expression();
  while (stream.at('LBRACE')) left = resourceBlock(grammar, left);
  return left;
}

/** `class { 'name': ... }` */
function classResource(grammar: Grammar): ResourceExpression {
  const stream = grammar.stream;
  const keyword = stream.next();
  stream.next();
  const bodies = resourceBodies(grammar);
  stream.accept('SEMIC');
  const close = stream.expect('RBRACE', "'}' to close the class declaration");
  return {
    kind: 'Resource',
    typeName: { kind: 'QualifiedName', value: 'class', start: keyword.start, end: keyword.end },
    bodies,
    form: 'regular',
    start: keyword.start,
    end: close.end,
  };
}

/** `left { ... }`: a titled resource, or (without titles) defaults, an override or a call. */
function resourceBlock(grammar: Grammar, left: Expression): Expression {
  const stream = grammar.stream;
  const open = stream.next();
  if (stream.at('RBRACE') || startsOperation(grammar, 0)) {
    const operations = attributeOperations(grammar);
    stream.accept('COMMA');
    const close = stream.expect('RBRACE', "'}' after the attributes");
    const span = { start: left.start, end: close.end };
    switch (left.kind) {
      case 'QualifiedName':
        return nameWithHash(grammar, left, operations, open, close);
      case 'QualifiedReference':
        return { kind: 'ResourceDefaults', typeRef: left, operations, form: 'regular', ...span };
      case 'Access':
        return { kind: 'ResourceOverride', resources: left, operations, form: 'regular', ...span };
      default:
        return stream.fail(
          'expression is not valid as a resource, resource-default, or resource-override',
          left,
        );
    }
  }
  const bodies = [resourceBody(grammar)];
  if (stream.accept('SEMIC') && !stream.at('RBRACE')) {
    bodies.push(...resourceBodies(grammar));
    stream.accept('SEMIC');
  }
  const close = stream.expect('RBRACE', "'}' to close the resource");
  return {
    kind: 'Resource',
    typeName: left,
    bodies,
    form: 'regular',
    start: left.start,
    end: close.end,
  };
}

/**
 * `name { k => v }` without a title is a name followed by a hash: a call when the name is one
 * of the statement functions (`notice { ... }`), else two statements, as Puppet reads it.
 */
function nameWithHash(
  grammar: Grammar,
  left: Expression,
  operations: Operation[],
  open: Token,
  close: Token,
): Expression {
  const entries = operations.map((operation) => {
    if (operation.kind !== 'AttributeOperation' || operation.operator === '+>') {
      return grammar.stream.fail('resource body without title or hash with +>', open);
    }
    const key: Expression = { kind: 'String', value: operation.name, ...operation.nameSpan };
    return {
      kind: 'KeyedEntry' as const,
      key,
      value: operation.value,
      start: operation.start,
      end: operation.end,
    };
  });
  const hash: LiteralHash = {
    kind: 'Hash',
    entries,
    unfolded: false,
    start: open.start,
    end: close.end,
  };
  return blockOrExpression(grammar.transformCalls([left, hash]));
}

function resourceBodies(grammar: Grammar): ResourceBody[] {
  const stream = grammar.stream;
  const bodies = [resourceBody(grammar)];
  while (stream.at('SEMIC') && stream.peek(1).kind !== 'RBRACE') {
    stream.next();
    bodies.push(resourceBody(grammar));
  }
  return bodies;
}

function resourceBody(grammar: Grammar): ResourceBody {
  const stream = grammar.stream;
  const title = grammar.expression();
  const colon = stream.expect('COLON', "':' after the resource title");
  const operations = attributeOperations(grammar);
  stream.accept('COMMA');
  const last = operations[operations.length - 1];
  return {
    kind: 'ResourceBody',
    title,
    operations,
    start: title.start,
    end: last ? last.end : colon.end,
  };
}

/** Whether the token `ahead` starts `name => value`, `name +> value` or `* => value`. */
function startsOperation(grammar: Grammar, ahead: number): boolean {
  const token = grammar.stream.peek(ahead);
  const arrow = grammar.stream.peek(ahead + 1).kind;
  if (token.kind === 'TIMES') return arrow === 'FARROW';
  return (
    (token.kind === 'NAME' || isKeyword(token.kind)) && (arrow === 'FARROW' || arrow === 'PARROW')
  );
}

export function attributeOperations(grammar: Grammar): Operation[] {
  const stream = grammar.stream;
  const operations: Operation[] = [];
  if (!startsOperation(grammar, 0)) return operations;
  operations.push(attributeOperation(grammar));
  while (stream.at('COMMA') && startsOperation(grammar, 1)) {
    stream.next();
    operations.push(attributeOperation(grammar));
  }
  return operations;
}

function attributeOperation(grammar: Grammar): Operation {
  const stream = grammar.stream;
  const name = stream.next();
  const arrow = stream.next();
  const value = grammar.expression();
  if (name.kind === 'TIMES') {
    return {
      kind: 'AttributesOperation',
      expr: value,
      starSpan: { start: name.start, end: name.end },
      start: name.start,
      end: value.end,
    };
  }
  const operation: AttributeOperation = {
    kind: 'AttributeOperation',
    name: name.value,
    operator: arrow.kind === 'PARROW' ? '+>' : '=>',
    value,
    nameSpan: { start: name.start, end: name.end },
    start: name.start,
    end: value.end,
  };
  return operation;
}

/** `Type <| query |>` or `Type <<| query |>>`, with optional `{ attribute operations }`. */
export function collect(grammar: Grammar, typeExpr: Expression): CollectExpression {
  const stream = grammar.stream;
  const open = stream.next();
  const exported = open.kind === 'LLCOLLECT';
  const closeKind = exported ? 'RRCOLLECT' : 'RCOLLECT';
  const expr = stream.at(closeKind) ? undefined : grammar.expression();
  const close = stream.expect(
    closeKind,
    exported ? "'|>>' to close the query" : "'|>' to close the query",
  );
  const query = {
    kind: 'CollectQuery' as const,
    exported,
    ...(expr ? { expr } : {}),
    start: open.start,
    end: close.end,
  };
  let operations: Operation[] = [];
  let end = close.end;
  if (stream.accept('LBRACE')) {
    operations = attributeOperations(grammar);
    stream.accept('COMMA');
    end = stream.expect('RBRACE', "'}' after the attributes").end;
  }
  return { kind: 'Collect', typeExpr, query, operations, start: typeExpr.start, end };
}
