/**
 * `npm run build`: the CLI, the server and the analysis worker as ES module bundles under
 * `dist/`, so that a cold start reads a handful of files instead of hundreds of modules.
 *
 *   npm run build                    bundles into dist/
 *   npm run build -- --outdir DIR    bundles elsewhere (the bundle test builds into a temp folder)
 *
 * Every entry keeps its path (`dist/cli/main.js`, `dist/server/start.js`,
 * `dist/workers/analysis-worker.js`): `package.json`'s `bin`, `npm start`, the Dockerfile and
 * the GitHub Action name them. Code shared by the server and the worker goes to `dist/chunks/`.
 *
 * The CLI is bundled apart, as one CommonJS script (`dist/cli/program-<hash>.cjs`, `posture
 * review` included) that `dist/cli/main.js`, CommonJS as well (`dist/cli/package.json`), runs
 * from V8's code cache (`src/shared/code-cache.ts`); the build runs it once, on an empty folder,
 * to write that cache for the Node that builds.
 *
 * Left outside the bundles, resolved from node_modules at run time:
 * - packages that find their own files next to their code: web-tree-sitter (its runtime's
 *   .wasm), bullmq (Lua scripts), piscina (its worker), pino (transport workers) and probot,
 *   which loads pino;
 * - better-sqlite3, a native module.
 * The grammars' .wasm files are found with `require.resolve` from node_modules as well.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, type BuildOptions } from 'esbuild';
import { COMMON_JS_WRAPPER } from '../src/shared/code-cache.js';

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

/** The entry whose source is the CLI program, bundled apart with its launcher. */
const CLI_ENTRY = 'cli/main';
/** Runs the CLI program from the code cache; bundled as `cli/main.js`. */
const CLI_LAUNCHER = 'src/cli/bundled-main.ts';
/** The module of the launcher that reads the program and its code cache. */
const CODE_CACHE_MODULE = 'src/shared/code-cache.ts';

const COMMON_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: [...EXTERNAL_PACKAGES],
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
} satisfies BuildOptions;

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
  const { [CLI_ENTRY]: cli, ...modules } = entryPoints;
  // Sources older than the launcher (the earlier commit `compare-output.ts` bundles) keep
  // their CLI an ES module.
  const cachedCli = cli !== undefined && existsSync(path.join(root, CLI_LAUNCHER));
  const esModules = cachedCli ? modules : entryPoints;
  if (Object.keys(esModules).length > 0) await bundleModules(outdir, esModules, root);
  if (cachedCli) await bundleCli(outdir, cli, root);
}

/** ES modules, with the code they share split into chunks. */
async function bundleModules(
  outdir: string,
  entryPoints: Readonly<Record<string, string>>,
  root: string,
): Promise<void> {
  await build({
    ...COMMON_OPTIONS,
    absWorkingDir: root,
    entryPoints: Object.fromEntries(
      Object.entries(entryPoints).map(([name, source]) => [name, path.join(root, source)]),
    ),
    outdir,
    splitting: true,
    format: 'esm',
    chunkNames: 'chunks/[name]-[hash]',
    // CommonJS dependencies call `require` for Node's own modules; an ES module has none.
    banner: {
      js: "import { createRequire as __postureCreateRequire } from 'node:module'; const require = __postureCreateRequire(import.meta.url);",
    },
  });
}

/**
 * The CLI program as one CommonJS script, which V8 can cache compiled (an ES module it cannot,
 * in Node 20), and the CommonJS launcher `cli/main.js` that runs it.
 */
async function bundleCli(outdir: string, source: string, root: string): Promise<void> {
  const { metafile } = await build({
    ...COMMON_OPTIONS,
    absWorkingDir: root,
    entryPoints: [path.join(root, source)],
    outdir: path.join(outdir, 'cli'),
    entryNames: 'program-[hash]',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    // Short names make the script and its code cache smaller, and both are read and taken back
    // at every start; the source map beside the script names what a stack trace shows.
    minifyIdentifiers: true,
    metafile: true,
    // The launcher reads the script as latin1, which is exact for ASCII only.
    charset: 'ascii',
    // `import()` in a script run by `vm.Script` needs a loader of its own; `require` has one
    // (every package left outside has a CommonJS build).
    supported: { 'dynamic-import': false },
    inject: [path.join(projectRoot, 'scripts/cjs-import-meta-url.ts')],
    define: { 'import.meta.url': 'importMetaUrl' },
    // The script is the function that Node would wrap a CommonJS module in (sources older than
    // that, the earlier commit `compare-output.ts` bundles, have their launcher wrap it).
    ...(launcherReadsWrappedScript(root)
      ? { banner: { js: COMMON_JS_WRAPPER.head }, footer: { js: COMMON_JS_WRAPPER.tail } }
      : {}),
  });
  const program = Object.keys(metafile.outputs).find((output) => output.endsWith('.cjs'));
  if (program === undefined) throw new Error('bundle: esbuild wrote no CLI program');
  // The launcher is CommonJS too: starting an ES module first sets up Node's module loader for
  // them, which cost an empty scan 0.91x side by side. Its folder's package.json says so, so that
  // it keeps the name that `bin`, the Dockerfile and the Action give.
  await build({
    ...COMMON_OPTIONS,
    absWorkingDir: root,
    entryPoints: { [CLI_ENTRY]: path.join(root, CLI_LAUNCHER) },
    outdir,
    format: 'cjs',
    inject: [path.join(projectRoot, 'scripts/cjs-import-meta-url.ts')],
    define: {
      'import.meta.url': 'importMetaUrl',
      POSTURE_CLI_PROGRAM: JSON.stringify(`./${path.basename(program)}`),
    },
  });
  await writeFile(
    path.join(outdir, 'cli', 'package.json'),
    `${JSON.stringify({ type: 'commonjs' })}\n`,
  );
  await writeCodeCache(path.join(outdir, `${CLI_ENTRY}.js`));
}

/** Whether the launcher of the sources under `root` runs a script that is its own wrapper. */
function launcherReadsWrappedScript(root: string): boolean {
  const launcher = readFileSync(path.join(root, CODE_CACHE_MODULE), 'utf8');
  return launcher.includes('COMMON_JS_WRAPPER');
}

/** A scan of an empty folder: the code of a start-up, compiled, into the cache beside the program. */
async function writeCodeCache(cli: string): Promise<void> {
  const empty = await mkdtemp(path.join(os.tmpdir(), 'posture-build-'));
  try {
    execFileSync(process.execPath, [cli, 'scan', empty], { stdio: 'ignore' });
  } finally {
    await rm(empty, { recursive: true, force: true });
  }
}

const invokedDirectly =
  process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
if (invokedDirectly) {
  const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
  const outdir = path.resolve(values.outdir ?? path.join(projectRoot, 'dist'));
  await bundle(outdir);
  console.log(`bundled ${Object.keys(ENTRY_POINTS).length} entry points into ${outdir}`);
}
