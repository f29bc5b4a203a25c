/** The text of `posture --help`. */
import { DEFAULT_FAIL_ON } from './args.js';

export const HELP = `Usage:
  posture scan [PATH...] [options]   review Ansible, Puppet and Chef code for security problems
  posture rules [--lang L] [--format text|json]   list the rule catalog
  posture config validate [FILE] [--org]   check a .security.yml (default: ./.security.yml)
  posture --help | --version

Scan options:
  --lang ansible|puppet|chef   analyse every file with that language's extensions
                               (.yml/.yaml, .pp, .rb) as that language; without it,
                               Posture decides per file
  -f, --format text|json|sarif output format (default: text)
  --fail-on critical|high|medium|low
                               exit 1 when an open finding is at least this severe
                               (default: the policy's fail_on, else ${DEFAULT_FAIL_ON})
  --on-unanalysable fail|warn  whether a configuration file Posture could not analyse
                               or read (too large, nested too deeply, invalid) exits 1
                               (default: the policy's on_unanalysable, else fail)
  -c, --config FILE            the repository policy (default: .security.yml in the
                               scanned directory, when there is one)
  --org-config FILE            an org policy to layer under it, as the app does
  -o, --output FILE            write the report to FILE instead of stdout

PATH is a file or a directory (default: .). Directories are walked without following
symbolic links; .git and node_modules are skipped. Paths in the output are relative to
the current directory.

Exit codes: 0 nothing reached --fail-on, 1 a finding did or a file could not be analysed
(unless --on-unanalysable warn), 2 usage error or invalid policy.
posture config validate exits 0 when the file is valid and 1 when it is not.
`;
