/** Every CLI command; later features add theirs here. */
import type { CliCommand } from '../command';
import { initCommand } from './init';
import { getCommand, setCommand, templatesCommand } from './values';
import { exportCommand } from './export';
import { mergeCommand } from './merge';

export const COMMANDS: CliCommand[] = [initCommand, setCommand, getCommand, templatesCommand, exportCommand, mergeCommand];
