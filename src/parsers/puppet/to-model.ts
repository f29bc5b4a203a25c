/**
 * The Puppet AST → the shared model: resources (and resource defaults, overrides and
 * collectors) become units, class/define/function parameters and `$x = ...` assignments become
 * variables, `case`/selectors/`if`/`unless` become conditions.
 */
import type {
  Attribute,
  Condition,
  FileModel,
  HashDeclaration,
  Unit,
  Value,
  Variable,
  VariableScope,
} from '../../model/model.js';
import type {
  CallMethodExpression,
  CallNamedFunctionExpression,
  CollectExpression,
  Expression,
  IfExpression,
  KeyedEntry,
  LiteralHash,
  LiteralString,
  Operation,
  Parameter,
  Program,
  ResourceBody,
  ResourceDefaultsExpression,
  ResourceExpression,
  ResourceOverrideExpression,
  Span,
} from './ast.js';
import type { CommentSpan } from './lexer.js';
import { Positions } from './positions.js';
import { ValueBuilder } from './to-value.js';
import { writtenString } from '../../model/written-string.js';
import { withDefaults } from '../../model/with-defaults.js';
import {
  hashDeclaredElsewhere,
  hashOf,
  hashSetElsewhere,
  namedEntries,
  resourcesCreatedBy,
  resourcesIteratedBy,
  splattedEntries,
} from './created-resources.js';
import { forEachChild } from './walk.js';
import { selectsNodes } from './host-test.js';
import { caseBranchGuards, ifBranchGuards, type BranchGuard } from './branch-guards.js';
import { joinWays } from '../../model/flag-ways.js';

/** Functions whose result holds the keys of the hashes they are given. */
const MERGING_FUNCTIONS = new Set(['merge', 'deep_merge', 'stdlib::merge']);

export function buildModel(
  path: string,
  source: string,
  program: Program,
  comments: CommentSpan[],
): FileModel {
  const positions = new Positions(source);
  const builder = new PuppetModelBuilder(source, new ValueBuilder(source, positions));
  builder.visit(program.body);
  return {
    path,
    language: 'puppet',
    kind: 'manifest',
    units: builder.units,
    variables: builder.variables,
    comments: comments.map((comment) => ({
      text: comment.text,
      range: positions.range(comment.start, comment.end),
    })),
    conditions: builder.conditions,
    ...(builder.hashDeclarations.length > 0 ? { hashDeclarations: builder.hashDeclarations } : {}),
    lines: source.split(/\r?\n/),
  };
}

class PuppetModelBuilder {
  readonly units: Unit[] = [];
  readonly variables: Variable[] = [];
  readonly conditions: Condition[] = [];
  readonly hashDeclarations: HashDeclaration[] = [];
  /**
   * The scopes the walk is in, innermost last: a class's name, or `''` inside a defined type,
   * a function or a lambda, whose variables are their own.
   */
  private readonly scopes: string[] = [];
  /**
   * The hash literals assigned to variables, for each scope the walk is in (the file's top
   * scope first), and its parameters: a class's or defined type's are set where it is declared
   * or in Hiera, a lambda's or function's by its caller. A lambda's scope also sees the one
   * around it.
   */
  private readonly hashes: {
    names: Map<string, LiteralHash>;
    parameters: ReadonlySet<string>;
    parametersSetElsewhere: boolean;
    lambda: boolean;
  }[] = [{ names: new Map(), parameters: new Set(), parametersSetElsewhere: false, lambda: false }];

  /**
   * The `each` loops over a written array the walk is in, innermost last: the lambda's one
   * parameter, and the array (`['firewalld', 'iptables'].each |$s| { service { $s: } }`).
   */
  private readonly listLoops: { parameter: string; list: Value }[] = [];

  constructor(
    private readonly source: string,
    private readonly values: ValueBuilder,
  ) {}

  /** `visit` as the walk over a node's children calls it, made once per manifest. */
  private readonly visitChild = (child: Expression): void => this.visit(child);

  visit(expr: Expression): void {
    switch (expr.kind) {
      case 'Resource':
        this.resource(expr);
        break;
      case 'ResourceDefaults':
        this.resourceDefaults(expr);
        break;
      case 'ResourceOverride':
        this.resourceOverride(expr);
        break;
      case 'Collect':
        this.collector(expr);
        break;
      case 'CallNamedFunction':
        this.createdResources(expr);
        break;
      case 'CallMethod':
        this.iteratedResources(expr);
        break;
      case 'Binary':
        if (expr.operator === '=' || expr.operator === '+=' || expr.operator === '-=')
          this.assignment(expr.left, expr.right);
        break;
      case 'HostClass':
      case 'ResourceTypeDefinition':
        this.parameters(expr.parameters, expr.name.replace(/^::/, ''));
        break;
      case 'FunctionDefinition':
        this.parameters(expr.parameters);
        break;
      case 'Case': {
        this.conditions.push({
          kind: 'case',
          hasDefault: expr.options.some((option) =>
            option.values.some((value) => value.kind === 'Default'),
          ),
          exhaustive: coversBothBooleans(expr.options.flatMap((option) => option.values)),
          range: this.values.range(expr),
        });
        const branches = caseBranchGuards(expr);
        if (branches) {
          this.visit(expr.test);
          expr.options.forEach((option, index) => this.guardedBranch(option.body, branches[index]));
          return;
        }
        break;
      }
      case 'Selector':
        this.conditions.push({
          kind: 'selector',
          hasDefault: expr.entries.some((entry) => entry.matching.kind === 'Default'),
          exhaustive: coversBothBooleans(expr.entries.map((entry) => entry.matching)),
          range: this.values.range(expr),
        });
        break;
      case 'If':
        if (!expr.elsif)
          this.conditions.push({
            kind: 'if',
            hasDefault: hasFinalElse(expr),
            range: this.values.range(expr),
          });
        this.ifBranches(expr);
        return;
      default:
        break;
    }
    const firstUnit = this.units.length;
    const firstDeclaration = this.hashDeclarations.length;
    const scope = scopeOpenedBy(expr);
    if (scope !== undefined) {
      this.scopes.push(scope);
      this.hashes.push({
        names: parameterHashes(expr),
        parameters: new Set(parametersOf(expr).map((parameter) => parameter.name)),
        parametersSetElsewhere: expr.kind === 'HostClass' || expr.kind === 'ResourceTypeDefinition',
        lambda: expr.kind === 'Lambda',
      });
    }
    const listLoop = expr.kind === 'CallMethod' ? this.listLoopOf(expr) : undefined;
    if (listLoop) this.listLoops.push(listLoop);
    forEachChild(expr, this.visitChild);
    if (listLoop) this.listLoops.pop();
    if (expr.kind === 'Case' || expr.kind === 'Selector')
      this.underBranch(
        this.units.slice(firstUnit),
        expr.kind === 'Case' && selectsNodes(expr.test) ? 'nodes' : undefined,
      );
    if (scope !== undefined) {
      this.scopes.pop();
      this.hashes.pop();
    }
    if (expr.kind === 'HostClass' || expr.kind === 'ResourceTypeDefinition') {
      const within = expr.name.replace(/^::/, '');
      for (const unit of this.units.slice(firstUnit)) unit.within ??= within;
      for (const declaration of this.hashDeclarations.slice(firstDeclaration))
        declaration.within ??= within;
    }
  }

  /**
   * An `if` or `unless`, one branch at a time: the resources of a branch carry what its test
   * needs of the flags (`branch-guards.ts`); an `elsif` is the `else` branch, so its resources
   * carry the answers that skip the `if` beside those the `elsif` tests.
   */
  private ifBranches(expr: IfExpression): void {
    this.visit(expr.test);
    const guards = ifBranchGuards(expr);
    this.branch(expr.then, guards.then);
    this.branch(expr.else, guards.else);
  }

  /** Visits a `case` option's body, whose units then carry the guards that choose it. */
  private guardedBranch(body: Expression[] | undefined, guard: BranchGuard): void {
    const firstUnit = this.units.length;
    body?.forEach(this.visitChild);
    this.underBranch(this.units.slice(firstUnit), guard);
  }

  /** Units under a condition that is no one flag's test, at any depth, carry no guard. */
  private readonly unguarded = new WeakSet<Unit>();

  /** Visits a branch, whose units then carry its guard. */
  private branch(body: Expression | undefined, guard: BranchGuard): void {
    if (!body) return;
    const firstUnit = this.units.length;
    this.visit(body);
    this.underBranch(this.units.slice(firstUnit), guard);
  }

  /**
   * Units under a branch carry its ways before their own, in each pairing of them; `nodes`
   * adds none; undefined, or more ways than are read, leaves them unguardable.
   */
  private underBranch(units: readonly Unit[], guard: BranchGuard): void {
    for (const unit of units) {
      if (!guard || this.unguarded.has(unit)) this.unguardable(unit);
      else if (guard === 'nodes') {
        if (!unit.guardWays) unit.guards ??= [];
      } else {
        const ways = joinWays(guard.ways, unit.guardWays ?? [unit.guards ?? []]);
        if (!ways) this.unguardable(unit);
        else if (ways.length === 1) unit.guards = ways[0];
        else {
          unit.guardWays = ways;
          delete unit.guards;
        }
      }
    }
  }

  private unguardable(unit: Unit): void {
    this.unguarded.add(unit);
    delete unit.guards;
    delete unit.guardWays;
  }

  private resource(expr: ResourceExpression): void {
    const typed = this.typeOf(expr.typeName);
    const keywords =
      expr.form === 'regular'
        ? []
        : [
            this.flag(expr.form, {
              start: expr.start,
              end: expr.start + (expr.form === 'virtual' ? 1 : 2),
            }),
          ];
    for (const body of expr.bodies) {
      const range = this.values.range(expr.bodies.length === 1 ? expr : body);
      if (body.title.kind === 'Default') {
        // `type { default: ...; 'x': ... }`: defaults for the other bodies of this expression
        const defaults = [...keywords, this.flag('resource_defaults', body.title)];
        this.units.push({
          kind: 'resource',
          ...typed,
          attributes: this.attributes(body.operations),
          keywords: defaults,
          range,
        });
        continue;
      }
      this.splatsSetElsewhere(typed, body);
      const title = this.loopedValue(body.title);
      this.units.push({
        kind: 'resource',
        ...typed,
        ...namedBy(title),
        attributes: [
          { name: 'title', value: title, range: this.values.range(body.title) },
          ...this.attributes(body.operations),
        ],
        keywords,
        range,
      });
    }
  }

  /**
   * A resource's title or attribute; one that is the parameter of an `each` over a written array
   * around it is every item of the array, as a resource written with several titles is (`firewall
   * { "100 ${port}": dport => $port }` in `[3306, 6379].each |$port|` opens both ports).
   */
  private loopedValue(expr: Expression): Value {
    const loop =
      expr.kind === 'Variable'
        ? this.listLoops.findLast((candidate) => candidate.parameter === expr.name)
        : undefined;
    return loop?.list ?? this.values.value(expr);
  }

  /** `[...].each |$x| { ... }` over an array of literals: the parameter and the array. */
  private listLoopOf(expr: CallMethodExpression): { parameter: string; list: Value } | undefined {
    const [parameter, ...others] = expr.lambda?.parameters ?? [];
    if (expr.functor.right.value !== 'each' || !parameter || others.length > 0) return undefined;
    const list = this.values.value(expr.functor.left);
    return list.kind === 'list' && (list.items ?? []).every((item) => !item.dynamic)
      ? { parameter: parameter.name, list }
      : undefined;
  }

  private resourceDefaults(expr: ResourceDefaultsExpression): void {
    this.units.push({
      kind: 'resource',
      ...this.typeOf(expr.typeRef),
      attributes: this.attributes(expr.operations),
      keywords: [this.flag('resource_defaults', expr.typeRef)],
      range: this.values.range(expr),
    });
  }

  /** `File['a'] { ... }`: the type and titles come from the reference. */
  private resourceOverride(expr: ResourceOverrideExpression): void {
    const reference = expr.resources;
    const typeExpr = reference.kind === 'Access' ? reference.left : reference;
    const keys = reference.kind === 'Access' ? reference.keys : [];
    const title = this.titleOf(keys);
    this.units.push({
      kind: 'resource',
      ...this.typeOf(typeExpr),
      ...namedBy(title),
      attributes: [
        ...(title ? [{ name: 'title', value: title, range: title.range }] : []),
        ...this.attributes(expr.operations),
      ],
      keywords: [this.flag('override', reference)],
      range: this.values.range(expr),
    });
  }

  private collector(expr: CollectExpression): void {
    const keywords = [this.flag('collector', expr.query)];
    if (expr.query.exported) keywords.push(this.flag('exported', expr.query));
    if (expr.query.expr)
      keywords.push({
        name: 'query',
        value: this.values.value(expr.query.expr),
        range: this.values.range(expr.query),
      });
    this.units.push({
      kind: 'resource',
      ...this.typeOf(expr.typeExpr),
      attributes: this.attributes(expr.operations),
      keywords,
      range: this.values.range(expr),
    });
  }

  private typeOf(typeExpr: Expression): Pick<Unit, 'type' | 'typeAsWritten' | 'typeRange'> {
    const written = this.values.text(typeExpr);
    const name =
      typeExpr.kind === 'QualifiedName' || typeExpr.kind === 'QualifiedReference'
        ? typeExpr.value
        : written;
    return {
      type: name.replace(/^::/, '').toLowerCase(),
      typeAsWritten: written,
      typeRange: this.values.range(typeExpr),
    };
  }

  /** The type a function names in a string (`create_resources('file', ...)`). */
  private typeNamed(type: LiteralString): Pick<Unit, 'type' | 'typeAsWritten' | 'typeRange'> {
    return {
      type: type.value.replace(/^::/, '').toLowerCase(),
      typeAsWritten: this.values.text(type),
      typeRange: this.values.range(type),
    };
  }

  /** One title, or several as a list (`File['a', 'b']`). */
  private titleOf(keys: Expression[]): Value | undefined {
    const [first] = keys;
    const last = keys[keys.length - 1];
    if (!first || !last) return undefined;
    if (keys.length === 1) return this.values.value(first);
    const span = { start: first.start, end: last.end };
    return {
      kind: 'list',
      items: keys.map((key) => this.values.value(key)),
      text: this.values.text(span),
      dynamic: false,
      range: this.values.range(span),
    };
  }

  /** A body's attributes; a `*` whose hash is written out gives the attributes it names. */
  private attributes(operations: Operation[]): Attribute[] {
    return operations.flatMap((operation): Attribute[] => {
      if (operation.kind === 'AttributeOperation')
        return [
          {
            name: operation.name,
            value: this.loopedValue(operation.value),
            range: this.values.range(operation.nameSpan),
          },
        ];
      const splatted = splattedEntries(operation.expr, this.localHash);
      if (splatted) return this.values.entries(splatted);
      return [
        {
          name: '*',
          value: this.values.value(operation.expr),
          range: this.values.range(operation.starSpan),
        },
      ];
    });
  }

  /** `create_resources('file', { '/x' => { ... } })`, `ensure_resource('user', 'app', { ... })`. */
  private createdResources(expr: CallNamedFunctionExpression): void {
    const { functor } = expr;
    if (functor.kind !== 'QualifiedName') return;
    const elsewhere = hashDeclaredElsewhere(
      functor.value,
      expr.args,
      this.localHash,
      this.givenElsewhere,
    );
    if (elsewhere) {
      const { type, defaults, title } = elsewhere;
      this.declareElsewhere(
        this.typeNamed(type),
        elsewhere,
        this.values.entries(defaults),
        functor.value,
        expr,
        title ? { titleExpr: title } : {},
      );
    }
    for (const created of resourcesCreatedBy(functor.value, expr.args, expr, this.localHash)) {
      this.pushCreated(
        this.typeNamed(created.type),
        created.title,
        this.values.entries(created.attributes),
        created.span,
      );
    }
  }

  /**
   * `$repos.each |$name, $attributes| { yumrepo { $name: * => $attributes, enabled => 1 } }`:
   * one resource per entry of the hash, with the body's other attributes.
   */
  private iteratedResources(expr: CallMethodExpression): void {
    const iterated = resourcesIteratedBy(expr);
    if (!iterated) return;
    const written = hashOf(iterated.hash, this.localHash);
    const elsewhere = hashSetElsewhere(iterated.hash, this.givenElsewhere);
    for (const { resource, body, given, valueAttribute } of iterated.resources) {
      const typed = this.typeOf(resource.typeName);
      const givenAttributes = this.attributes(given);
      if (elsewhere)
        this.declareElsewhere(typed, elsewhere, givenAttributes, 'each', body, {
          ...(valueAttribute ? { valueAttribute } : {}),
        });
      for (const entry of written?.entries ?? []) {
        const own = this.entryAttributes(entry, valueAttribute);
        if (!own) continue;
        this.pushCreated(
          typed,
          entry.key,
          withDefaults(own, givenAttributes, (attribute) => attribute.name),
          { start: entry.key.start, end: entry.value.end },
        );
      }
    }
  }

  /**
   * The attributes one entry of an iterated hash gives its resource: its value, to the one
   * attribute the lambda gives it, or the attributes of the hash it holds, when written out.
   */
  private entryAttributes(
    entry: KeyedEntry,
    valueAttribute: string | undefined,
  ): Attribute[] | undefined {
    if (valueAttribute !== undefined)
      return [
        {
          name: valueAttribute,
          value: this.values.value(entry.value),
          range: this.values.range(entry.value),
        },
      ];
    const own = namedEntries(hashOf(entry.value, this.localHash));
    return own && this.values.entries(own);
  }

  /**
   * `file { '/etc/x': * => $attributes }` with `$attributes` a parameter or a lookup: the
   * attributes of that one resource come from where the hash is set; the body's own complete it.
   */
  private splatsSetElsewhere(
    typed: Pick<Unit, 'type' | 'typeAsWritten' | 'typeRange'>,
    body: ResourceBody,
  ): void {
    for (const operation of body.operations) {
      if (operation.kind !== 'AttributesOperation') continue;
      const source = hashSetElsewhere(operation.expr, this.givenElsewhere);
      if (!source) continue;
      const given = body.operations.filter((other) => other.kind === 'AttributeOperation');
      this.declareElsewhere(typed, source, this.attributes(given), '*', body, {
        titleExpr: body.title,
      });
    }
  }

  /** A resource that a hash entry declares: `title` is its key, or the title argument. */
  private pushCreated(
    typed: Pick<Unit, 'type' | 'typeAsWritten' | 'typeRange'>,
    titleExpr: Expression,
    attributes: Attribute[],
    span: Span,
  ): void {
    const title = this.values.value(titleExpr);
    this.units.push({
      kind: 'resource',
      ...typed,
      ...namedBy(title),
      attributes: [
        { name: 'title', value: title, range: this.values.range(titleExpr) },
        ...attributes.filter((attribute) => attribute.name !== 'title'),
      ],
      keywords: [],
      range: this.values.range(span),
    });
  }

  /**
   * Resources declared from a hash set outside this file, which the engine reads where the
   * hash is set.
   */
  private declareElsewhere(
    typed: Pick<Unit, 'type' | 'typeAsWritten' | 'typeRange'>,
    { hashName, lookedUp }: { hashName: string; lookedUp: boolean },
    defaults: Attribute[],
    declaredBy: string,
    span: Span,
    { titleExpr, valueAttribute }: { titleExpr?: Expression; valueAttribute?: string } = {},
  ): void {
    // Hiera sets a class's parameter under the key named after the class, and only there.
    const owner = this.scopes.findLast((scope) => scope !== '');
    const title = titleExpr ? this.values.value(titleExpr) : undefined;
    const article = /^[aeiou]/.test(typed.type) ? 'an' : 'a';
    this.hashDeclarations.push({
      ...typed,
      hashName: lookedUp || hashName.includes('::') || !owner ? hashName : `${owner}::${hashName}`,
      separator: '::',
      defaults,
      ...(title ? { title } : {}),
      ...(valueAttribute ? { valueAttribute } : {}),
      usedAs: title
        ? `as the attributes that \`${declaredBy}\` gives the \`${typed.type}\` resource \`${title.text}\``
        : `as ${article} \`${typed.type}\` resource that \`${declaredBy}\` declares`,
      range: this.values.range(span),
    });
  }

  /**
   * Whether `$name` may hold a value set outside this file: a parameter (which Hiera or a
   * declaration sets, whatever its default), or no variable of the scope at all.
   */
  private readonly givenElsewhere = (name: string): boolean => {
    for (let index = this.hashes.length - 1; index >= 0; index--) {
      const frame = this.hashes[index];
      if (frame?.parameters.has(name)) return frame.parametersSetElsewhere;
      if (frame?.names.has(name) || !frame?.lambda) return !frame?.names.has(name);
    }
    return true;
  };

  /** The hash literal last assigned to `$name` in the scope the walk is in. */
  private readonly localHash = (name: string): LiteralHash | undefined => {
    for (let index = this.hashes.length - 1; index >= 0; index--) {
      const frame = this.hashes[index];
      const found = frame?.names.get(name);
      if (found || !frame?.lambda) return found;
    }
    return undefined;
  };

  /** A keyword that is simply present (`resource_defaults`, `override`, `collector`, ...). */
  private flag(name: string, span: Span): Attribute {
    const range = this.values.range(span);
    return {
      name,
      value: {
        kind: 'boolean',
        value: true,
        text: this.source.slice(span.start, span.end),
        dynamic: false,
        range,
      },
      range,
    };
  }

  /** Parameters of a class or defined type know it by name: Hiera sets `owner::parameter`. */
  private parameters(parameters: Parameter[], owner?: string): void {
    for (const parameter of parameters) {
      const value = parameter.value
        ? this.values.value(parameter.value)
        : this.values.absent(parameter.nameSpan.end);
      const path = [parameter.name];
      const range = this.values.range(parameter.nameSpan);
      this.variables.push({
        name: parameter.name,
        path,
        value,
        scope: 'parameter',
        range,
        ...(owner ? { owner } : {}),
      });
      this.flatten(value, path, 'parameter');
    }
  }

  /** `$x = v`, and `[$a, $b] = [1, 2]` / `[$a, $b] = { a => 1, b => 2 }`. */
  private assignment(target: Expression, valueExpr: Expression): void {
    if (target.kind === 'Variable') {
      const frame = this.hashes[this.hashes.length - 1];
      if (valueExpr.kind === 'Hash') frame?.names.set(target.name, valueExpr);
      else frame?.names.delete(target.name);
      const value = this.values.value(valueExpr);
      const path = target.name.split('::').filter((segment) => segment !== '');
      const name = path[path.length - 1] ?? target.name;
      const owner = path.length === 1 ? this.scopes.at(-1) : undefined;
      this.variables.push({
        name,
        path,
        value,
        scope: 'data',
        range: this.values.range(target),
        ...(owner ? { owner } : {}),
      });
      this.flatten(value, path, 'data');
      return;
    }
    if (target.kind !== 'List') return;
    target.values.forEach((element, index) => {
      if (element.kind !== 'Variable') return;
      if (valueExpr.kind === 'List') {
        const item = valueExpr.values[index];
        if (item) this.assignment(element, item);
      } else if (valueExpr.kind === 'Hash') {
        const entry = valueExpr.entries.find(
          (candidate) => candidate.key.kind === 'String' && candidate.key.value === element.name,
        );
        if (entry) this.assignment(element, entry.value);
      } else {
        this.assignment(element, valueExpr);
      }
    });
  }

  /**
   * Every key of a nested hash becomes a variable with its full path, as for Ansible vars; so do
   * the keys of the hashes `merge()` combines, which end up in the result.
   */
  private flatten(value: Value, path: string[], scope: VariableScope): void {
    if (value.kind === 'call' && MERGING_FUNCTIONS.has(value.name ?? '')) {
      for (const item of value.items ?? []) this.flatten(item, path, scope);
    } else if (value.kind === 'map') {
      for (const entry of value.entries ?? []) {
        const entryPath = [...path, entry.name];
        this.variables.push({
          name: entry.name,
          path: entryPath,
          value: entry.value,
          scope,
          range: entry.range,
        });
        this.flatten(entry.value, entryPath, scope);
      }
    } else if (value.kind === 'list') {
      (value.items ?? []).forEach((item, index) =>
        this.flatten(item, [...path, String(index)], scope),
      );
    }
  }
}

/** A resource's name: its title, when the title is a string written without interpolation. */
function namedBy(title: Value | undefined): { name?: string } {
  const name = writtenString(title);
  return name === undefined ? {} : { name };
}

/** An if/elsif chain has a default branch when it ends in `else`. */
function hasFinalElse(expr: IfExpression): boolean {
  let current: IfExpression = expr;
  while (current.else?.kind === 'If' && current.else.elsif) current = current.else;
  return current.hasElse;
}

/** Branches for both `true` and `false`: over a Boolean, nothing is left for a default. */
function coversBothBooleans(matches: readonly Expression[]): boolean {
  const booleans = new Set(
    matches.flatMap((match) => (match.kind === 'Boolean' ? [match.value] : [])),
  );
  return booleans.has(true) && booleans.has(false);
}

/**
 * The hash literals a class's or defined type's parameters default to: what its body reads
 * where nothing gives the parameter another value.
 */
function parameterHashes(expr: Expression): Map<string, LiteralHash> {
  const hashes = new Map<string, LiteralHash>();
  if (expr.kind !== 'HostClass' && expr.kind !== 'ResourceTypeDefinition') return hashes;
  for (const parameter of expr.parameters)
    if (parameter.value?.kind === 'Hash') hashes.set(parameter.name, parameter.value);
  return hashes;
}

/** The parameters of a class, defined type, function or lambda. */
function parametersOf(expr: Expression): readonly Parameter[] {
  switch (expr.kind) {
    case 'HostClass':
    case 'ResourceTypeDefinition':
    case 'FunctionDefinition':
    case 'Lambda':
      return expr.parameters;
    default:
      return [];
  }
}

/** The scope an expression opens for the variables assigned inside it, if it opens one. */
function scopeOpenedBy(expr: Expression): string | undefined {
  switch (expr.kind) {
    case 'HostClass':
      return expr.name.replace(/^::/, '');
    case 'ResourceTypeDefinition':
    case 'FunctionDefinition':
    case 'Lambda':
      return '';
    default:
      return undefined;
  }
}
