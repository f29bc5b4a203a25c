/**
 * `npm run build`: the CLI, the server and the analysis worker as ES module bundles under
 * `dist/`, so that a cold start reads a handful of files instead of hundreds of modules.
 *
 *   npm run build                    bundles into dist/
 *   npm run build -- --outdir DIR    bundles elsewhere (the bundle test builds into a temp folder)
 *
 * Every entry keeps its path (`dist/cli/main.js`, `dist/server/start.js`,
 * `dist/workers/analysis-worker.js`): `package.json`'s `bin`, `npm start`, the Dockerfile and
 * the GitHub Action name them. Code shared by the entries, and what the CLI loads on demand
 * (the GitHub client of `posture review`), goes to `dist/chunks/`.
 *
 * Left outside the bundles, resolved from node_modules at run time:
 * - packages that find their own files next to their code: web-tree-sitter (its runtime's
 *   .wasm), bullmq (Lua scripts), piscina (its worker), pino (transport workers) and probot,
 *   which loads pino;
 * - better-sqlite3, a native module.
 * The grammars' .wasm files are found with `require.resolve` from node_modules as well.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const ENTRY_POINTS = {
  'cli/main': 'src/cli/main.ts',
  'server/start': 'src/server/start.ts',
  'workers/analysis-worker': 'src/workers/analysis-worker.ts',
} as const;

export const EXTERNAL_PACKAGES = [
  'web-tree-sitter',
  'bullmq',
  'piscina',
  'pino',
  'probot',
  'better-sqlite3',
] as const;

/**
 * Bundles the entry points (`name → source`, the shipped ones by default) of the sources under
 * `root` (this checkout by default) into `outdir`.
 */
export async function bundle(
  outdir: string,
  entryPoints: Readonly<Record<string, string>> = ENTRY_POINTS,
  root: string = projectRoot,
): Promise<void> {
  await rm(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(
      Object.entries(entryPoints).map(([name, source]) => [name, path.join(root, source)]),
    ),
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    external: [...EXTERNAL_PACKAGES],
    // CommonJS dependencies call `require` for Node's own modules; an ES module has none.
    banner: {
      js: "import { createRequire as __postureCreateRequire } from 'node:module'; const require = __postureCreateRequire(import.meta.url);",
    },
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    logLevel: 'warning',
  });
}

const invokedDirectly =
  process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
if (invokedDirectly) {
  const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
  const outdir = path.resolve(values.outdir ?? path.join(projectRoot, 'dist'));
  await bundle(outdir);
  console.log(`bundled ${Object.keys(ENTRY_POINTS).length} entry points into ${outdir}`);
}
