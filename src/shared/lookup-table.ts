/**
 * Tables of knowledge looked up by names that files choose: module and resource types,
 * attribute and setting names, commands. An object literal inherits `constructor`, `toString`,
 * `__proto__` and the rest of `Object.prototype`, so a task whose module is called
 * `constructor` would find a function where a rule expects the table's own entry or nothing,
 * and the file would fail with an internal error. A table made here has no prototype: a name it
 * does not list answers `undefined`, whatever the name.
 */

export function lookupTable<T>(
  entries: Readonly<Record<string, NoInfer<T>>>,
): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/**
 * A lookup table of lookup tables (per language, per module), neither of which answers a name it
 * does not list.
 */
export function lookupTables<K extends string, T>(
  tables: Readonly<Partial<Record<K, Readonly<Record<string, NoInfer<T>>>>>>,
): Readonly<Partial<Record<K, Readonly<Record<string, T>>>>> {
  const made = Object.create(null) as Partial<Record<K, Readonly<Record<string, T>>>>;
  for (const key of Object.keys(tables) as K[]) {
    const table = tables[key];
    if (table) made[key] = lookupTable(table);
  }
  return Object.freeze(made);
}
