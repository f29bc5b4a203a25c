/**
 * The bundles `npm run build` ships, built for a test into a folder of their own under
 * `node_modules/.cache/`: from there, like `dist/`, they resolve the packages left outside them.
 */
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bundle } from '../../scripts/bundle.js';

const CACHE = fileURLToPath(new URL('../../node_modules/.cache/', import.meta.url));

/** Builds into `node_modules/.cache/posture-bundle-<name>/` and returns that folder. */
export async function buildBundle(name: string): Promise<string> {
  const outdir = `${CACHE}posture-bundle-${name}/`;
  await bundle(outdir);
  return outdir;
}

export async function removeBundle(outdir: string): Promise<void> {
  await rm(outdir, { recursive: true, force: true });
}
