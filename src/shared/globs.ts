/**
 * Globs as a policy and rule options write them (minimatch syntax), matched in time linear in the
 * text. minimatch compiles a glob to a backtracking regular expression, and one with several
 * wildcards in a segment (`**\/*a*a*a*a*b`) takes minutes on a long name, or on a long value
 * a custom rule tests. The regular expression minimatch makes is run by RE2 (re2js) instead,
 * once its guards against `.` and `..` path segments are taken out: RE2 has no lookahead, and
 * paths and values never hold such segments. A glob RE2 cannot run (an extglob negation such as
 * `!(x)` needs lookahead) is refused when the policy is read (`globProblem`). Each glob is
 * compiled once per process.
 */
import { Minimatch, type MinimatchOptions } from 'minimatch';
import { requireOnDemand } from './require-on-demand.js';

const re2js = requireOnDemand<typeof import('re2js')>('re2js');

/** How policy paths are matched: dotfiles included, no comments, no negation. */
export const PATH_GLOB_OPTIONS: MinimatchOptions = { dot: true, nocomment: true, nonegate: true };
/** How host names are matched (`allowed_hosts` of `http-without-tls`): in any case. */
export const HOST_GLOB_OPTIONS: MinimatchOptions = { nocase: true };

/** The lookaheads minimatch writes to keep `*` and `**` off `.` and `..` segments. */
const DOT_SEGMENT_GUARDS = [
  String.raw`(?!(?:\/|^)(?:\.{1,2})($|\/))`,
  String.raw`(?!(?:^|\/)\.\.?(?:$|\/))`,
  String.raw`(?!\.)`,
];

type Matcher = (text: string) => boolean;

interface Compiled {
  match: Matcher;
  /** why the glob cannot be matched in linear time, when it cannot */
  problem?: string;
}

/** Compiled globs by options and text; policies are few and repeat across reviews. */
const compiled = new Map<string, Compiled>();
const MAX_COMPILED = 10_000;

function compile(glob: string, options: MinimatchOptions): Compiled {
  const key = `${JSON.stringify(options)}\u0000${glob}`;
  let found = compiled.get(key);
  if (!found) {
    found = compileNow(glob, options);
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(key, found);
  }
  return found;
}

function compileNow(glob: string, options: MinimatchOptions): Compiled {
  const pattern = new Minimatch(glob, options);
  const regex = pattern.makeRe();
  // A comment, or a pattern minimatch cannot express as one expression, matches nothing.
  if (regex === false) return { match: () => false };
  let source = regex.source;
  for (const guard of DOT_SEGMENT_GUARDS) source = source.split(guard).join('');
  const { RE2JS } = re2js();
  let linear: InstanceType<typeof RE2JS>;
  try {
    linear = RE2JS.compile(source, regex.flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
  } catch {
    return {
      match: (text) => pattern.match(text),
      problem:
        'this glob needs lookahead (an extglob such as !(…)), which cannot be matched safely',
    };
  }
  const matches: Matcher = (text) => linear.matcher(text).matches();
  return { match: pattern.negate ? (text) => !matches(text) : matches };
}

/** Whether a text matches a glob (minimatch syntax and options), in time linear in the text. */
export function globMatches(
  text: string,
  glob: string,
  options: MinimatchOptions = PATH_GLOB_OPTIONS,
): boolean {
  return compile(glob, options).match(text);
}

/** Whether a repository path matches any of the globs (minimatch, dotfiles included). */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  return globs.some((glob) => globMatches(path, glob));
}

/** Why a policy may not hold this glob, if it may not. */
export function globProblem(
  glob: string,
  options: MinimatchOptions = PATH_GLOB_OPTIONS,
): string | undefined {
  return compile(glob, options).problem;
}
