/** The direct sub-expressions of an AST node, in source order. */
import type { Expression, Operation, Parameter } from './ast.js';

/** Nodes without sub-expressions: about half of every tree. */
const LEAVES: ReadonlySet<Expression['kind']> = new Set([
  'Nop',
  'String',
  'Integer',
  'Float',
  'Boolean',
  'Undef',
  'Default',
  'Regex',
  'QualifiedName',
  'QualifiedReference',
  'Variable',
  'ReservedWord',
]);

/**
 * Every node of every manifest is asked for its children, twice. The leaves are answered
 * first, in a function small enough for V8 to optimise early in a run; the switch over every
 * kind, too large for that, reads the other nodes.
 */
export function childExpressions(expr: Expression): Expression[] {
  return LEAVES.has(expr.kind) ? [] : nodeChildren(expr);
}

function nodeChildren(expr: Expression): Expression[] {
  switch (expr.kind) {
    case 'Block':
      return expr.statements;
    case 'List':
      return expr.values;
    case 'Hash':
      return expr.entries.flatMap((entry) => [entry.key, entry.value]);
    case 'Concat':
      return expr.segments;
    case 'Text':
      return [expr.expr];
    case 'Heredoc':
      return [expr.text];
    case 'Access':
      return [expr.left, ...expr.keys];
    case 'NamedAccess':
      return [expr.left, expr.right];
    case 'CallNamedFunction':
    case 'CallMethod':
      return [expr.functor, ...expr.args, ...(expr.lambda ? [expr.lambda] : [])];
    case 'Lambda':
      return [
        ...parameterExpressions(expr.parameters),
        ...(expr.returnType ? [expr.returnType] : []),
        ...(expr.body ?? []),
      ];
    case 'Binary':
      return [expr.left, expr.right];
    case 'Unary':
      return [expr.expr];
    case 'Selector':
      return [expr.left, ...expr.entries.flatMap((entry) => [entry.matching, entry.value])];
    case 'Case':
      return [
        expr.test,
        ...expr.options.flatMap((option) => [...option.values, ...(option.body ?? [])]),
      ];
    case 'If':
      return [expr.test, ...(expr.then ? [expr.then] : []), ...(expr.else ? [expr.else] : [])];
    case 'Resource':
      return [
        expr.typeName,
        ...expr.bodies.flatMap((body) => [body.title, ...operationExpressions(body.operations)]),
      ];
    case 'ResourceDefaults':
      return [expr.typeRef, ...operationExpressions(expr.operations)];
    case 'ResourceOverride':
      return [expr.resources, ...operationExpressions(expr.operations)];
    case 'Collect':
      return [
        expr.typeExpr,
        ...(expr.query.expr ? [expr.query.expr] : []),
        ...operationExpressions(expr.operations),
      ];
    case 'HostClass':
    case 'ResourceTypeDefinition':
      return [...parameterExpressions(expr.parameters), ...(expr.body ?? [])];
    case 'FunctionDefinition':
      return [
        ...parameterExpressions(expr.parameters),
        ...(expr.returnType ? [expr.returnType] : []),
        ...(expr.body ?? []),
      ];
    case 'NodeDefinition':
      return [...expr.matches, ...(expr.parent ? [expr.parent] : []), ...(expr.body ?? [])];
    case 'TypeAlias':
      return [expr.typeExpr];
    case 'TypeMapping':
      return [expr.typeExpr, expr.mappingExpr];
    case 'TypeDefinition':
      return expr.body ? [expr.body] : [];
    case 'Nop':
    case 'String':
    case 'Integer':
    case 'Float':
    case 'Boolean':
    case 'Undef':
    case 'Default':
    case 'Regex':
    case 'QualifiedName':
    case 'QualifiedReference':
    case 'Variable':
    case 'ReservedWord':
      return [];
  }
}

function operationExpressions(operations: Operation[]): Expression[] {
  return operations.map((operation) =>
    operation.kind === 'AttributeOperation' ? operation.value : operation.expr,
  );
}

function parameterExpressions(parameters: Parameter[]): Expression[] {
  return parameters.flatMap((parameter) => [
    ...(parameter.typeExpr ? [parameter.typeExpr] : []),
    ...(parameter.value ? [parameter.value] : []),
  ]);
}
