/**
 * `npm run bench`: what Posture costs, measured as a user meets it.
 *
 *   npm run bench                           every part
 *   npm run bench -- --only speed           one part (repeat --only for several):
 *                                             startup  an empty scan, next to Node.js doing nothing
 *                                             speed    the shared corpora, next to the bare YAML parse
 *                                                      and the peers that are installed
 *                                             memory   peak memory on one and on eight kubespray copies
 *                                             scaling  one file of growing size, shape by shape
 *                                             api      GitHub API calls per review
 *                                             policy   custom rules with catastrophic regexes
 *   npm run bench -- --runs 5               runs per command (default 3; 10 for startup)
 *   npm run bench -- --json                 the figures as JSON
 *
 * Every Posture run is the shipped CLI bundle (built first, into node_modules/.cache/) as its own
 * process, and so is the bare parse it is compared with; peers (ansible-lint, puppet-lint,
 * yamllint, `puppet parser validate`) run as their packages install them, and the bench says
 * which ones are missing. CPU is user + system time of the whole process and its children, which
 * a busy machine moves least; quote it, and the medians. Linux only (figures come from /proc).
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureApiCalls, printApiCalls, type ApiCallFigures } from './bench/api-calls.js';
import { findExecutable } from './bench/executables.js';
import { runPolicyBench } from './bench/policy.js';
import { measureScaling, printScaling, type ScalingFigures } from './bench/scaling.js';
import {
  compareInTurn,
  printComparison,
  type Contender,
  type ContenderFigures,
} from './bench/processes.js';
import { bundle } from './bundle.js';
import { fixed } from './lib/table.js';
import { isLinux } from './lib/process-usage.js';
import { failedSyntaxChecks } from './bench/ansible-lint-output.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusRoot = path.resolve(projectRoot, '..', 'shared', 'corpus', 'real');
const buildDir = path.join(projectRoot, 'node_modules', '.cache', 'posture-bench');
const PARTS = ['startup', 'speed', 'memory', 'scaling', 'api', 'policy'] as const;
type Part = (typeof PARTS)[number];
const KUBESPRAY = path.join(corpusRoot, 'ansible', 'kubespray');
const MEMORY_COPIES = 8;

const POSTURE = 'Posture';

interface BenchFigures {
  startup?: ContenderFigures[];
  speed?: Record<string, ContenderFigures[]>;
  memory?: { oneCopyMiB: number; copies: number; manyCopiesMiB: number };
  scaling?: ScalingFigures[];
  apiCalls?: ApiCallFigures;
}

function posture(folder: string): Contender {
  return {
    name: POSTURE,
    commands: [
      {
        command: process.execPath,
        args: [path.join(buildDir, 'cli', 'main.js'), 'scan', folder, '--format', 'json'],
        cwd: folder,
      },
    ],
  };
}

/**
 * The floor under the rules: Posture reading, parsing, modelling and resolving the same files
 * with one cheap rule (it reads comments only) instead of all of them.
 */
const ONE_RULE = 'suspicious-comment';
const POSTURE_ONE_RULE = `Posture, one rule (--rule ${ONE_RULE})`;

function postureWithOneRule(folder: string): Contender {
  const [command] = posture(folder).commands;
  return {
    name: POSTURE_ONE_RULE,
    commands: command ? [{ ...command, args: [...command.args, '--rule', ONE_RULE] }] : [],
  };
}

function bareParse(folder: string): Contender {
  return {
    name: 'bare YAML parse (same library and options)',
    commands: [{ command: process.execPath, args: [path.join(buildDir, 'bare-parse.js'), folder] }],
  };
}

/** Posture's Puppet lexer and parser on every manifest, to the syntax tree and no further. */
const BARE_PUPPET_PARSE = "bare Puppet parse (Posture's lexer and parser, manifests only)";

function barePuppetParse(folder: string): Contender {
  return {
    name: BARE_PUPPET_PARSE,
    commands: [
      {
        command: process.execPath,
        args: [path.join(buildDir, 'bare-puppet-parse.js'), folder],
      },
    ],
  };
}

/** A peer run through its executable, or marked missing when it is not installed. */
function peer(
  name: string,
  executable: string,
  commands: (path: string) => Contender['commands'],
): Contender {
  const found = findExecutable(executable);
  return found
    ? { name, commands: commands(found) }
    : { name, commands: [], missing: `not installed (apt-get install ${executable})` };
}

async function ansibleLint(folder: string, scratch: string): Promise<Contender> {
  // Without mock_modules ansible-lint stops at its syntax check on kubespray and runs no rule.
  const config = path.join(scratch, 'ansible-lint.yml');
  await writeFile(config, 'offline: true\nmock_modules:\n  - kube\n');
  const contender = peer('ansible-lint --offline -p', 'ansible-lint', (executable) => [
    {
      command: executable,
      args: ['--offline', '-p', '--nocolor', '-c', config],
      cwd: folder,
      keepStdout: true,
    },
  ]);
  return { ...contender, caveat: failedSyntaxChecks };
}

async function puppetModules(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(folder, entry.name))
    .sort();
}

/** One process per module, from a folder without `.puppet-lint.rc` (the modules' name plugins Debian lacks). */
function puppetLint(modules: readonly string[], scratch: string): Contender {
  return peer('puppet-lint (one process per module)', 'puppet-lint', (executable) =>
    modules.map((module) => ({ command: executable, args: ['--relative', module], cwd: scratch })),
  );
}

/**
 * Node loads the certificates named by `NODE_EXTRA_CA_CERTS` as it starts, before any of a
 * program's code runs, whether or not the program opens a TLS connection (a CA bundle of a few
 * hundred certificates costs each start about 0.07 s here). When it is set, start-up is measured
 * both ways, so that Posture's own share can be read apart from the machine's.
 */
const EXTRA_CA_CERTS = 'NODE_EXTRA_CA_CERTS';

function withoutExtraCaCerts(contender: Contender): Contender {
  const env = { ...process.env };
  delete env[EXTRA_CA_CERTS];
  return {
    name: `${contender.name}, without ${EXTRA_CA_CERTS}`,
    commands: contender.commands.map((command) => ({ ...command, env })),
  };
}

/** A role's tasks, as a pre-commit hook hands one changed file to a scan. */
const SMALL_PLAYBOOK = [
  '- name: the web server',
  '  apt:',
  '    name: nginx',
  '- name: its configuration',
  '  template:',
  '    src: nginx.conf.j2',
  '    dest: /etc/nginx/nginx.conf',
  '    mode: "0644"',
  '',
].join('\n');

/** The same, with a command only the shell grammar reads (it loads for the first such file). */
const SMALL_PLAYBOOK_PIPED = `${SMALL_PLAYBOOK}- name: the agent\n  shell: curl -sSL https://get.example.com/agent.sh | bash\n`;

async function measureStartup(runs: number): Promise<ContenderFigures[]> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'posture-bench-startup-'));
  const empty = path.join(scratch, 'empty');
  await mkdir(path.join(empty, '.git'), { recursive: true });
  const playbook = async (name: string, content: string) => {
    const folder = path.join(scratch, name);
    await mkdir(path.join(folder, 'roles', 'web', 'tasks'), { recursive: true });
    await writeFile(path.join(folder, 'roles', 'web', 'tasks', 'main.yml'), content);
    return folder;
  };
  const named = (name: string, contender: Contender): Contender => ({ ...contender, name });
  const contenders: Contender[] = [
    posture(empty),
    named(`${POSTURE}, one small playbook`, posture(await playbook('plain', SMALL_PLAYBOOK))),
    named(
      `${POSTURE}, the same with a piped shell command`,
      posture(await playbook('piped', SMALL_PLAYBOOK_PIPED)),
    ),
    {
      name: 'node -e 0 (Node.js itself)',
      commands: [{ command: process.execPath, args: ['-e', '0'] }],
    },
  ];
  if (process.env[EXTRA_CA_CERTS]) contenders.push(...contenders.map(withoutExtraCaCerts));
  try {
    return await compareInTurn(contenders, runs);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function printStartupNote(): void {
  if (!process.env[EXTRA_CA_CERTS]) return;
  console.log(
    `${EXTRA_CA_CERTS} is set here (${process.env[EXTRA_CA_CERTS]}): Node.js reads those certificates as it starts, before any program code, so every Node.js process pays for them; the rows "without ${EXTRA_CA_CERTS}" show a start without them.\n`,
  );
}

async function measureSpeed(
  runs: number,
  scratch: string,
): Promise<Record<string, ContenderFigures[]>> {
  const groups: Record<string, ContenderFigures[]> = {};
  if (existsSync(KUBESPRAY)) {
    groups.kubespray = await compareInTurn(
      [
        posture(KUBESPRAY),
        postureWithOneRule(KUBESPRAY),
        bareParse(KUBESPRAY),
        peer('yamllint, parse only', 'yamllint', (executable) => [
          { command: executable, args: ['-f', 'parsable', '-d', '{rules: {}}', KUBESPRAY] },
        ]),
        await ansibleLint(KUBESPRAY, scratch),
      ],
      runs,
    );
  }
  const puppetFolder = path.join(corpusRoot, 'puppet');
  if (existsSync(puppetFolder)) {
    const modules = await puppetModules(puppetFolder);
    groups.puppet = await compareInTurn(
      [
        posture(puppetFolder),
        postureWithOneRule(puppetFolder),
        barePuppetParse(puppetFolder),
        puppetLint(modules, scratch),
        peer('puppet parser validate (one process per module)', 'puppet', (executable) =>
          modules.map((module) => ({
            command: 'sh',
            args: [
              '-c',
              `find "$1" -name '*.pp' -print0 | xargs -0 "$2" parser validate`,
              'sh',
              module,
              executable,
            ],
          })),
        ),
      ],
      runs,
    );
  }
  for (const language of ['ansible', 'chef'] as const) {
    const folder = path.join(corpusRoot, language);
    if (!existsSync(folder)) continue;
    const contenders = [posture(folder)];
    if (language === 'ansible') contenders.push(bareParse(folder));
    groups[`${language} (every project)`] = await compareInTurn(contenders, runs);
  }
  return groups;
}

async function measureMemory(runs: number, scratch: string): Promise<BenchFigures['memory']> {
  if (!existsSync(KUBESPRAY)) return undefined;
  const one = path.join(scratch, 'one');
  const many = path.join(scratch, 'many');
  await cp(KUBESPRAY, path.join(one, 'copy-1'), { recursive: true });
  for (let copy = 1; copy <= MEMORY_COPIES; copy++)
    await cp(KUBESPRAY, path.join(many, `copy-${copy}`), { recursive: true });
  const [oneCopy, manyCopies] = await compareInTurn(
    [
      { ...posture(one), name: 'one copy' },
      { ...posture(many), name: `${MEMORY_COPIES} copies` },
    ],
    runs,
  );
  return {
    oneCopyMiB: oneCopy?.peakMiB ?? Number.NaN,
    copies: MEMORY_COPIES,
    manyCopiesMiB: manyCopies?.peakMiB ?? Number.NaN,
  };
}

function ratioLine(
  figures: readonly ContenderFigures[],
  ourName: string,
  theirName: string,
  label: string,
): string | undefined {
  const ours = figures.find((figure) => figure.name === ourName);
  const theirs = figures.find((figure) => figure.name.startsWith(theirName) && !figure.missing);
  if (!ours || !theirs || theirs.cpuSeconds === 0) return undefined;
  return `${label}: ${fixed(ours.cpuSeconds / theirs.cpuSeconds, 3)}× (CPU, medians)`;
}

function printSpeed(groups: Record<string, ContenderFigures[]>, runs: number): void {
  for (const [group, figures] of Object.entries(groups)) {
    printComparison(`${group}: whole processes, in turn, median of ${runs} runs`, figures, POSTURE);
    const lines = [
      ratioLine(figures, POSTURE, 'bare YAML parse', 'Posture / bare parse'),
      ratioLine(figures, POSTURE_ONE_RULE, 'bare YAML parse', 'Posture with one rule / bare parse'),
      ratioLine(figures, POSTURE, 'ansible-lint', 'Posture / ansible-lint'),
      ratioLine(figures, POSTURE, 'puppet-lint', 'Posture / puppet-lint'),
      ratioLine(figures, POSTURE_ONE_RULE, 'puppet-lint', 'Posture with one rule / puppet-lint'),
      ratioLine(figures, POSTURE, 'bare Puppet parse', 'Posture / bare Puppet parse'),
      ratioLine(figures, BARE_PUPPET_PARSE, 'puppet-lint', 'bare Puppet parse / puppet-lint'),
    ].filter((line): line is string => line !== undefined);
    if (lines.length > 0) console.log(`${lines.join('\n')}\n`);
  }
}

function selectedParts(only: readonly string[] | undefined): Part[] | string {
  if (!only || only.length === 0) return [...PARTS];
  const names = only.flatMap((value) => value.split(','));
  const unknown = names.filter((name) => !(PARTS as readonly string[]).includes(name));
  if (unknown.length > 0)
    return `bench: --only takes ${PARTS.join(', ')}; not ${unknown.join(', ')}`;
  return names as Part[];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean' },
      runs: { type: 'string' },
      only: { type: 'string', multiple: true },
    },
    strict: true,
  });
  const parts = selectedParts(values.only);
  if (typeof parts === 'string') {
    console.error(parts);
    process.exitCode = 2;
    return;
  }
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  if (runs !== undefined && (!Number.isInteger(runs) || runs < 1)) {
    console.error('bench: --runs must be a positive integer');
    process.exitCode = 2;
    return;
  }
  const wantsProcesses = parts.some((part) =>
    ['startup', 'speed', 'memory', 'scaling'].includes(part),
  );
  if (wantsProcesses && !isLinux()) {
    console.error(
      'bench: the startup, speed, memory and scaling parts read /proc and run on Linux only',
    );
    process.exitCode = 2;
    return;
  }
  if (!existsSync(corpusRoot) && parts.some((part) => part === 'speed' || part === 'memory'))
    console.error(`bench: no corpus at ${corpusRoot}; the speed and memory parts are skipped`);

  const figures: BenchFigures = {};
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'posture-bench-'));
  try {
    if (wantsProcesses) {
      await bundle(buildDir, {
        'cli/main': 'src/cli/main.ts',
        'workers/analysis-worker': 'src/workers/analysis-worker.ts',
        'bare-parse': 'scripts/bare-parse.ts',
        'bare-puppet-parse': 'scripts/bare-puppet-parse.ts',
      });
    }
    if (parts.includes('startup')) {
      figures.startup = await measureStartup(runs ?? 10);
      if (!values.json)
        printComparison(
          `Start-up: a scan of an empty repository, and of one small playbook, median of ${runs ?? 10} runs`,
          figures.startup,
          POSTURE,
        );
      if (!values.json) printStartupNote();
    }
    if (parts.includes('speed') && existsSync(corpusRoot)) {
      figures.speed = await measureSpeed(runs ?? 3, scratch);
      if (!values.json) printSpeed(figures.speed, runs ?? 3);
    }
    if (parts.includes('memory') && existsSync(corpusRoot)) {
      figures.memory = await measureMemory(runs ?? 3, path.join(scratch, 'memory'));
      if (figures.memory && !values.json)
        console.log(
          `Peak memory of a scan: one kubespray copy ${fixed(figures.memory.oneCopyMiB, 0)} MiB, ${figures.memory.copies} copies ${fixed(figures.memory.manyCopiesMiB, 0)} MiB (${fixed(figures.memory.manyCopiesMiB / figures.memory.oneCopyMiB, 2)}×)\n`,
        );
    }
    if (parts.includes('scaling')) {
      figures.scaling = await measureScaling(posture, runs ?? 3, path.join(scratch, 'scaling'));
      if (!values.json) printScaling(figures.scaling, runs ?? 3);
    }
    if (parts.includes('api')) {
      figures.apiCalls = await measureApiCalls();
      if (!values.json) printApiCalls(figures.apiCalls);
    }
    if (parts.includes('policy') && !values.json) await runPolicyBench();
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  if (values.json) console.log(JSON.stringify(figures, null, 2));
}

await main();
