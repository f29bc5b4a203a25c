/**
 * Runs a bundled CommonJS script from V8's code cache.
 *
 * Node 20 compiles the whole source of an ES module at every start and keeps nothing of it
 * (`module.enableCompileCache()` came with Node 22). For the CLI's bundle, that compilation and
 * the compilation of the functions a run calls were about a third of the CPU time of a scan of
 * an empty repository. A classic script compiled with `vm.Script` hands its compiled code over
 * (`createCachedData()`) and takes it back at the next start (`cachedData`), which V8 reads in
 * a fraction of the time.
 *
 * The cache is a file beside the script, one for each Node version and architecture, written at
 * the end of a run that found none (or found it rejected), or before that run changes V8's
 * flags (`writeCodeCacheBeforeFlagsChange`), where the folder can be written;
 * `npm run build` writes the one of the Node that built it. V8 checks a cache against its own
 * version, the V8 flags in force and the length of the source, and compiles afresh when one
 * differs; the script's name carries a hash of its content, so that no cache outlives the code
 * it was made of.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';

/**
 * Node's own wrapper of a CommonJS module, around the script's text: the build writes `head`
 * before the bundle and `tail` after it, and the script evaluates to the function.
 */
export const COMMON_JS_WRAPPER = {
  head: '(function (exports, require, module, __filename, __dirname) {',
  tail: '})',
} as const;

/** The function that the wrapped script evaluates to. */
type CommonJsWrapper = (
  exports: object,
  require: NodeJS.Require,
  module: { exports: object },
  filename: string,
  dirname: string,
) => void;

/**
 * Where the launcher leaves what must happen before the program changes V8's flags; a symbol of
 * the global registry, as the launcher and the program are bundled apart.
 */
const BEFORE_FLAGS_CHANGE = Symbol.for('posture.code-cache.before-flags-change');

/**
 * Writes the code cache now if this run is to write it: called before V8's flags change, which
 * would make V8 reject a cache written later at the next start, whose flags are the defaults.
 * Does nothing when the program runs from its sources.
 */
export function writeCodeCacheBeforeFlagsChange(): void {
  const write = (globalThis as Record<symbol, unknown>)[BEFORE_FLAGS_CHANGE];
  if (typeof write === 'function') (write as () => void)();
}

export function runWithCodeCache(file: string): void {
  const cacheFile = `${file}.${process.version}-${process.arch}.v8cache`;
  const cachedData = readIfPresent(cacheFile);
  // The bundle is ASCII (it is built with `charset: 'ascii'`), which latin1 reads exactly, and
  // several times faster than utf8. It is written as the function expression it runs as
  // (`COMMON_JS_WRAPPER`), so V8 is handed the file's text as read: a wrapper added here would
  // make a second copy of the megabyte before it is compiled.
  const source = readFileSync(file, 'latin1');
  const script = new Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (!cachedData || script.cachedDataRejected === true) {
    // Written as late as it can be, so that it holds the code of every function the run
    // compiled: at exit, or before the run changes V8's flags, which V8 checks the cache against.
    let due = true;
    const writeOnce = () => {
      if (!due) return;
      due = false;
      writeCache(script, cacheFile);
    };
    (globalThis as Record<symbol, unknown>)[BEFORE_FLAGS_CHANGE] = writeOnce;
    process.once('exit', writeOnce);
  }
  const module = { exports: {} };
  const wrapper = script.runInThisContext() as CommonJsWrapper;
  wrapper(module.exports, createRequire(file), module, file, path.dirname(file));
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Leaves the cache as it was where the folder cannot be written (an installation owned by root). */
function writeCache(script: Script, cacheFile: string): void {
  // Written whole under a name of its own, then renamed: two first runs at once each leave a
  // complete file.
  const partial = `${cacheFile}.${process.pid}`;
  try {
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, cacheFile);
  } catch {
    rmSync(partial, { force: true });
  }
}
