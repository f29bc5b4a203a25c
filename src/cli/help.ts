/** The text of `posture --help`, and of `posture <command> --help` for one command. */
import { LANGUAGES } from '../model/model.js';
import { LANGUAGE_FILES } from '../languages/files.js';
import { DEFAULT_FAIL_ON, type CommandName } from './commands.js';

/** `--lang ansible|puppet|chef`, padded to the options' column. */
const LANG_OPTION = `--lang ${LANGUAGES.join('|')}`.padEnd(27);
/** `(.yml/.yaml, .pp, .rb)` */
const EXTENSIONS = `(${LANGUAGES.map((language) => LANGUAGE_FILES[language].extensions.join('/')).join(', ')})`;

const USAGE = `Usage:
  posture scan [PATH...] [options]        review Ansible, Puppet and Chef code for security problems
  posture review URL [options]            show what the App would post on a pull request, posting nothing
  posture rules [options]                 list the rules, as the policy sets them
  posture config validate [FILE] [options]
                                          check a .security.yml
  posture help [COMMAND] | --help | --version
`;

/** `--config` and `--org-config`; the policy is looked for from `searchedFrom` up to the repository root. */
const policyOptions = (
  searchedFrom: string,
) => `  -c, --config FILE            the repository policy (default: the nearest .security.yml
                               from ${searchedFrom} up to the repository root)
  --org-config FILE            an org policy to layer it on, as the app does`;

const SECTIONS: Readonly<Record<CommandName, string>> = {
  scan: `posture scan [PATH...] [options]
  PATH is a file or a directory (default: .). Directories are walked without following
  symbolic links; .git and node_modules are skipped.

  ${LANG_OPTION}  analyse every file with that language's extensions
                               ${EXTENSIONS} as that language; without it,
                               Posture decides per file
  -f, --format text|json|sarif|github|junit
                               output format (default: text)
  -o, --output FILE            write the report to FILE instead of stdout
  --fail-on critical|high|medium|low|none
                               exit 1 when an open finding is at least this severe
                               (default: the policy's fail_on, else ${DEFAULT_FAIL_ON}); none: never
  --on-unanalysable fail|warn  whether a configuration file Posture could not analyse
                               or read (too large, nested too deeply, invalid) exits 1
                               (default: the policy's on_unanalysable, else fail)
${policyOptions('the scanned paths')}
  --rule ID                    run only this rule or category (repeatable, or ID,ID)
  --skip-rule ID               do not run this rule or category (repeatable, or ID,ID)
  --baseline FILE              accept the findings FILE lists (by fingerprint); they are
                               reported as baselined and do not count
  --write-baseline FILE        write the open findings to FILE as a baseline
  --diff-base REF              report only findings that are new since the git revision REF
  --profile security|glitch    which findings to report, whatever the policy's profile:
                               security (what a security reviewer would comment on) or
                               glitch (GLITCH's security smell definitions in full)
  --ignore-unrecognised        skip files named on the command line that Posture does not
                               read as Ansible, Puppet or Chef (for hooks that pass every
                               changed file) instead of exiting 2
`,
  review: `posture review URL [options]
  URL is a pull request: https://github.com/OWNER/REPO/pull/NUMBER, or on GitHub Enterprise
  Server https://HOST/OWNER/REPO/pull/NUMBER. The App's review runs on it with a token from
  GITHUB_TOKEN (or GH_TOKEN) that can read the repository (and its org's .github), with the
  org's and the base branch's policy, and prints the check run and the review the App would
  post. Nothing is posted. Exit 1 when the check run would not pass.
  -c, --config FILE            judge by this repository policy instead of the base branch's
  --org-config FILE            judge by this org policy instead of the org's .github one
  -f, --format text|json       output format (default: text)
  -o, --output FILE            write the result to FILE instead of stdout
`,
  rules: `posture rules [options]
  ${LANG_OPTION}  only the rules for that language
  -f, --format text|json       output format (default: text)
  -o, --output FILE            write the list to FILE instead of stdout
${policyOptions('the current directory')}
  Severities the policy changes, rules it turns off, the org's locks and the policy's
  custom rules are listed as such.
`,
  'config validate': `posture config validate [FILE] [options]
  FILE (or -c, --config FILE) is the policy to check (default: the nearest .security.yml
  from the current directory up to the repository root).
  --org                        check FILE as the org policy (which may lock rules)
  --org-config FILE            check FILE as a repository policy layered on this org policy
  -f, --format text|json       output format (default: text)
`,
};

const PATHS_AND_EXIT_CODES = `The repository root is the nearest directory above the scanned paths that holds .git
(outside git: the directory of the nearest .security.yml, else the current directory).
Policy globs, waivers and fingerprints use paths relative to it, as the app does. text
and json print paths relative to the current directory; sarif, github and junit relative
to the repository root.

Exit codes:
  0  nothing open reached the fail threshold, and every file was analysed
  1  an open finding reached the fail threshold, or a file could not be analysed or
     read (unless --on-unanalysable warn); config validate: the file is invalid
  2  the command could not be carried out as asked: a usage error, a path that does not
     exist, a named file Posture does not read, an invalid policy (the scan still reports
     the findings of its valid layers), an unusable baseline or git revision
`;

export function helpText(topic?: CommandName): string {
  if (topic) return `Usage: ${SECTIONS[topic]}`;
  const sections = (Object.keys(SECTIONS) as CommandName[]).map((name) => SECTIONS[name]);
  return [USAGE, ...sections, PATHS_AND_EXIT_CODES].join('\n');
}
