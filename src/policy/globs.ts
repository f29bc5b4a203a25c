import { minimatch } from 'minimatch';

const OPTIONS = { dot: true, nocomment: true, nonegate: true } as const;

/** Whether a repository path matches any of the globs (minimatch, dotfiles included). */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  return globs.some((glob) => minimatch(path, glob, OPTIONS));
}
