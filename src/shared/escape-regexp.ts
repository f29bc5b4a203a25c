/**
 * Text made literal inside a regular expression: names read from files (a loop variable, a
 * cookbook folder such as `c++`, a heredoc's end tag) are matched as written, never as syntax
 * that fails to compile or backtracks without end. Every character escaped is one of the
 * pattern syntax characters, which Unicode-mode patterns (`u`) accept escaped as well.
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
