/**
 * File modes as tasks and resources write them: octal (`'0644'`, `0644`, `0o644`, Puppet's `'644'`) and
 * symbolic (`u=rw,g=r,o=r`, `o+w`). What a mode gets wrong everywhere (world-writable, a decimal
 * number) and which permission bits it certainly grants, for rules that judge a mode by the
 * file it is set on.
 */
import type { Value } from '../../model/model.js';

export const OTHER_READ = 0o004;
export const OTHER_WRITE = 0o002;
export const GROUP_READ = 0o040;
export const GROUP_WRITE = 0o020;
const STICKY = 0o1000;
const OCTAL_MODE = /^0?[0-7]{3,4}$/;
/** `o+w`, `a+rwx`, `ugo=rwx`, `+w` (all, less the umask): a clause that lets others write. */
const SYMBOLIC_WORLD_WRITE = /(^|,)[ugo]*[ao][ugo]*[+=][rwxXst]*w|(^|,)[+=][rwxXst]*w/;
/** One clause of a symbolic mode: who, then one or more operations. */
const SYMBOLIC_CLAUSE = /^([ugoa]*)((?:[-+=][rwxXst]*)+)$/;

/**
 * A mode written as a decimal number that cannot pass for octal (`438`, which is 0666): the
 * number is the mode. Undefined for anything else.
 */
function decimalMode(value: Value): number | undefined {
  return value.kind === 'number' && /^[1-9]\d*$/.test(value.text) && /[89]/.test(value.text)
    ? Number(value.text)
    : undefined;
}

export type ModeProblem =
  | { kind: 'world-writable'; mode: number }
  | { kind: 'symbolic-world-writable' }
  | { kind: 'decimal-mode'; written: string };

/**
 * The mode as written, without the quotes around it, and with Ruby's and Python's octal prefix
 * `0o` written as a leading zero: Chef reads `0o755` as octal, and so does Ansible's file module
 * (`int('0o755', 8)`).
 */
function writtenMode(value: Value): string {
  return value.text.replace(/^['"]|['"]$/g, '').replace(/^0[oO](?=[0-7]+$)/, '0');
}

/**
 * What is wrong with a mode wherever it is set: it lets every user write, or it is a number
 * read as decimal. Ansible reads an unquoted `644` as the decimal number 644, which is mode
 * 01204, not 0644; an unquoted `0644` is octal in YAML 1.1 and fine.
 */
export function modeProblem(value: Value): ModeProblem | undefined {
  if (value.dynamic) return undefined;
  const written = writtenMode(value);
  if (value.kind === 'number' && !value.text.startsWith('0') && /^[0-7]{3,4}$/.test(value.text)) {
    return { kind: 'decimal-mode', written: value.text };
  }
  const decimal = decimalMode(value);
  if (decimal !== undefined)
    return decimal & OTHER_WRITE && !(decimal & STICKY)
      ? { kind: 'world-writable', mode: decimal }
      : undefined;
  if (OCTAL_MODE.test(written)) {
    const mode = Number.parseInt(written, 8);
    if (mode & OTHER_WRITE && !(mode & STICKY)) return { kind: 'world-writable', mode };
    return undefined;
  }
  if (value.kind === 'string' && SYMBOLIC_WORLD_WRITE.test(written))
    return { kind: 'symbolic-world-writable' };
  return undefined;
}

const CLASS_SHIFT: Readonly<Record<string, readonly number[]>> = {
  u: [6],
  g: [3],
  o: [0],
  a: [6, 3, 0],
};
const PERMISSION_BITS: Readonly<Record<string, number>> = { r: 4, w: 2, x: 1 };

/**
 * The read, write and execute bits a mode certainly grants: all of an octal mode's; for a
 * symbolic mode, what its `=` and `+` clauses give and a later `-` does not take back (a
 * symbolic mode changes the file's current mode, so nothing more is known). Undefined for a
 * computed value or anything that is not a mode (`preserve`).
 */
export function grantedBits(value: Value): number | undefined {
  if (value.dynamic) return undefined;
  if (value.kind !== 'string' && value.kind !== 'number') return undefined;
  const written = writtenMode(value).trim();
  if (OCTAL_MODE.test(written)) return Number.parseInt(written, 8) & 0o777;
  const decimal = decimalMode(value);
  if (decimal !== undefined) return decimal & 0o777;
  if (value.kind !== 'string' || written === '') return undefined;
  let granted = 0;
  for (const clause of written.split(',')) {
    const match = SYMBOLIC_CLAUSE.exec(clause.trim());
    if (!match) return undefined;
    const shifts = [...(match[1] || 'a')].flatMap((who) => CLASS_SHIFT[who] ?? []);
    for (const operation of (match[2] ?? '').match(/[-+=][rwxXst]*/g) ?? []) {
      const bits = [...operation.slice(1)].reduce(
        (sum, permission) => sum | (PERMISSION_BITS[permission] ?? 0),
        0,
      );
      for (const shift of shifts) {
        if (operation[0] === '=') granted = (granted & ~(0o7 << shift)) | (bits << shift);
        else if (operation[0] === '+') granted |= bits << shift;
        else granted &= ~(bits << shift);
      }
    }
  }
  return granted;
}

export const SETUID = 0o4000;
export const SETGID = 0o2000;
/** `u+s`, `+s`, `ug=rwxs`: a clause that gives the owner's setuid bit (who `u`, `a` or none). */
const SYMBOLIC_SETUID = /(^|,)([ugoa]*[ua][ugoa]*|)[+=][rwxXt]*s/;
/** `g+s`, `+s`, `ug+s`: a clause that gives the group's setgid bit. */
const SYMBOLIC_SETGID = /(^|,)([ugoa]*[ga][ugoa]*|)[+=][rwxXt]*s/;

/**
 * The setuid and setgid bits a literal mode certainly sets: from a four-digit octal mode
 * (`'4755'`, `02755`) or a symbolic clause that adds `s` (`u+s`, `g+s`). 0 for anything else.
 */
export function specialBits(value: Value): number {
  if (value.dynamic) return 0;
  if (value.kind !== 'string' && value.kind !== 'number') return 0;
  const written = writtenMode(value).trim();
  if (/^0?[0-7]{4}$/.test(written)) return Number.parseInt(written, 8) & (SETUID | SETGID);
  if (value.kind !== 'string') return 0;
  return (
    (SYMBOLIC_SETUID.test(written) ? SETUID : 0) | (SYMBOLIC_SETGID.test(written) ? SETGID : 0)
  );
}
