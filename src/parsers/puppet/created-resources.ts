/**
 * Resources a manifest declares through a hash rather than a resource body: the stdlib and core
 * functions that create resources (`create_resources('file', { '/x' => { mode => '0777' } })`,
 * `ensure_resource('user', 'app', { ... })`), an `each` whose lambda declares a resource per
 * entry, and attributes splatted from a hash (`file { '/x': * => { mode => '0777' } }`).
 * Puppet puts them in the catalog as it would the same resources written out, so they are
 * read as those resources are.
 *
 * A hash written in the call or the body, in a variable of the same scope assigned a hash
 * literal before it (`$defaults = { ... }`), or in a parameter's default is read here. A call,
 * an `each` or a splat whose hash a class's parameter or a lookup gives is recorded for the
 * engine, which reads the hash where Hiera writes its entries (`engine/hash-declarations.ts`).
 */
import type {
  AttributeOperation,
  CallMethodExpression,
  Expression,
  KeyedEntry,
  LiteralHash,
  LiteralString,
  ResourceBody,
  ResourceExpression,
  Span,
} from './ast.js';
import { withDefaults } from '../../model/with-defaults.js';

/** The functions that declare resources from a hash, and how their arguments are laid out. */
const RESOURCE_FUNCTIONS: Readonly<Record<string, 'by-title' | 'one-title'>> = {
  // (type, { title => attributes, ... }, defaults)
  create_resources: 'by-title',
  ensure_resources: 'by-title',
  'stdlib::ensure_resources': 'by-title',
  // (type, title or titles, attributes)
  ensure_resource: 'one-title',
  'stdlib::ensure_resource': 'one-title',
};

/** A resource a function call declares, before it becomes a unit of the model. */
export interface CreatedResource {
  /** the type argument, a literal string */
  type: LiteralString;
  /** the title as written: a hash key, or the call's title argument */
  title: Expression;
  /** the attributes given for this resource, then the defaults it does not set itself */
  attributes: KeyedEntry[];
  /** what the resource spans: its entry in the hash, or the whole call */
  span: Span;
}

/** Finds the hash literal a variable of the current scope was assigned, by the variable's name. */
export type LocalHash = (name: string) => LiteralHash | undefined;

/** The resources a call declares, or none when it is not such a call or its hash is not readable. */
export function resourcesCreatedBy(
  functionName: string,
  args: readonly Expression[],
  call: Span,
  localHash: LocalHash,
): CreatedResource[] {
  const layout = RESOURCE_FUNCTIONS[functionName.replace(/^::/, '')];
  const [typeArgument, second, third] = args;
  if (!layout || typeArgument?.kind !== 'String' || !second) return [];
  const type = typeArgument;
  if (layout === 'one-title') {
    const given = third ? hashOf(third, localHash) : undefined;
    if (third && !given) return [];
    return [{ type, title: second, attributes: namedEntries(given) ?? [], span: call }];
  }
  const byTitle = hashOf(second, localHash);
  if (!byTitle) return [];
  const defaults = third ? namedEntries(hashOf(third, localHash)) : [];
  return byTitle.entries.flatMap((entry) => {
    const own = namedEntries(hashOf(entry.value, localHash));
    if (!own || !defaults) return [];
    return [
      {
        type,
        title: entry.key,
        attributes: withDefaults(own, defaults, attributeName),
        span: { start: entry.key.start, end: entry.value.end },
      },
    ];
  });
}

/**
 * A call that declares resources from a hash this file does not hold: a parameter
 * (`create_resources('yumrepo', $repos)`, which Hiera may set) or a lookup
 * (`create_resources('yumrepo', lookup('repos'))`), whose keys are titles; or the attributes
 * of one resource (`ensure_resource('file', '/etc/x', $attributes)`). Defaults must be written
 * out, or absent: the engine reads the hash where it is defined.
 */
export interface HashDeclaredElsewhere {
  type: LiteralString;
  /** the variable, as written without `$`, or the key looked up */
  hashName: string;
  /** whether the name is a Hiera key looked up, rather than a variable */
  lookedUp: boolean;
  defaults: KeyedEntry[];
  /** the title of the one resource the hash gives attributes to (`ensure_resource()`) */
  title?: Expression;
}

/** Functions that read the Hiera key their first argument names: `lookup('ssh::port')`. */
export const HIERA_LOOKUPS: ReadonlySet<string> = new Set(['lookup', 'hiera']);
/** The lookups whose value may be a hash of resources or attributes. */
const HASH_LOOKUPS: ReadonlySet<string> = new Set([...HIERA_LOOKUPS, 'hiera_hash']);

/** What a resource-declaring call declares from a hash set elsewhere; undefined for the others. */
export function hashDeclaredElsewhere(
  functionName: string,
  args: readonly Expression[],
  localHash: LocalHash,
  givenElsewhere: (name: string) => boolean,
): HashDeclaredElsewhere | undefined {
  const layout = RESOURCE_FUNCTIONS[functionName.replace(/^::/, '')];
  const [type, second, third] = args;
  if (!layout || type?.kind !== 'String' || !second) return undefined;
  if (layout === 'one-title') {
    const source = third && hashSetElsewhere(third, givenElsewhere);
    return source ? { type, ...source, defaults: [], title: second } : undefined;
  }
  const defaults = third ? namedEntries(hashOf(third, localHash)) : [];
  const source = hashSetElsewhere(second, givenElsewhere);
  return defaults && source ? { type, ...source, defaults } : undefined;
}

/**
 * The name of a hash that may be set outside this file: a variable that is a parameter or no
 * variable of the scope (`$repos`, `$profile::base::repos`), or a Hiera key looked up.
 */
export function hashSetElsewhere(
  hash: Expression,
  givenElsewhere: (name: string) => boolean,
): Pick<HashDeclaredElsewhere, 'hashName' | 'lookedUp'> | undefined {
  if (hash.kind === 'Variable' && (hash.name.includes('::') || givenElsewhere(hash.name)))
    return { hashName: hash.name.replace(/^::/, ''), lookedUp: false };
  const [key] = hash.kind === 'CallNamedFunction' ? hash.args : [];
  if (
    hash.kind === 'CallNamedFunction' &&
    hash.functor.kind === 'QualifiedName' &&
    HASH_LOOKUPS.has(hash.functor.value) &&
    key?.kind === 'String'
  )
    return { hashName: key.value, lookedUp: true };
  return undefined;
}

/**
 * A resource body inside `$hash.each |$title, $attributes| { ... }` that declares one resource
 * per entry of the hash: titled `$title`, with `* => $attributes`; or, inside
 * `$hash.each |$key, $value| { sysctl { $key: value => $value } }`, with the entry's value as
 * one attribute (`valueAttribute`).
 */
export interface IteratedResource {
  resource: ResourceExpression;
  body: ResourceBody;
  /** the body's other attributes, which every resource takes */
  given: AttributeOperation[];
  /** the attribute the entry's value is given to, where it is not splatted */
  valueAttribute?: string;
}

/** The hash an `each` walks and the resources its lambda declares from each entry. */
export function resourcesIteratedBy(
  call: CallMethodExpression,
): { hash: Expression; resources: IteratedResource[] } | undefined {
  const { functor, lambda } = call;
  const [titleParameter, attributesParameter, ...others] = lambda?.parameters ?? [];
  if (functor.right.value !== 'each' || !titleParameter || !attributesParameter) return undefined;
  if (others.length > 0) return undefined;
  const resources: IteratedResource[] = [];
  for (const statement of lambda?.body ?? []) {
    if (statement.kind !== 'Resource' || statement.form !== 'regular') continue;
    for (const body of statement.bodies) {
      const { title, operations } = body;
      const isEntryValue = (expr: Expression) =>
        expr.kind === 'Variable' && expr.name === attributesParameter.name;
      const splatsEntry = operations.some(
        (operation) => operation.kind === 'AttributesOperation' && isEntryValue(operation.expr),
      );
      const attributes = operations.filter(
        (operation): operation is AttributeOperation => operation.kind === 'AttributeOperation',
      );
      const takesEntry = attributes.filter((operation) => isEntryValue(operation.value));
      if (title.kind !== 'Variable' || title.name !== titleParameter.name) continue;
      if (splatsEntry) resources.push({ resource: statement, body, given: attributes });
      else if (takesEntry.length === 1 && takesEntry[0])
        resources.push({
          resource: statement,
          body,
          given: attributes.filter((operation) => operation !== takesEntry[0]),
          valueAttribute: takesEntry[0].name,
        });
    }
  }
  return resources.length > 0 ? { hash: functor.left, resources } : undefined;
}

/**
 * The entries of the hash a `*` attribute splats, when it is a literal (or a variable of the
 * scope assigned one) whose keys are all written out; undefined otherwise.
 */
export function splattedEntries(expr: Expression, localHash: LocalHash): KeyedEntry[] | undefined {
  return namedEntries(hashOf(expr, localHash));
}

/** A hash literal, or the literal an unqualified variable of the scope was assigned. */
export function hashOf(expr: Expression, localHash: LocalHash): LiteralHash | undefined {
  if (expr.kind === 'Hash') return expr;
  if (expr.kind === 'Variable' && !expr.name.includes('::')) return localHash(expr.name);
  return undefined;
}

/** A hash's entries when every key names an attribute as written; undefined otherwise. */
export function namedEntries(hash: LiteralHash | undefined): KeyedEntry[] | undefined {
  if (!hash) return undefined;
  return hash.entries.every((entry) => attributeName(entry) !== undefined)
    ? hash.entries
    : undefined;
}

/** The attribute a hash key names: a plain word or a string without interpolation. */
export function attributeName(entry: KeyedEntry): string | undefined {
  const { key } = entry;
  return key.kind === 'String' || key.kind === 'QualifiedName' ? key.value : undefined;
}
