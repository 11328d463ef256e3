// Every `sanwu` command, loaded on demand so a quick command does not load the report writers.
import type { Command } from '../command';

export const COMMANDS: Record<string, () => Promise<{ default: Command }>> = {
  init: () => import('./init'),
  demo: () => import('./demo'),
  template: () => import('./template'),
  import: () => import('./import'),
  file: () => import('./file'),
  list: () => import('./list'),
  audit: () => import('./audit'),
  attest: () => import('./attest'),
  check: () => import('./check'),
  report: () => import('./report'),
  backup: () => import('./backup'),
  restore: () => import('./restore'),
  serve: () => import('./serve'),
  user: () => import('./user'),
  appraisal: () => import('./appraisal'),
  destroy: () => import('./destroy'),
  hold: () => import('./hold'),
  transfer: () => import('./transfer'),
  lend: () => import('./lend'),
  yearbook: () => import('./yearbook'),
  receive: () => import('./receive'),
  summary: () => import('./summary'),
};
