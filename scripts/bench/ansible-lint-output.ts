/**
 * What ansible-lint's parseable output (`-p`) says about its own run. A playbook that uses a
 * module from a collection the machine lacks (`community.general`, `ansible.posix`: Debian
 * installs them with the `ansible` package, which `--no-install-recommends` leaves out) fails its
 * syntax check, and on kubespray it then reports those failures and nothing else. Its CPU figure
 * leaves out most of its work, and a comparison with it says little.
 */
const FAILED_SYNTAX_CHECK = /^[^:]+:\d+(?::\d+)?: syntax-check\[/;

/** Why the run's figure is not comparable, or undefined when every syntax check passed. */
export function failedSyntaxChecks(stdout: string): string | undefined {
  const failed = stdout.split('\n').filter((line) => FAILED_SYNTAX_CHECK.test(line)).length;
  if (failed === 0) return undefined;
  const checks = failed === 1 ? 'a failed syntax check' : `${failed} failed syntax checks`;
  return `it reported ${checks} (a module it could not resolve); on kubespray such a run reports little else, so this figure likely leaves out most of its work: install the collections (apt-get install ansible) and measure again`;
}
