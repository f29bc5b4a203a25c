/**
 * Assignments → variables. Node attributes (`default['a']['b'] = v`, `node.override['a'] = v`)
 * have scope 'attribute' and their key path; local variables and constants have scope 'data'.
 * A hash or array value also yields one variable per nested key, as Ansible vars do.
 */
import type { Value, Variable, VariableScope } from '../../model/model.js';
import type { LocalVariables } from './locals.js';
import {
  callArguments,
  checkDepth,
  elementKeys,
  field,
  meaningfulChildren,
  rangeOf,
  type SyntaxIndex,
  type SyntaxNode,
} from './syntax.js';
import type { RubyValues } from './values.js';

/** Attribute precedence levels a cookbook can write, ranked as Chef ranks them. */
const PRECEDENCE_LEVELS = new Map([
  ['default', 0],
  ['default_unless', 0],
  ['force_default', 1],
  ['normal', 2],
  ['normal_unless', 2],
  ['set', 2],
  ['set_unless', 2],
  ['override', 3],
  ['override_unless', 3],
  ['force_override', 4],
]);

/** A node attribute's key path and the precedence it is set at. */
interface AttributeTarget {
  keys: string[];
  precedence: number;
}

/** What a variable carries beside its name and value, the same for every key of a hash. */
type Extra = Pick<Variable, 'inMethod' | 'precedence'>;

/** Plain names that hold a value. */
const NAMED_TARGETS = new Set([
  'identifier',
  'constant',
  'instance_variable',
  'class_variable',
  'global_variable',
]);

interface TapAlias {
  name: string;
  target: AttributeTarget;
  /** the block's extent */
  start: number;
  end: number;
}

export class VariableReader {
  /** block parameters that stand for an attribute path, outer blocks first */
  private readonly tapAliases: TapAlias[] = [];

  constructor(
    private readonly values: RubyValues,
    private readonly locals: LocalVariables,
  ) {}

  variables(index: SyntaxIndex): Variable[] {
    this.findTapAliases(index);
    const variables: Variable[] = this.properties(index);
    for (const assignment of index.of('assignment', 'operator_assignment')) {
      if (!isPlainAssignment(assignment)) continue;
      const left = field(assignment, 'left');
      const right = field(assignment, 'right');
      if (!left || !right) continue;
      if (left.type === 'left_assignment_list') this.multiple(left, right, variables);
      else this.single(left, right, variables);
    }
    return variables;
  }

  /**
   * `property :bind, String, default: '0.0.0.0'` (and the older `attribute :bind, ...`) in a
   * custom resource: a parameter of the resource, read as `new_resource.bind`, whose value is
   * its default.
   */
  private properties(index: SyntaxIndex): Variable[] {
    const properties: Variable[] = [];
    for (const call of index.of('call')) {
      const method = field(call, 'method')?.text;
      if ((method !== 'property' && method !== 'attribute') || field(call, 'receiver')) continue;
      const [name, ...rest] = callArguments(call);
      if (name?.type !== 'simple_symbol') continue;
      const defaultValue = rest
        .filter((argument) => argument.type === 'pair')
        .find((pair) => this.values.keyName(field(pair, 'key') ?? pair) === 'default');
      const value = field(defaultValue ?? call, 'value');
      if (!value) continue;
      const propertyName = name.text.slice(1);
      properties.push({
        name: propertyName,
        path: [propertyName],
        value: this.values.value(value),
        scope: 'parameter',
        range: rangeOf(name),
        owner: 'new_resource',
      });
    }
    return properties;
  }

  private single(target: SyntaxNode, right: SyntaxNode, into: Variable[]): void {
    const attribute = this.attributeTarget(target);
    if (attribute) {
      this.add(attribute.keys, this.values.value(right), 'attribute', target, into, {
        ...(attribute.precedence > 0 ? { precedence: attribute.precedence } : {}),
      });
    } else if (NAMED_TARGETS.has(target.type)) {
      this.add([target.text], this.values.value(right), 'data', target, into, {
        ...(this.locals.isInsideMethod(target) ? { inMethod: true } : {}),
      });
    } else if (target.type === 'element_reference') {
      // A setting of a configuration object, `Chef::Config[:ssl_verify_mode] = :verify_none`:
      // the value is assigned to the key, under the object's name.
      const object = field(target, 'object');
      const key = elementKeys(target)[0];
      if (object && key && (object.type === 'constant' || object.type === 'scope_resolution'))
        this.add(
          [...object.text.split('::'), this.keySegment(key)],
          this.values.value(right),
          'data',
          target,
          into,
        );
    } else if (target.type === 'call' && !field(target, 'arguments') && !field(target, 'block')) {
      // An attribute writer, `host.ip = '0.0.0.0'`: the value is assigned to the name `ip`.
      const method = field(target, 'method')?.text;
      const receiver = field(target, 'receiver');
      if (method && receiver)
        this.add(
          [...receiver.text.split('.'), method],
          this.values.value(right),
          'data',
          target,
          into,
        );
    }
  }

  /** `a, b = 1, 2`: each name takes the value in the same place. */
  private multiple(targets: SyntaxNode, right: SyntaxNode, into: Variable[]): void {
    if (right.type !== 'right_assignment_list') return;
    const values = meaningfulChildren(right);
    meaningfulChildren(targets).forEach((target, index) => {
      const value = values[index];
      if (value && target.type !== 'rest_assignment') this.single(target, value, into);
    });
  }

  private add(
    path: string[],
    value: Value,
    scope: VariableScope,
    target: SyntaxNode,
    into: Variable[],
    extra: Extra = {},
  ): void {
    into.push({
      name: path[path.length - 1] ?? '',
      path,
      value,
      scope,
      range: rangeOf(target),
      ...extra,
    });
    flatten(value, path, scope, into, extra);
  }

  /**
   * `default['app'].tap do |app| app['port'] = 80 end`: inside the block, `app` stands for
   * `default['app']`. Outer blocks come first in source order, so nested aliases resolve.
   */
  private findTapAliases(index: SyntaxIndex): void {
    for (const call of index.of('call')) {
      const receiver = field(call, 'receiver');
      const block = field(call, 'block');
      if (!receiver || !block || field(call, 'method')?.text !== 'tap') continue;
      const parameters = field(block, 'parameters');
      const parameter = parameters ? meaningfulChildren(parameters)[0] : undefined;
      if (parameter?.type !== 'identifier') continue;
      const target = this.attributeTarget(receiver);
      if (target)
        this.tapAliases.push({
          name: parameter.text,
          target,
          start: block.startIndex,
          end: block.endIndex,
        });
    }
  }

  /** A literal key as its name (`'a'`, `:a` → `a`); a computed one as `[expression]`. */
  private keySegment(key: SyntaxNode): string {
    const value = this.values.value(key);
    return value.kind === 'string' || value.kind === 'number'
      ? String(value.value)
      : `[${key.text}]`;
  }

  /** The attribute a `tap` block parameter stands for, from the innermost enclosing block. */
  private aliasedTarget(identifier: SyntaxNode): AttributeTarget | undefined {
    const enclosing = this.tapAliases.filter(
      (alias) =>
        alias.name === identifier.text &&
        alias.start <= identifier.startIndex &&
        identifier.endIndex <= alias.end,
    );
    return enclosing[enclosing.length - 1]?.target;
  }

  /**
   * The key path and precedence of a node attribute target: `['a', 'b']` for
   * `node.default['a']['b']`, `default['a']['b']` (attribute files), the method form
   * `node.default.a.b`, and a `tap` block parameter standing for a path.
   */
  private attributeTarget(target: SyntaxNode): AttributeTarget | undefined {
    const keys: string[] = [];
    let current: SyntaxNode | undefined = target;
    for (let depth = 0; current; depth += 1) {
      checkDepth(current, depth);
      if (current.type === 'element_reference') {
        const key = elementKeys(current)[0];
        if (!key) return undefined;
        keys.unshift(this.keySegment(key));
        current = field(current, 'object');
      } else if (
        current.type === 'call' &&
        !field(current, 'arguments') &&
        !field(current, 'block')
      ) {
        const method = field(current, 'method')?.text ?? '';
        const receiver = field(current, 'receiver');
        const precedence = PRECEDENCE_LEVELS.get(method);
        if (receiver && isNode(receiver, this.locals) && precedence !== undefined)
          return keys.length > 0 ? { keys, precedence } : undefined;
        keys.unshift(method);
        current = receiver;
      } else if (current.type === 'identifier' && this.locals.isLocal(current)) {
        const aliased = this.aliasedTarget(current);
        return aliased && keys.length > 0
          ? { keys: [...aliased.keys, ...keys], precedence: aliased.precedence }
          : undefined;
      } else {
        const precedence =
          current.type === 'identifier' ? PRECEDENCE_LEVELS.get(current.text) : undefined;
        return precedence !== undefined && keys.length > 0 ? { keys, precedence } : undefined;
      }
    }
    return undefined;
  }
}

function isNode(node: SyntaxNode, locals: LocalVariables): boolean {
  return node.type === 'identifier' && node.text === 'node' && !locals.isLocal(node);
}

/** `=` and `||=` assign a value; `+=` and the like compute one. */
function isPlainAssignment(node: SyntaxNode): boolean {
  return node.type === 'assignment' || field(node, 'operator')?.text === '||=';
}

/**
 * Every key of a nested hash (and every item of an array) becomes a variable with its full path.
 * Values are at most `MAX_DEPTH` deep, so the recursion is bounded.
 */
function flatten(
  value: Value,
  path: string[],
  scope: VariableScope,
  into: Variable[],
  extra: Extra,
): void {
  if (value.kind === 'map') {
    for (const entry of value.entries ?? []) {
      const entryPath = [...path, entry.name];
      into.push({
        name: entry.name,
        path: entryPath,
        value: entry.value,
        scope,
        range: entry.range,
        ...extra,
      });
      flatten(entry.value, entryPath, scope, into, extra);
    }
  } else if (value.kind === 'list') {
    (value.items ?? []).forEach((item, index) =>
      flatten(item, [...path, String(index)], scope, into, extra),
    );
  }
}
