/**
 * The bench's `scaling` part: how a scan's CPU grows with one file's size, for the shapes where
 * work per member could turn into work per pair of members (a task with thousands of arguments,
 * a resource with thousands of attributes). Each shape is written at two sizes, the second twice
 * the first, and scanned as a whole process; a growth near 2× is work in proportion to the file,
 * near 4× the square of it. The larger size stays under the 2 MB a file may have.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compareInTurn, type Contender } from './processes.js';
import { fixed, textTable } from '../lib/table.js';

interface Shape {
  name: string;
  /** how many members the smaller size has */
  members: number;
  /** the files of the shape with that many members, by path */
  files(members: number): Record<string, string>;
}

function lines(members: number, line: (index: number) => string): string {
  return Array.from({ length: members }, (_, index) => line(index)).join('');
}

const SHAPES: readonly Shape[] = [
  {
    name: 'Ansible task, arguments',
    members: 20_000,
    files: (members) => ({
      'roles/x/tasks/main.yml': `- name: wide\n  command: echo hi\n  args:\n${lines(members, (index) => `    a${index}: v${index}\n`)}`,
    }),
  },
  {
    name: 'Ansible tasks in one file',
    members: 5_000,
    files: (members) => ({
      'roles/x/tasks/main.yml': lines(members, (index) => `- command: echo ${index}\n`),
    }),
  },
  {
    name: 'Ansible tasks with become_user',
    members: 5_000,
    files: (members) => ({
      'roles/x/tasks/main.yml': lines(
        members,
        (index) => `- command: echo ${index}\n  become_user: u${index}\n`,
      ),
    }),
  },
  {
    name: 'Ansible vars file, variables',
    members: 20_000,
    files: (members) => ({
      'group_vars/all.yml': lines(members, (index) => `v${index}: "{{ v${index + 1} }}"\n`),
    }),
  },
  {
    name: 'Ansible value, `{{` left open',
    members: 50_000,
    files: (members) => ({
      'roles/x/tasks/main.yml': `- ansible.builtin.get_url:\n    url: "http://x/{{ a }}"\n    dest: "/tmp/${lines(members, () => '{{ a ')}"\n`,
    }),
  },
  {
    name: 'Ansible `copy` content into sshd_config, lines',
    members: 20_000,
    files: (members) => ({
      'roles/x/tasks/main.yml': `- ansible.builtin.copy:\n    dest: /etc/ssh/sshd_config\n    validate: /usr/sbin/sshd -t -f %s\n    content: |\n${lines(members, (index) => `      Port ${index}\n`)}`,
    }),
  },
  {
    name: 'Ansible `sysctl` loop, items',
    members: 20_000,
    files: (members) => ({
      'roles/x/tasks/main.yml': `- ansible.posix.sysctl:\n    name: "{{ item.name }}"\n    value: "{{ item.value }}"\n  loop:\n${lines(members, (index) => `    - { name: kernel.k${index}, value: ${index % 3} }\n`)}`,
    }),
  },
  {
    name: 'Ansible `when:` list, flags',
    members: 10_000,
    files: (members) => ({
      'roles/x/defaults/main.yml': lines(members, (index) => `a${index}: true\n`),
      'roles/x/tasks/main.yml': `- lineinfile:\n    path: /etc/ssh/sshd_config\n    line: PermitRootLogin yes\n  when:\n${lines(members, (index) => `    - a${index} | bool\n`)}`,
    }),
  },
  {
    name: 'Puppet resource, attributes',
    members: 20_000,
    files: (members) => ({
      'manifests/init.pp': `class x {\n  file { '/etc/x':\n${lines(members, (index) => `    a${index} => 'v${index}',\n`)}  }\n}\n`,
    }),
  },
  {
    name: 'Puppet exec, attributes',
    members: 20_000,
    files: (members) => ({
      'manifests/init.pp': `class x {\n  exec { 'curl https://x | sh':\n${lines(members, (index) => `    a${index} => 'v${index}',\n`)}  }\n}\n`,
    }),
  },
  {
    name: 'Puppet resources, each in an if',
    members: 5_000,
    files: (members) => ({
      'manifests/init.pp': `class x {\n${lines(members, (index) => `  if $a${index} { file { '/etc/x${index}': mode => '0644' } }\n`)}}\n`,
    }),
  },
  {
    name: 'Puppet file resources, braces left open',
    members: 10_000,
    files: (members) => ({
      'manifests/init.pp': lines(members, (index) => `file { '/etc/x${index}':\n`),
    }),
  },
  {
    name: 'Puppet classes rendering templates',
    members: 5_000,
    files: (members) => ({
      'manifests/init.pp': lines(
        members,
        (index) =>
          `class m::c${index} (\n  $p${index} = 'yes',\n) {\n  file { '/etc/ssh/sshd_config.d/${index}.conf': content => template('m/t${index}.erb') }\n}\n`,
      ),
      'templates/t0.erb': 'PermitRootLogin <%= @p0 %>\n',
    }),
  },
  {
    name: 'Chef resource, properties',
    members: 20_000,
    files: (members) => ({
      'recipes/default.rb': `template '/etc/x' do\n${lines(members, (index) => `  p${index} 'v${index}'\n`)}end\n`,
    }),
  },
  {
    name: 'Chef template resources, blocks left open',
    members: 10_000,
    files: (members) => ({
      'recipes/default.rb': lines(
        members,
        (index) => `template '/etc/x${index}' do\n  source 'x${index}.erb'\n`,
      ),
    }),
  },
  {
    name: 'Chef loops over hashes, one resource each',
    members: 4_000,
    files: (members) => ({
      'recipes/default.rb': lines(
        members,
        (index) =>
          `{ 'kernel.k${index}' => ${index % 3} }.each do |key, value|\n  sysctl key do\n    value value\n  end\nend\n`,
      ),
    }),
  },
  {
    name: 'Jinja template, tags',
    members: 10_000,
    files: (members) => ({
      'roles/x/tasks/main.yml': '- template:\n    src: x.conf.j2\n    dest: /etc/ssh/sshd_config\n',
      'roles/x/templates/x.conf.j2': lines(
        members,
        (index) => `{% if a${index} %}Port {{ p${index} }}{% endif %}\n`,
      ),
    }),
  },
  {
    name: 'Jinja template, conditions nested',
    members: 10_000,
    files: (members) => ({
      'roles/x/tasks/main.yml': '- template:\n    src: x.conf.j2\n    dest: /etc/ssh/sshd_config\n',
      'roles/x/templates/x.conf.j2': `${lines(members, (index) => `{% if a${index} or b${index} %}\n`)}PermitRootLogin yes\n${lines(members, () => '{% endif %}\n')}`,
    }),
  },
  {
    name: 'Jinja template, `elif` chain',
    members: 10_000,
    files: (members) => ({
      'roles/x/tasks/main.yml': '- template:\n    src: x.conf.j2\n    dest: /etc/ssh/sshd_config\n',
      'roles/x/templates/x.conf.j2': `{% if a %}\nPort 22\n${lines(members, (index) => `{% elif a${index} %}\nPort ${index}\n`)}{% else %}\nPermitRootLogin yes\n{% endif %}\n`,
    }),
  },
];

export interface ScalingFigures {
  shape: string;
  members: number;
  cpuSeconds: number;
  doubledCpuSeconds: number;
}

export async function measureScaling(
  posture: (folder: string) => Contender,
  runs: number,
  scratch: string,
): Promise<ScalingFigures[]> {
  const figures: ScalingFigures[] = [];
  for (const [index, shape] of SHAPES.entries()) {
    const folders = [shape.members, 2 * shape.members].map((members) =>
      path.join(scratch, `shape-${index}-${members}`),
    );
    for (const [size, folder] of folders.entries()) {
      for (const [file, content] of Object.entries(shape.files(shape.members * (size + 1)))) {
        await mkdir(path.dirname(path.join(folder, file)), { recursive: true });
        await writeFile(path.join(folder, file), content);
      }
    }
    const [single, doubled] = await compareInTurn(
      folders.map((folder, size) => ({ ...posture(folder), name: `${shape.name} ${size}` })),
      runs,
    );
    figures.push({
      shape: shape.name,
      members: shape.members,
      cpuSeconds: single?.cpuSeconds ?? Number.NaN,
      doubledCpuSeconds: doubled?.cpuSeconds ?? Number.NaN,
    });
  }
  return figures;
}

export function printScaling(figures: readonly ScalingFigures[], runs: number): void {
  console.log(
    `Scaling: one file of each shape at two sizes, whole processes, in turn, median of ${runs} runs\n`,
  );
  const header = ['shape', 'members', 'CPU s', 'twice the members', 'CPU s', 'growth'];
  const body = figures.map((figure) => [
    figure.shape,
    figure.members,
    fixed(figure.cpuSeconds, 2),
    2 * figure.members,
    fixed(figure.doubledCpuSeconds, 2),
    `${fixed(figure.doubledCpuSeconds / figure.cpuSeconds, 2)}×`,
  ]);
  console.log(`${textTable(header, body, { rightAligned: [1, 2, 3, 4, 5] })}\n`);
  console.log(
    'Start-up is in every figure, so work in proportion to the file shows as a growth under 2×; the square of it as near 4×.\n',
  );
}
