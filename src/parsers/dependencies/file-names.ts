/**
 * Which files are dependency files, by name alone: what a scan needs to decide to read one,
 * without the reader (`dependency-files.ts`).
 */
import { isDeployedFile } from '../config/formats.js';

export type DependencyFileKind = 'puppetfile' | 'berksfile';

/** `positive.Puppetfile` and the like are read too. */
const NAMES: Readonly<Record<DependencyFileKind, RegExp>> = {
  puppetfile: /(^|[._-])Puppetfile$/,
  berksfile: /(^|[._-])Berksfile$/,
};

/** Which dependency file a path is, if any; a copy a role or cookbook deploys is none. */
export function dependencyFileOf(path: string): DependencyFileKind | undefined {
  if (isDeployedFile(path)) return undefined;
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (Object.keys(NAMES) as DependencyFileKind[]).find((kind) => NAMES[kind].test(name));
}

export const isPuppetfile = (path: string): boolean => dependencyFileOf(path) === 'puppetfile';
export const isBerksfile = (path: string): boolean => dependencyFileOf(path) === 'berksfile';
