/**
 * Where Puppet puts a template, and in which scope it renders it, from the template calls of
 * the run's manifests (`template-calls.ts`); and where it puts a module's files
 * (`module-files.ts`).
 */
import type { SourceText, TemplateRenderer } from '../language.js';
import { templateCalls } from './template-calls.js';
import { moduleFileDestinations } from './module-files.js';

/**
 * Destinations by the template's name as `template()` gives it (`module/template.erb`) and, for
 * a template of the caller's own module, by its path; and those of the files a manifest puts on
 * the host as they are, by their name (`module/file`, see `module-files.ts`).
 */
export function puppetDestinations(files: readonly SourceText[], into: Map<string, string>): void {
  for (const file of files) {
    for (const { name, path, destination } of templateCalls(file)) {
      if (!destination) continue;
      into.set(name, destination);
      if (path) into.set(path, destination);
    }
    moduleFileDestinations(file, into);
  }
}

/**
 * Template path → the class or defined type whose scope renders it and the manifest it is in;
 * `null` where several do.
 */
export function puppetRenderers(
  files: readonly SourceText[],
  into: Map<string, TemplateRenderer | null>,
): void {
  for (const file of files)
    for (const { path, caller } of templateCalls(file)) {
      if (!path || !caller) continue;
      const renderer = { scope: caller.name, path: file.path };
      const known = into.get(path);
      into.set(path, known === undefined || sameRenderer(known, renderer) ? renderer : null);
    }
}

function sameRenderer(a: TemplateRenderer | null, b: TemplateRenderer | null): boolean {
  return a !== null && b !== null && a.scope === b.scope && a.path === b.path;
}
