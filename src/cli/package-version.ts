/**
 * The version in package.json, read when the module loads under tsx and written into the
 * bundle by esbuild, so that neither reads a file at run time.
 */
import manifest from '../../package.json' with { type: 'json' };

export function packageVersion(): string {
  return manifest.version;
}
