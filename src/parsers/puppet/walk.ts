/** The direct sub-expressions of an AST node, visited in source order. */
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
 * Calls `visit` with each direct sub-expression of a node, in source order, without building a
 * list: every node of every manifest is walked twice (the depth check and the model), and a list
 * per node was a good part of what the garbage collector had to clear after parsing. The leaves,
 * about half of every tree, are answered first, in a function small enough for V8 to optimise
 * early in a run; the switch over every kind, too large for that, reads the other nodes.
 */
export function forEachChild(expr: Expression, visit: (child: Expression) => void): void {
  if (!LEAVES.has(expr.kind)) visitChildren(expr, visit);
}

function visitChildren(expr: Expression, visit: (child: Expression) => void): void {
  switch (expr.kind) {
    case 'Block':
      expr.statements.forEach(visit);
      return;
    case 'List':
      expr.values.forEach(visit);
      return;
    case 'Hash':
      for (const entry of expr.entries) {
        visit(entry.key);
        visit(entry.value);
      }
      return;
    case 'Concat':
      expr.segments.forEach(visit);
      return;
    case 'Text':
      visit(expr.expr);
      return;
    case 'Heredoc':
      visit(expr.text);
      return;
    case 'Access':
      visit(expr.left);
      expr.keys.forEach(visit);
      return;
    case 'NamedAccess':
      visit(expr.left);
      visit(expr.right);
      return;
    case 'CallNamedFunction':
    case 'CallMethod':
      visit(expr.functor);
      expr.args.forEach(visit);
      if (expr.lambda) visit(expr.lambda);
      return;
    case 'Lambda':
      visitParameters(expr.parameters, visit);
      if (expr.returnType) visit(expr.returnType);
      expr.body?.forEach(visit);
      return;
    case 'Binary':
      visit(expr.left);
      visit(expr.right);
      return;
    case 'Unary':
      visit(expr.expr);
      return;
    case 'Selector':
      visit(expr.left);
      for (const entry of expr.entries) {
        visit(entry.matching);
        visit(entry.value);
      }
      return;
    case 'Case':
      visit(expr.test);
      for (const option of expr.options) {
        option.values.forEach(visit);
        option.body?.forEach(visit);
      }
      return;
    case 'If':
      visit(expr.test);
      if (expr.then) visit(expr.then);
      if (expr.else) visit(expr.else);
      return;
    case 'Resource':
      visit(expr.typeName);
      for (const body of expr.bodies) {
        visit(body.title);
        visitOperations(body.operations, visit);
      }
      return;
    case 'ResourceDefaults':
      visit(expr.typeRef);
      visitOperations(expr.operations, visit);
      return;
    case 'ResourceOverride':
      visit(expr.resources);
      visitOperations(expr.operations, visit);
      return;
    case 'Collect':
      visit(expr.typeExpr);
      if (expr.query.expr) visit(expr.query.expr);
      visitOperations(expr.operations, visit);
      return;
    case 'HostClass':
    case 'ResourceTypeDefinition':
      visitParameters(expr.parameters, visit);
      expr.body?.forEach(visit);
      return;
    case 'FunctionDefinition':
      visitParameters(expr.parameters, visit);
      if (expr.returnType) visit(expr.returnType);
      expr.body?.forEach(visit);
      return;
    case 'NodeDefinition':
      expr.matches.forEach(visit);
      if (expr.parent) visit(expr.parent);
      expr.body?.forEach(visit);
      return;
    case 'TypeAlias':
      visit(expr.typeExpr);
      return;
    case 'TypeMapping':
      visit(expr.typeExpr);
      visit(expr.mappingExpr);
      return;
    case 'TypeDefinition':
      if (expr.body) visit(expr.body);
      return;
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
      return;
  }
}

function visitOperations(operations: Operation[], visit: (child: Expression) => void): void {
  for (const operation of operations)
    visit(operation.kind === 'AttributeOperation' ? operation.value : operation.expr);
}

function visitParameters(parameters: Parameter[], visit: (child: Expression) => void): void {
  for (const parameter of parameters) {
    if (parameter.typeExpr) visit(parameter.typeExpr);
    if (parameter.value) visit(parameter.value);
  }
}
