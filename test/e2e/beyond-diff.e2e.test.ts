/**
 * A pull request that changes one variable: the review reads the unchanged template the value
 * lands in and the play that applies it (or, in Puppet, the manifests that render it and the
 * profiles that declare the class), reports on the changed line naming where the value lands
 * and which hosts it reaches, within the API budget for reading beyond the diff:
 * 6 + 2⌈changed/100⌉ + ⌈files read beyond the diff/250⌉ + ⌈annotations/50⌉ calls, and one
 * more when a changed play gives roles values.
 */
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../src/server/config-from-env.js';
import { startPostureServer, type RunningServer } from '../../src/server/create-server.js';
import { deliverWebhook } from '../support/deliver-webhook.js';
import {
  appEnvironment,
  startGitHubStandin,
  type GitHubStandin,
} from '../support/github-standin.js';
import { pullRequestEvent } from '../support/webhook-payloads.js';

const TEMPLATE = `# Managed by Ansible
Port 22
PermitRootLogin {{ ssh_permit_root_login }}
PasswordAuthentication no
`;
const TASKS = `---
- name: Configure the SSH server
  ansible.builtin.template:
    src: sshd_config.j2
    dest: /etc/ssh/sshd_config
    mode: "0600"
    validate: /usr/sbin/sshd -t -f %s
`;
const SITE = `---
- name: Every host
  hosts: all
  roles:
    - ssh
`;

function trees(rootLogin: string): Map<string, string> {
  const tree = new Map<string, string>([
    ['site.yml', SITE],
    [
      'group_vars/all.yml',
      `---\nntp_server: ntp.example.com\nssh_permit_root_login: "${rootLogin}"\n`,
    ],
    ['roles/ssh/tasks/main.yml', TASKS],
    ['roles/ssh/templates/sshd_config.j2', TEMPLATE],
    ['README.md', '# Infrastructure\n'],
  ]);
  for (let index = 0; index < 30; index++)
    tree.set(
      `roles/app-${index}/tasks/main.yml`,
      `---\n- name: Start app ${index}\n  ansible.builtin.service:\n    name: app-${index}\n    state: started\n`,
    );
  return tree;
}

let standin: GitHubStandin | undefined;
let server: RunningServer | undefined;

afterEach(async () => {
  await server?.close();
  await standin?.close();
});

/** Starts the App against the stand-in, opens the pull request and waits for its check run. */
async function reviewOpened(github: GitHubStandin, environment: Record<string, string> = {}) {
  const secret = randomBytes(16).toString('hex');
  const config = configFromEnv({ ...appEnvironment(github, secret), ...environment });
  if (!config.ok) throw new Error(config.problems.join('\n'));
  server = await startPostureServer(config.config, pino({ level: 'silent' }));
  await deliverWebhook(server.webhookUrl, pullRequestEvent('opened', github.target), secret);
  const run = await github.waitFor(
    () => github.checkRuns.find((candidate) => candidate.status === 'completed'),
    60_000,
  );
  // Every call of the job, including those after its run completed.
  await server.queue.idle();
  return run;
}

describe('a change to one variable', () => {
  it('is reported on the changed line, naming where the value lands and where it runs, within the budget', async () => {
    standin = await startGitHubStandin({ base: trees('no'), head: trees('yes') });
    const run = await reviewOpened(standin);

    expect(run.conclusion).toBe('failure');
    expect(
      run.annotations.map((annotation) => `${annotation.path}:${annotation.start_line}`),
    ).toEqual(['group_vars/all.yml:3']);
    const [annotation] = run.annotations;
    expect(annotation?.message).toContain('roles/ssh/templates/sshd_config.j2:3');
    const summary = run.output.summary ?? '';
    expect(summary).toContain('### Where changed values land');
    expect(summary).toContain('`roles/ssh/templates/sshd_config.j2:3`');
    expect(summary).toContain('### Where this change runs');
    expect(summary).toContain('every host of every inventory');
    expect(summary).toContain('site.yml (hosts: all)');
    // A group variable reaches every file of its tree: the template, the role's tasks, the play
    // and the other roles, which could read it too.
    expect(summary).toMatch(/with 33 unchanged files their values reach or come from/);

    const review = standin.reviews.at(-1);
    expect(review?.comments.map((comment) => `${comment.path}:${comment.line}`)).toEqual([
      'group_vars/all.yml:3',
    ]);

    const calls = standin.requests.filter((request) => !request.path.startsWith('/api/v3/app/'));
    const changed = 1;
    const beyond = 33;
    const budget =
      6 +
      2 * Math.ceil(changed / 100) +
      Math.ceil(beyond / 250) +
      Math.ceil(run.annotations.length / 50);
    expect(calls.length).toBeLessThanOrEqual(budget);
    expect(calls.filter((call) => call.path.includes('/git/trees/'))).toHaveLength(1);
  }, 90_000);
});

/** A project whose play gives the ssh role its root login as a role parameter. */
function playTree(rootLogin: string): Map<string, string> {
  const tree = trees('no');
  tree.set(
    'site.yml',
    `---\n- name: Every host\n  hosts: all\n  roles:\n    - role: ssh\n      ssh_permit_root_login: "${rootLogin}"\n`,
  );
  return tree;
}

describe("a change to a role's parameter in a play", () => {
  it('is reported on the changed line, through the role files only the play names', async () => {
    standin = await startGitHubStandin({ base: playTree('no'), head: playTree('yes') });
    const run = await reviewOpened(standin);

    expect(run.conclusion).toBe('failure');
    expect(
      run.annotations.map((annotation) => `${annotation.path}:${annotation.start_line}`),
    ).toEqual(['site.yml:6']);
    expect(run.annotations[0]?.message).toContain('roles/ssh/templates/sshd_config.j2:3');
    // The play names one role: its two files are read, not the thirty others, beside the group
    // variables that reach the play.
    expect(run.output.summary ?? '').toMatch(
      /with 3 unchanged files their values reach or come from/,
    );
    const calls = standin.requests.filter((request) => !request.path.startsWith('/api/v3/app/'));
    expect(calls.filter((call) => call.path.includes('/git/trees/'))).toHaveLength(1);
    expect(calls.filter((call) => call.operation === 'PostureBlobs')).toHaveLength(2);
    // The budget, plus the second content query for the roles only the play's text names.
    const budget = 6 + 2 + Math.ceil(3 / 250) + Math.ceil(run.annotations.length / 50) + 1;
    expect(calls.length).toBeLessThanOrEqual(budget);
  }, 90_000);
});

describe("the second content query, for the roles a play's text names, when GitHub fails it", () => {
  const fast = {
    GITHUB_REQUEST_TIMEOUT_MS: '1000',
    GITHUB_RETRY_BASE_MS: '20',
    REVIEW_RETRY_BASE_MS: '100',
  };

  it('is tried again after a reset, and the review still reports the parameter', async () => {
    standin = await startGitHubStandin({ base: playTree('no'), head: playTree('yes') });
    standin.faults.inject({ operation: 'PostureBlobs', after: 1, fault: { reset: true } });
    const run = await reviewOpened(standin, fast);

    expect(standin.requests.filter((request) => request.fault)).toHaveLength(1);
    expect(run.conclusion).toBe('failure');
    expect(
      run.annotations.map((annotation) => `${annotation.path}:${annotation.start_line}`),
    ).toEqual(['site.yml:6']);
  }, 90_000);

  it('fails the run, never green, when it keeps failing', async () => {
    standin = await startGitHubStandin({ base: playTree('no'), head: playTree('yes') });
    standin.faults.inject({
      operation: 'PostureBlobs',
      after: 1,
      times: 1000,
      fault: { status: 502 },
    });
    const run = await reviewOpened(standin, fast);

    expect(run).toMatchObject({
      conclusion: 'failure',
      output: { title: 'Posture could not complete the review' },
    });
    expect(standin.reviews).toEqual([]);
  }, 90_000);
});

describe('a change to a vars file that an unchanged play loads', () => {
  const OWN_TASK = [
    '  tasks:',
    '    - name: Root login',
    '      ansible.builtin.lineinfile:',
    '        path: /etc/ssh/sshd_config',
    "        regexp: '^PermitRootLogin'",
    '        line: "PermitRootLogin {{ ssh_permit_root_login }}"',
    '        validate: /usr/sbin/sshd -t -f %s',
    '',
  ].join('\n');
  it.each([
    [
      'names in vars_files, for its roles',
      '  vars_files:\n    - env/prod.yml\n  roles:\n    - ssh\n',
    ],
    [
      'loads with include_vars, for its roles',
      '  pre_tasks:\n    - ansible.builtin.include_vars: env/prod.yml\n  roles:\n    - ssh\n',
    ],
    ['names in vars_files, for its own tasks', `  vars_files:\n    - env/prod.yml\n${OWN_TASK}`],
  ])(
    'that it %s, is read as the play reads it and reported on the changed line',
    async (_, play) => {
      const project = (rootLogin: string) =>
        new Map<string, string>([
          ['deploy.yml', `---\n- hosts: web\n${play}`],
          ['env/prod.yml', `---\nssh_permit_root_login: "${rootLogin}"\n`],
          ['roles/ssh/tasks/main.yml', TASKS],
          ['roles/ssh/templates/sshd_config.j2', TEMPLATE],
          ['roles/other/tasks/main.yml', '---\n- name: Other\n  ansible.builtin.ping:\n'],
        ]);
      standin = await startGitHubStandin({ base: project('no'), head: project('yes') });
      const run = await reviewOpened(standin);

      expect(run.conclusion).toBe('failure');
      expect(
        run.annotations.map((annotation) => `${annotation.path}:${annotation.start_line}`),
      ).toEqual(['env/prod.yml:2']);
      expect(run.annotations[0]?.message).toMatch(
        play.includes('roles:') ? 'roles/ssh/templates/sshd_config.j2:3' : 'deploy.yml:',
      );
    },
    90_000,
  );
});

describe('a template changed to read a value an unchanged playbook gives its role', () => {
  it('fails, naming the playbook line whose value now lands in the template', async () => {
    const project = (template: string) =>
      new Map<string, string>([
        [
          'deploy-web.yml',
          '---\n- hosts: web\n  roles:\n    - role: ssh\n      ssh_root_login: "yes"\n',
        ],
        ['roles/ssh/tasks/main.yml', TASKS],
        ['roles/ssh/templates/sshd_config.j2', template],
      ]);
    standin = await startGitHubStandin({
      base: project('Port 22\nPermitRootLogin no\n'),
      head: project('Port 22\nPermitRootLogin {{ ssh_root_login }}\n'),
    });
    const run = await reviewOpened(standin);

    expect(run.conclusion).toBe('failure');
    expect(
      run.annotations.map((annotation) => `${annotation.path}:${annotation.start_line}`),
    ).toEqual(['deploy-web.yml:5']);
  }, 90_000);
});

const SERVER_CLASS = (rootLogin: string) => `class ssh::server (
  String $permit_root_login = '${rootLogin}',
) {
  file { '/etc/ssh/sshd_config':
    ensure       => file,
    mode         => '0600',
    content      => template('ssh/sshd_config.erb'),
    validate_cmd => '/usr/sbin/sshd -t -f %',
  }
}
`;

/** A Puppet module repository: its manifests, templates and data at the root. */
function moduleTree(rootLogin: string): Map<string, string> {
  return new Map<string, string>([
    ['manifests/init.pp', 'class ssh {\n  contain ssh::server\n}\n'],
    ['manifests/server.pp', SERVER_CLASS(rootLogin)],
    [
      'manifests/client.pp',
      "class ssh::client {\n  package { 'openssh-client': ensure => installed }\n}\n",
    ],
    ['templates/sshd_config.erb', 'Port 22\nPermitRootLogin <%= @permit_root_login %>\n'],
    ['README.md', '# ssh\n'],
  ]);
}

describe("a change to a Puppet class parameter's default", () => {
  it('is reported on the changed line, through the unchanged template the class renders', async () => {
    standin = await startGitHubStandin({ base: moduleTree('no'), head: moduleTree('yes') });
    const run = await reviewOpened(standin);

    expect(run.conclusion).toBe('failure');
    expect(
      run.annotations.map((annotation) => `${annotation.path}:${annotation.start_line}`),
    ).toEqual(['manifests/server.pp:2']);
    expect(run.annotations[0]?.message).toContain('templates/sshd_config.erb:2');
    const review = standin.reviews.at(-1);
    expect(review?.comments.map((comment) => `${comment.path}:${comment.line}`)).toEqual([
      'manifests/server.pp:2',
    ]);
  }, 90_000);
});

function controlRepository(rootLogin: string): Map<string, string> {
  const tree = new Map<string, string>([
    ['data/common.yaml', `---\nprofile::bastion::root_login: "${rootLogin}"\n`],
    [
      'site/profile/manifests/bastion.pp',
      "class profile::bastion (String $root_login = 'no') {\n  class { 'ssh::server':\n    permit_root_login => $root_login,\n  }\n}\n",
    ],
    ['modules/ssh/manifests/server.pp', SERVER_CLASS('no')],
    [
      'modules/ssh/templates/sshd_config.erb',
      'Port 22\nPermitRootLogin <%= @permit_root_login %>\n',
    ],
  ]);
  for (let index = 0; index < 20; index++)
    tree.set(
      `modules/app${index}/manifests/init.pp`,
      `class app${index} {\n  service { 'app${index}': ensure => running }\n}\n`,
    );
  return tree;
}

describe("a change to a profile's Hiera key that the profile passes to a class it declares", () => {
  it('is reported on the changed line, through the declaration and the class it declares', async () => {
    standin = await startGitHubStandin({
      base: controlRepository('no'),
      head: controlRepository('yes'),
    });
    const run = await reviewOpened(standin);

    expect(run.conclusion).toBe('failure');
    expect(
      run.annotations.map((annotation) => `${annotation.path}:${annotation.start_line}`),
    ).toEqual(['data/common.yaml:2']);
    expect(run.annotations[0]?.message).toContain('through `ssh::server::permit_root_login`');
    expect(run.annotations[0]?.message).toContain('modules/ssh/templates/sshd_config.erb:2');
  }, 90_000);
});

describe('a task file changed to read a value the task that includes it gives', () => {
  it('fails, naming the unchanged include line whose value now lands there', async () => {
    const role = (line: string) =>
      new Map<string, string>([
        [
          'roles/ssh/tasks/main.yml',
          '---\n- name: Configure sshd\n  ansible.builtin.include_tasks: sshd.yml\n  vars:\n    sshd_root: "yes"\n',
        ],
        [
          'roles/ssh/tasks/sshd.yml',
          `---\n- name: Root login\n  ansible.builtin.lineinfile:\n    path: /etc/ssh/sshd_config\n    regexp: '^PermitRootLogin'\n    line: "${line}"\n    validate: /usr/sbin/sshd -t -f %s\n`,
        ],
        ['roles/other/tasks/main.yml', '---\n- name: Other\n  ansible.builtin.ping:\n'],
      ]);
    standin = await startGitHubStandin({
      base: role('PermitRootLogin no'),
      head: role('PermitRootLogin {{ sshd_root }}'),
    });
    const run = await reviewOpened(standin);

    expect(run.conclusion).toBe('failure');
    expect(
      run.annotations.map((annotation) => `${annotation.path}:${annotation.start_line}`),
    ).toEqual(['roles/ssh/tasks/main.yml:5']);
    expect(run.annotations[0]?.message).toContain('roles/ssh/tasks/sshd.yml:6');
  }, 90_000);
});

/** A control repository whose profile declares the `exec` resources its Hiera key holds. */
function declaredExecs(command: string): Map<string, string> {
  const tree = new Map<string, string>([
    [
      'data/common.yaml',
      `---\nprofile::base::execs:\n  install agent:\n    command: "${command}"\n    path: /usr/bin:/bin\n`,
    ],
    [
      'site/profile/manifests/base.pp',
      "class profile::base (Hash $execs = {}) {\n  create_resources('exec', $execs)\n}\n",
    ],
  ]);
  for (let index = 0; index < 10; index++)
    tree.set(
      `modules/app${index}/manifests/init.pp`,
      `class app${index} {\n  service { 'app${index}': ensure => running }\n}\n`,
    );
  return tree;
}

describe('a change to a Hiera hash that an unchanged profile declares resources from', () => {
  it('is reported on the changed line, naming the create_resources call that runs it', async () => {
    standin = await startGitHubStandin({
      base: declaredExecs('/usr/local/bin/agent-install --verify'),
      head: declaredExecs('curl -s https://get.example.com/agent.sh | bash'),
    });
    const run = await reviewOpened(standin);

    expect(run.conclusion).toBe('failure');
    expect(
      run.annotations.map((annotation) => `${annotation.path}:${annotation.start_line}`),
    ).toEqual(['data/common.yaml:4']);
    expect(run.annotations[0]?.message).toContain('site/profile/manifests/base.pp:2');
    const review = standin.reviews.at(-1);
    expect(review?.comments.map((comment) => `${comment.path}:${comment.line}`)).toEqual([
      'data/common.yaml:4',
    ]);
  }, 90_000);
});

describe('a profile changed to declare resources from a Hiera hash it did not read before', () => {
  it('fails, naming the unchanged Hiera line that the new call now runs', async () => {
    const repository = (body: string) => {
      const tree = declaredExecs('curl -s https://get.example.com/agent.sh | bash');
      tree.set(
        'site/profile/manifests/base.pp',
        `class profile::base (Hash $execs = {}) {\n${body}}\n`,
      );
      return tree;
    };
    standin = await startGitHubStandin({
      base: repository("  notify { 'agents are installed by hand': }\n"),
      head: repository("  create_resources('exec', $execs)\n"),
    });
    const run = await reviewOpened(standin);

    expect(run.conclusion).toBe('failure');
    expect(
      run.annotations.map((annotation) => `${annotation.path}:${annotation.start_line}`),
    ).toEqual(['data/common.yaml:4']);
    expect(run.annotations[0]?.message).toContain('site/profile/manifests/base.pp:2');
  }, 90_000);
});
