/**
 * Chef resource declarations → units. A resource is a receiver-less method call at statement
 * level: `package 'nginx'` when the method is a known resource type, or any `type 'name' do ... end`
 * whose block sets properties (`source 'http://x'`), which is how custom resources look. A
 * block without a name argument (`with_retries { ... }`) counts only for a known type.
 */
import type { Attribute, Unit } from '../../model/model.js';
import {
  BLOCK_PROPERTIES,
  NOT_RESOURCES,
  RESOURCE_KEYWORDS,
  RESOURCE_TYPES,
} from './resource-types.js';
import {
  blockStatements,
  callArguments,
  checkDepth,
  field,
  rangeOf,
  type SyntaxIndex,
  type SyntaxNode,
} from './syntax.js';
import type { RubyValues } from './values.js';

/** Nodes whose children are statements. */
const STATEMENT_CONTAINERS = new Set([
  'program',
  'body_statement',
  'block_body',
  'then',
  'else',
  'begin',
  'ensure',
  'do',
  'parenthesized_statements',
]);

/** Argument nodes that are string literals, interpolated or not. */
const STRING_LITERALS = new Set(['string', 'heredoc_beginning', 'chained_string']);

/** Statement forms whose `body` field is a statement. */
const MODIFIERS = new Set([
  'if_modifier',
  'unless_modifier',
  'while_modifier',
  'until_modifier',
  'rescue_modifier',
]);

export const STATEMENT_TYPES = [...STATEMENT_CONTAINERS, ...MODIFIERS, 'assignment'];

export class ResourceReader {
  /** The property calls of the resources read so far: never free calls. */
  private readonly propertyCalls = new Set<number>();

  constructor(private readonly values: RubyValues) {}

  /** Every resource in the file, in source order; resources inside another's block are its properties. */
  units(index: SyntaxIndex): Unit[] {
    const statements = statementIds(index);
    const units: Unit[] = [];
    let insideUntil = -1;
    for (const call of index.of('call')) {
      const insideResource = call.startIndex < insideUntil;
      if (!insideResource && this.isResource(call) && statements.has(call.id)) {
        units.push(this.unit(call));
        insideUntil = call.endIndex;
      } else if (!this.propertyCalls.has(call.id)) {
        // Code inside a resource that is not one of its properties, such as a `ruby_block`'s block.
        const free = this.freeCall(call);
        if (free) units.push(free);
      }
    }
    return units;
  }

  /**
   * A call outside any resource that passes string literals (`line.gsub!(/x/, "http://...")`,
   * `shell_out!("curl ...")`): a unit of kind `call` whose attributes are those strings.
   */
  private freeCall(call: SyntaxNode): Unit | undefined {
    const method = field(call, 'method');
    if (!method) return undefined;
    const attributes: Attribute[] = callArguments(call)
      .filter((argument) => STRING_LITERALS.has(argument.type))
      .map((argument) => ({
        name: 'argument',
        value: this.values.value(argument),
        range: rangeOf(argument),
      }));
    if (attributes.length === 0) return undefined;
    const receiver = field(call, 'receiver');
    return {
      kind: 'call',
      type: method.text,
      typeAsWritten: receiver ? `${receiver.text}.${method.text}` : method.text,
      typeRange: rangeOf(method),
      attributes,
      keywords: [],
      range: rangeOf(call),
    };
  }

  private isResource(call: SyntaxNode): boolean {
    const method = field(call, 'method');
    if (field(call, 'receiver') || method?.type !== 'identifier') return false;
    if (RESOURCE_TYPES.has(method.text)) return true;
    const block = field(call, 'block');
    return (
      block !== undefined &&
      callArguments(call).length > 0 &&
      !NOT_RESOURCES.has(method.text) &&
      setsProperties(block)
    );
  }

  private unit(call: SyntaxNode): Unit {
    const method = field(call, 'method') ?? call;
    const type = method.text;
    const attributes: Attribute[] = [];
    const keywords: Attribute[] = [];
    const block = field(call, 'block');
    const unconditional = new Set<Attribute>();
    if (block) this.properties(blockStatements(block), attributes, keywords, 0, unconditional);
    const settings = lastSettings(attributes, unconditional);

    const nameArgument = callArguments(call)[0];
    const title = nameArgument ? this.values.value(nameArgument) : undefined;
    if (title && nameArgument && !settings.some((attribute) => attribute.name === 'name')) {
      settings.unshift({ name: 'name', value: title, range: rangeOf(nameArgument) });
    }
    return {
      kind: 'resource',
      type,
      typeAsWritten: type,
      typeRange: rangeOf(method),
      ...(title?.kind === 'string' ? { name: String(title.value) } : {}),
      attributes: settings,
      keywords,
      range: rangeOf(call),
    };
  }

  /** Property calls of a resource block, including those set under `if`/`unless`/`case`. */
  private properties(
    statements: SyntaxNode[],
    attributes: Attribute[],
    keywords: Attribute[],
    depth: number,
    unconditional: Set<Attribute>,
  ): void {
    for (const statement of statements) {
      checkDepth(statement, depth);
      if (isPropertyCall(statement)) {
        this.propertyCalls.add(statement.id);
        const property = this.property(statement);
        if (!property) continue;
        (RESOURCE_KEYWORDS.has(property.name) ? keywords : attributes).push(property);
        if (depth === 0) unconditional.add(property);
      } else {
        const branches = conditionalBranches(statement);
        this.properties(branches, attributes, keywords, depth + 1, unconditional);
      }
    }
  }

  private property(call: SyntaxNode): Attribute | undefined {
    const method = field(call, 'method');
    if (!method) return undefined;
    const block = field(call, 'block');
    const value =
      this.values.argumentsValue(callArguments(call)) ??
      (block ? this.values.block(block) : undefined);
    return value ? { name: method.text, value, range: rangeOf(method) } : undefined;
  }
}

/** Properties that add to what the resource does each time they are given, rather than set a value. */
const CUMULATIVE_PROPERTIES: ReadonlySet<string> = new Set(['verify']);

/**
 * The properties that hold when the block has run: Chef sets a property to the last value it is
 * given, so a setting that a later unconditional call of the same property replaces never
 * takes effect (`mode '0666'` followed by `mode '0600'` leaves 0600). Settings under a condition
 * after it still may, and stay.
 */
function lastSettings(attributes: Attribute[], unconditional: ReadonlySet<Attribute>): Attribute[] {
  const lastSet = new Map<string, number>();
  attributes.forEach((attribute, index) => {
    if (unconditional.has(attribute) && !CUMULATIVE_PROPERTIES.has(attribute.name))
      lastSet.set(attribute.name, index);
  });
  if (lastSet.size === 0) return attributes;
  return attributes.filter((attribute, index) => index >= (lastSet.get(attribute.name) ?? 0));
}

/**
 * The nodes in statement position: directly in a body, the body of a modifier, or the value of
 * an assignment. Found from the containers down, since asking tree-sitter for a deep node's
 * parent recurses inside WebAssembly.
 */
function statementIds(index: SyntaxIndex): Set<number> {
  const ids = new Set<number>();
  for (const container of index.of(...STATEMENT_TYPES)) {
    if (STATEMENT_CONTAINERS.has(container.type)) {
      for (const statement of container.namedChildren) if (statement) ids.add(statement.id);
    } else {
      const statement = field(container, container.type === 'assignment' ? 'right' : 'body');
      if (statement) ids.add(statement.id);
    }
  }
  return ids;
}

/** `source 'x'`, `mode '0644'`, `only_if { ... }`: a receiver-less call with arguments or a guard block. */
function isPropertyCall(node: SyntaxNode): boolean {
  if (node.type !== 'call' || field(node, 'receiver')) return false;
  const method = field(node, 'method');
  if (method?.type !== 'identifier') return false;
  const block = field(node, 'block');
  if (block) return BLOCK_PROPERTIES.has(method.text);
  return field(node, 'arguments') !== undefined;
}

/** A block sets properties when it holds property calls and no nested resource declarations. */
function setsProperties(block: SyntaxNode): boolean {
  const statements = blockStatements(block);
  const nestsBlocks = statements.some(
    (statement) =>
      statement.type === 'call' &&
      field(statement, 'block') !== undefined &&
      !isPropertyCall(statement),
  );
  return !nestsBlocks && statements.some(isPropertyCall);
}

/** The statements under each branch of a conditional, without its conditions. */
function conditionalBranches(node: SyntaxNode): SyntaxNode[] {
  switch (node.type) {
    case 'if':
    case 'unless':
    case 'elsif':
      return [field(node, 'consequence'), field(node, 'alternative')].filter(
        (branch): branch is SyntaxNode => branch !== undefined,
      );
    case 'if_modifier':
    case 'unless_modifier': {
      const body = field(node, 'body');
      return body ? [body] : [];
    }
    case 'case':
      return node.namedChildren.filter(
        (child): child is SyntaxNode => child?.type === 'when' || child?.type === 'else',
      );
    case 'when': {
      const body = field(node, 'body');
      return body ? [body] : [];
    }
    case 'then':
    case 'else':
    case 'begin':
    case 'parenthesized_statements':
      return node.namedChildren.filter(
        (child): child is SyntaxNode => child !== null && child.type !== 'comment',
      );
    default:
      return [];
  }
}
