/**
 * Renders the AST as `puppet parser dump --format json` prints Puppet's own AST: the "PN" data
 * of Puppet's `PNTransformer`, where a call is `{"^": [name, ...args]}`, a map is
 * `{"#": [key, value, ...]}` and literals are plain JSON.
 */
import type { Expression, Operation, Parameter, Program } from './ast.js';

export type PnData =
  string | number | boolean | null | PnData[] | { '^': PnData[] } | { '#': PnData[] };

const call = (name: string, ...args: PnData[]): PnData => ({ '^': [name, ...args] });
const map = (...entries: [string, PnData | undefined][]): { '#': PnData[] } => ({
  '#': entries.flatMap(([key, value]) => (value === undefined ? [] : [key, value])),
});

export function toPuppetDump(program: Program): PnData {
  return pn(program.body);
}

function pn(expr: Expression): PnData {
  switch (expr.kind) {
    case 'Block':
      return call('block', ...expr.statements.map(pn));
    case 'Nop':
      return call('nop');
    case 'String':
    case 'Boolean':
    case 'Float':
      return expr.value;
    case 'Integer':
      return expr.radix === 10
        ? expr.value
        : call('int', map(['radix', expr.radix], ['value', expr.value]));
    case 'Undef':
      return null;
    case 'Default':
      return call('default');
    case 'Regex':
      return call('regexp', expr.pattern);
    case 'List':
      return call('array', ...expr.values.map(pn));
    case 'Hash':
      return call(
        'hash',
        ...expr.entries.map((entry) => call('=>', pn(entry.key), pn(entry.value))),
      );
    case 'Concat':
      return call('concat', ...expr.segments.map(pn));
    case 'Text':
      return call('str', pn(expr.expr));
    case 'Heredoc':
      return call(
        'heredoc',
        map(['syntax', expr.syntax === '' ? undefined : expr.syntax], ['text', pn(expr.text)]),
      );
    case 'QualifiedName':
      return call('qn', expr.value);
    case 'QualifiedReference':
      return call('qr', expr.value);
    case 'Variable':
      return call('var', expr.booleanName ? expr.name === 'true' : expr.name);
    case 'Access':
      return call('access', pn(expr.left), ...expr.keys.map(pn));
    case 'NamedAccess':
      return call('.', pn(expr.left), pn(expr.right));
    case 'CallNamedFunction':
      return call(
        expr.rvalRequired ? 'call' : 'invoke',
        callMap(expr.functor, expr.args, expr.lambda),
      );
    case 'CallMethod':
      return call('call-method', callMap(expr.functor, expr.args, expr.lambda));
    case 'Lambda':
      return call(
        'lambda',
        map(
          ['params', parameters(expr.parameters)],
          ['returns', expr.returnType && pn(expr.returnType)],
          ['body', expr.body && expr.body.map(pn)],
        ),
      );
    case 'Binary':
      return call(expr.operator, pn(expr.left), pn(expr.right));
    case 'Unary':
      return unary(expr.operator, expr.expr);
    case 'Selector':
      return call(
        '?',
        pn(expr.left),
        expr.entries.map((entry) => call('=>', pn(entry.matching), pn(entry.value))),
      );
    case 'Case':
      return call(
        'case',
        pn(expr.test),
        expr.options.map((option) =>
          map(
            ['when', option.values.map(pn)],
            ['then', option.body ? option.body.map(pn) : [call('nop')]],
          ),
        ),
      );
    case 'If':
      return call(
        expr.keyword,
        map(
          ['test', pn(expr.test)],
          ['then', expr.then && statementList(expr.then)],
          ['else', expr.else && statementList(expr.else)],
        ),
      );
    case 'Collect':
      return call(
        'collect',
        map(
          ['type', pn(expr.typeExpr)],
          [
            'query',
            call(
              expr.query.exported ? 'exported-query' : 'virtual-query',
              ...(expr.query.expr ? [pn(expr.query.expr)] : []),
            ),
          ],
          ['ops', expr.operations.length > 0 ? operations(expr.operations) : undefined],
        ),
      );
    case 'Resource':
      return call(
        'resource',
        map(
          ['type', pn(expr.typeName)],
          [
            'bodies',
            expr.bodies.map((body) =>
              map(['title', pn(body.title)], ['ops', operations(body.operations)]),
            ),
          ],
          ['form', form(expr.form)],
        ),
      );
    case 'ResourceDefaults':
      return call(
        'resource-defaults',
        map(
          ['type', pn(expr.typeRef)],
          ['ops', operations(expr.operations)],
          ['form', form(expr.form)],
        ),
      );
    case 'ResourceOverride':
      return call(
        'resource-override',
        map(
          ['resources', pn(expr.resources)],
          ['ops', operations(expr.operations)],
          ['form', form(expr.form)],
        ),
      );
    case 'HostClass':
      return call(
        'class',
        map(
          ['name', expr.name],
          ['parent', expr.parent],
          ['params', parameters(expr.parameters)],
          ['body', expr.body && expr.body.map(pn)],
        ),
      );
    case 'ResourceTypeDefinition':
      return call(
        'define',
        map(
          ['name', expr.name],
          ['params', parameters(expr.parameters)],
          ['body', expr.body && expr.body.map(pn)],
        ),
      );
    case 'FunctionDefinition':
      return call(
        'function',
        map(
          ['name', expr.name],
          ['params', parameters(expr.parameters)],
          ['body', expr.body && expr.body.map(pn)],
          ['returns', expr.returnType && pn(expr.returnType)],
        ),
      );
    case 'NodeDefinition':
      return call(
        'node',
        map(
          ['matches', expr.matches.map(pn)],
          ['parent', expr.parent && pn(expr.parent)],
          ['body', expr.body && expr.body.map(pn)],
        ),
      );
    case 'TypeAlias':
      return call('type-alias', expr.name, pn(expr.typeExpr));
    case 'TypeMapping':
      return call('type-mapping', pn(expr.typeExpr), pn(expr.mappingExpr));
    case 'TypeDefinition':
      return call(
        'type-definition',
        expr.name,
        expr.parent ?? null,
        expr.body ? pn(expr.body) : call('nop'),
      );
    case 'ReservedWord':
      return call('reserved', expr.word);
  }
}

function unary(operator: 'not' | 'minus' | 'unfold' | 'paren', expr: Expression): PnData {
  switch (operator) {
    case 'not':
      return call('!', pn(expr));
    case 'minus':
      // Puppet folds the sign into a numeric literal (losing a hex or octal radix); an integer has no -0.
      if (expr.kind === 'Integer') return expr.value === 0 ? 0 : -expr.value;
      return expr.kind === 'Float' ? -expr.value : call('-', pn(expr));
    case 'unfold':
      return call('unfold', pn(expr));
    case 'paren':
      return call('paren', pn(expr));
  }
}

function callMap(functor: Expression, args: Expression[], lambda: Expression | undefined): PnData {
  return map(['functor', pn(functor)], ['args', args.map(pn)], ['block', lambda && pn(lambda)]);
}

/** A branch is listed as its statements, whether it holds one statement or a block. */
function statementList(expr: Expression): PnData[] {
  return expr.kind === 'Block' ? expr.statements.map(pn) : [pn(expr)];
}

function operations(ops: Operation[]): PnData[] {
  return ops.map((op) =>
    op.kind === 'AttributeOperation'
      ? call(op.operator, op.name, pn(op.value))
      : call('splat-hash', pn(op.expr)),
  );
}

function parameters(params: Parameter[]): PnData | undefined {
  if (params.length === 0) return undefined;
  return map(
    ...params.map((param): [string, PnData] => [
      param.name,
      map(
        ['type', param.typeExpr && pn(param.typeExpr)],
        ['splat', param.capturesRest || undefined],
        ['value', param.value && pn(param.value)],
      ),
    ]),
  );
}

function form(value: 'regular' | 'virtual' | 'exported'): string | undefined {
  return value === 'regular' ? undefined : value;
}
