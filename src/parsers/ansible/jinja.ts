/** Jinja2, and the `${var}` form that old playbooks still use. */
const TEMPLATE = /\{\{|\{%|\$\{[\w.]+\}/;

/** Whether Ansible computes the text when it runs rather than taking it as written. */
export const isJinja = (text: string): boolean => TEMPLATE.test(text);
