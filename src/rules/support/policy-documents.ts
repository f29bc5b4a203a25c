/**
 * AWS policy documents as tasks give them: a JSON string, or the same structure written as YAML.
 * What matters to a reviewer is the statements that allow: everything on everything (an
 * administrator), or anything to anyone (a public resource).
 */
import type { Value } from '../../model/model.js';

/** A policy statement, as AWS reads it. */
interface Statement {
  Effect?: unknown;
  Action?: unknown;
  Resource?: unknown;
  Principal?: unknown;
  Condition?: unknown;
}

/** The value as plain data: maps, lists and scalars; undefined when any part is computed. */
export function plainData(value: Value): unknown {
  if (value.dynamic) return undefined;
  switch (value.kind) {
    case 'map': {
      // Without a prototype, a key named `__proto__` is a key like any other, as in JSON.
      const data = Object.create(null) as Record<string, unknown>;
      for (const entry of value.entries ?? []) {
        const inner = plainData(entry.value);
        if (inner === undefined) return undefined;
        data[entry.name] = inner;
      }
      return data;
    }
    case 'list': {
      const items = (value.items ?? []).map(plainData);
      return items.includes(undefined) ? undefined : items;
    }
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return value.value;
    default:
      return undefined;
  }
}

/** The statements of a policy given as data or as JSON text; empty when it is neither. */
export function statementsOf(value: Value): Statement[] {
  let data = plainData(value);
  if (typeof data === 'string') {
    if (/\{\{|\{%/.test(data)) return [];
    try {
      data = JSON.parse(data) as unknown;
    } catch {
      return [];
    }
  }
  if (!isRecord(data)) return [];
  const statements = data.Statement;
  const list = Array.isArray(statements) ? statements : [statements];
  return list.filter(isRecord);
}

function isRecord(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}

function listOf(data: unknown): unknown[] {
  return Array.isArray(data) ? data : data === undefined ? [] : [data];
}

function allows(statement: Statement): boolean {
  return typeof statement.Effect === 'string' && statement.Effect.toLowerCase() === 'allow';
}

/** `"*"` or `["*"]` among the values: every action (`*`, `*:*`) or every resource. */
function hasWildcard(data: unknown): boolean {
  return listOf(data).some((item) => item === '*' || item === '*:*');
}

/** A statement that allows every action on every resource: an administrator. */
export function grantsEverything(statement: Statement): boolean {
  return allows(statement) && hasWildcard(statement.Action) && hasWildcard(statement.Resource);
}

/** A statement that allows every action of one service on every resource (`s3:*`, `iam:*`). */
export function grantsWholeService(statement: Statement): string | undefined {
  if (!allows(statement) || !hasWildcard(statement.Resource)) return undefined;
  const service = listOf(statement.Action).find(
    (action): action is string => typeof action === 'string' && /^[a-z0-9-]+:\*$/i.test(action),
  );
  return service;
}

/** A statement that allows anyone at all, with no condition narrowing who: a public resource. */
export function allowsAnyone(statement: Statement): boolean {
  if (!allows(statement) || statement.Condition !== undefined) return false;
  const principal = statement.Principal;
  if (principal === '*') return true;
  return isRecord(principal) && listOf(principal.AWS).includes('*');
}
