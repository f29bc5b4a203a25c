/**
 * Resources a manifest declares through a hash rather than a resource body: the stdlib and core
 * functions that create resources (`create_resources('file', { '/x' => { mode => '0777' } })`,
 * `ensure_resource('user', 'app', { ... })`) and attributes splatted from a hash
 * (`file { '/x': * => { mode => '0777' } }`). Puppet puts them in the catalog as it would the
 * same resources written out, so they are read as those resources are.
 *
 * The hash is read where it is written: in the call or the body, or in a variable of the same
 * scope assigned a hash literal before it (`$defaults = { ... }`). A hash that comes from a
 * parameter, Hiera or a function is not followed.
 */
import type { Expression, KeyedEntry, LiteralHash, LiteralString, Span } from './ast.js';

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
    const set = new Set(own.map((attribute) => attributeName(attribute)));
    return [
      {
        type,
        title: entry.key,
        attributes: [...own, ...defaults.filter((attribute) => !set.has(attributeName(attribute)))],
        span: { start: entry.key.start, end: entry.value.end },
      },
    ];
  });
}

/**
 * The entries of the hash a `*` attribute splats, when it is a literal (or a variable of the
 * scope assigned one) whose keys are all written out; undefined otherwise.
 */
export function splattedEntries(expr: Expression, localHash: LocalHash): KeyedEntry[] | undefined {
  return namedEntries(hashOf(expr, localHash));
}

/** A hash literal, or the literal an unqualified variable of the scope was assigned. */
function hashOf(expr: Expression, localHash: LocalHash): LiteralHash | undefined {
  if (expr.kind === 'Hash') return expr;
  if (expr.kind === 'Variable' && !expr.name.includes('::')) return localHash(expr.name);
  return undefined;
}

/** A hash's entries when every key names an attribute as written; undefined otherwise. */
function namedEntries(hash: LiteralHash | undefined): KeyedEntry[] | undefined {
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
