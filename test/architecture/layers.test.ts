/**
 * The layers of `src/` that `docs/architecture.md` lists, bottom first, are the layers the code
 * has: a module imports its own folder and the folders below it, never one above. So no two
 * folders import each other, directly or in a circle. Tests sit above every layer and are not
 * checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const ARCHITECTURE = readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');

/** The numbered list under "## Layers": one `src/` folder (or top-level module) per line. */
function documentedLayers(): string[] {
  const section = ARCHITECTURE.slice(ARCHITECTURE.indexOf('## Layers'));
  const end = section.indexOf('\n## ', 1);
  const list = end < 0 ? section : section.slice(0, end);
  return [...list.matchAll(/^\d+\. `src\/([^`]+?)\/?`/gm)].map((match) => match[1] ?? '');
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The layer a file of `src/` belongs to: its top folder, or itself for a file at the top. */
function layerOf(file: string): string {
  return path.relative(SRC, file).split(path.sep)[0] ?? '';
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

interface Edge {
  file: string;
  target: string;
}

function importsOf(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((match) => ({
    file,
    target: path.resolve(path.dirname(file), (match[1] ?? match[2] ?? '').replace(/\.js$/, '.ts')),
  }));
}

describe('layers', () => {
  const layers = documentedLayers();
  const rank = new Map(layers.map((layer, index) => [layer, index]));
  const files = sourceFiles(SRC);

  it('lists every folder and top-level module of src/ exactly once', () => {
    const present = [...new Set(files.map(layerOf))].sort();
    expect([...layers].sort()).toEqual(present);
  });

  it('has no import from a layer to one above it', () => {
    const upward = files
      .flatMap(importsOf)
      .filter(({ target }) => target.startsWith(SRC))
      .filter(
        ({ file, target }) => (rank.get(layerOf(target)) ?? -1) > (rank.get(layerOf(file)) ?? -1),
      )
      .map(
        ({ file, target }) =>
          `${path.relative(SRC, file)} (${layerOf(file)}) imports ${path.relative(SRC, target)} (${layerOf(target)})`,
      );
    expect(upward).toEqual([]);
  });
});
