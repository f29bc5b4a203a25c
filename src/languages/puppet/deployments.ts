/**
 * Where Puppet puts a template, and in which scope it renders it, from the template calls of
 * the run's manifests (`template-calls.ts`).
 */
import type { SourceText } from '../language.js';
import { templateCalls } from './template-calls.js';

/**
 * Destinations by the template's name as `template()` gives it (`module/template.erb`) and, for
 * a template of the caller's own module, by its path.
 */
export function puppetDestinations(files: readonly SourceText[], into: Map<string, string>): void {
  for (const file of files)
    for (const { name, path, destination } of templateCalls(file)) {
      if (!destination) continue;
      into.set(name, destination);
      if (path) into.set(path, destination);
    }
}

/**
 * Template path → the class whose scope renders it; `null` where several classes do, or a
 * defined type does (its parameters are given per instance, never looked up in Hiera).
 */
export function puppetRenderers(
  files: readonly SourceText[],
  into: Map<string, string | null>,
): void {
  for (const file of files)
    for (const { path, caller } of templateCalls(file)) {
      if (!path || !caller) continue;
      const scope = caller.kind === 'class' ? caller.name : null;
      const known = into.get(path);
      into.set(path, known === undefined || known === scope ? scope : null);
    }
}
