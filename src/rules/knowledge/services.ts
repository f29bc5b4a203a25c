/**
 * How each language says "this service is stopped, disabled or masked".
 */
import type { Language } from '../../model/model.js';

export interface ServiceStopping {
  /** attributes holding the service's name, in order of preference */
  name: readonly string[];
  /** attribute → literal values that stop or disable the service */
  stoppedWhen: Readonly<Record<string, readonly string[]>>;
}

export const SERVICE_STOPPING: Partial<Record<Language, ServiceStopping>> = {
  ansible: {
    name: ['name'],
    stoppedWhen: { state: ['stopped'], enabled: ['false', 'no'], masked: ['true', 'yes'] },
  },
  puppet: {
    name: ['name', 'title'],
    stoppedWhen: { ensure: ['stopped', 'false'], enable: ['false', 'mask'] },
  },
  chef: { name: ['service_name', 'name'], stoppedWhen: { action: ['stop', 'disable', 'mask'] } },
};

/** Where each language sets the SELinux mode: a type (and for Puppet classes, its title) and the attribute. */
export const SELINUX_MODE: Partial<
  Record<Language, ReadonlyArray<{ type: string; title?: string; attribute: string }>>
> = {
  ansible: [{ type: 'selinux', attribute: 'state' }],
  puppet: [
    { type: 'class', title: 'selinux', attribute: 'mode' },
    { type: 'selinux', attribute: 'mode' },
    // augeasproviders_shellvar writing `SELINUX=` in /etc/selinux/config
    { type: 'shellvar', title: 'SELINUX', attribute: 'value' },
  ],
  chef: [{ type: 'selinux_state', attribute: 'action' }],
};

/** SELinux modes that stop enforcing. */
export const SELINUX_OFF = new Set(['disabled', 'permissive']);
