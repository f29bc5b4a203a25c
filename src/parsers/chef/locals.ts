/**
 * Which bare identifiers are local variables. Ruby decides this while parsing: a name is a local
 * variable once an assignment to it (or a parameter) has been seen in the current scope or, for
 * blocks, an enclosing one; otherwise `secure_password` is a method call. tree-sitter does not
 * keep that distinction, so it is rebuilt here.
 */
import { field, type SyntaxIndex, type SyntaxNode } from './syntax.js';

/** Scopes that start afresh: nothing from outside is visible. */
const HARD_SCOPES = new Set([
  'program',
  'method',
  'singleton_method',
  'class',
  'module',
  'singleton_class',
]);
/** Method definitions: their locals are the working values of code, not settings. */
const METHOD_SCOPES = new Set(['method', 'singleton_method']);
/** Scopes that see their enclosing scope's locals. */
const BLOCK_SCOPES = new Set(['block', 'do_block', 'lambda']);

const DECLARATION_TYPES = [
  'assignment',
  'operator_assignment',
  'for',
  'exception_variable',
  'method_parameters',
  'block_parameters',
  'lambda_parameters',
];

export const LOCAL_VARIABLE_TYPES = [...HARD_SCOPES, ...BLOCK_SCOPES, ...DECLARATION_TYPES];

/** Parameter forms whose declared name sits in their `name` field. */
const NAMED_PARAMETERS = new Set([
  'optional_parameter',
  'keyword_parameter',
  'splat_parameter',
  'hash_splat_parameter',
  'block_parameter',
]);

/** Forms that declare every identifier they hold. */
const DESTRUCTURING = new Set([
  'left_assignment_list',
  'destructured_left_assignment',
  'destructured_parameter',
  'rest_assignment',
  'exception_variable',
]);

interface Scope {
  start: number;
  end: number;
  /** a block scope sees its parent's locals */
  isBlock: boolean;
  /** a method body (`def`): what is assigned there is program logic */
  isMethod: boolean;
  parent: Scope | undefined;
  /** name → offset of its first declaration */
  declared: Map<string, number>;
}

/**
 * Scopes are found by position rather than through `node.parent`, which tree-sitter computes by
 * descending from the root: slowly, and for very deep nodes past WebAssembly's stack.
 */
export class LocalVariables {
  /** sorted by start, outer scopes first when two start together */
  private readonly scopes: Scope[];
  private readonly byId = new Map<number, Scope>();

  constructor(index: SyntaxIndex) {
    const nodes = [index.root, ...index.of(...HARD_SCOPES, ...BLOCK_SCOPES)];
    nodes.sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
    this.scopes = [];
    const open: Scope[] = [];
    for (const node of nodes) {
      if (this.byId.has(node.id)) continue;
      while (open.length > 0 && !contains(open[open.length - 1], node.startIndex, node.endIndex))
        open.pop();
      const scope: Scope = {
        start: node.startIndex,
        end: node.endIndex,
        isBlock: BLOCK_SCOPES.has(node.type),
        isMethod: METHOD_SCOPES.has(node.type),
        parent: open[open.length - 1],
        declared: new Map(),
      };
      this.scopes.push(scope);
      this.byId.set(node.id, scope);
      open.push(scope);
    }
    for (const declaration of index.of(...DECLARATION_TYPES)) {
      const scope = this.enclosing(declaration);
      if (scope) for (const name of declaredNames(declaration)) declare(scope, name);
    }
  }

  /** Whether the identifier `node` reads a local variable at its position. */
  isLocal(node: SyntaxNode): boolean {
    for (
      let scope = this.enclosing(node);
      scope;
      scope = scope.isBlock ? scope.parent : undefined
    ) {
      const offset = scope.declared.get(node.text);
      if (offset !== undefined && offset <= node.startIndex) return true;
    }
    return false;
  }

  /** Whether `node` is written inside a method definition (`def ... end`), at any depth. */
  isInsideMethod(node: SyntaxNode): boolean {
    for (let scope = this.enclosing(node); scope; scope = scope.parent)
      if (scope.isMethod) return true;
    return false;
  }

  /** The innermost scope around `node`, not counting `node` itself. */
  private enclosing(node: SyntaxNode): Scope | undefined {
    const own = this.byId.get(node.id);
    if (own) return own.parent;
    let low = 0;
    let high = this.scopes.length - 1;
    let candidate: Scope | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const scope = this.scopes[middle] as Scope;
      if (scope.start <= node.startIndex) {
        candidate = scope;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    while (candidate && !contains(candidate, node.startIndex, node.endIndex))
      candidate = candidate.parent;
    return candidate;
  }
}

function contains(scope: Scope | undefined, start: number, end: number): boolean {
  return scope !== undefined && scope.start <= start && end <= scope.end;
}

function declare(scope: Scope, name: SyntaxNode): void {
  const earlier = scope.declared.get(name.text);
  if (earlier === undefined || name.startIndex < earlier)
    scope.declared.set(name.text, name.startIndex);
}

/** The identifiers a declaration introduces. */
function declaredNames(declaration: SyntaxNode): SyntaxNode[] {
  switch (declaration.type) {
    case 'assignment':
    case 'operator_assignment':
      return targetNames(field(declaration, 'left'));
    case 'for':
      return targetNames(field(declaration, 'pattern'));
    default:
      return declaration.namedChildren.flatMap((child) => targetNames(child ?? undefined));
  }
}

function targetNames(target: SyntaxNode | undefined, depth = 0): SyntaxNode[] {
  if (!target || depth > 16) return [];
  if (target.type === 'identifier') return [target];
  if (NAMED_PARAMETERS.has(target.type)) {
    const name =
      field(target, 'name') ??
      target.namedChildren.find((child) => child?.type === 'identifier') ??
      undefined;
    return name ? [name] : [];
  }
  if (DESTRUCTURING.has(target.type)) {
    return target.namedChildren.flatMap((child) => targetNames(child ?? undefined, depth + 1));
  }
  return [];
}
