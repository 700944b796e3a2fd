/** Every CLI command; each feature adds its own line. */
import type { CliCommand } from '../command';
import { initCommand } from './init';
import { getCommand, setCommand, templatesCommand } from './values';
import { reportCommand } from './report';
import { demoCommand } from './demo';
import { exportCommand } from './export';
import { mergeCommand } from './merge';
import { keysCommand } from './keys';

export const COMMANDS: CliCommand[] = [
  initCommand,
  setCommand,
  getCommand,
  templatesCommand,
  reportCommand,
  demoCommand,
  exportCommand,
  mergeCommand,
  keysCommand,
];
