import { config } from 'zod/v4/core';
import { runCliProcess } from './processRun';

// A command parses each schema once or a few times: compiling zod's fast paths (new Function per object schema)
// costs more than it saves, about a quarter of reading the templates at start-up. zod's core alone: the schemas
// load with the commands that use them.
config({ jitless: true });

// process.exitCode, not process.exit(): exit() ends the process before a piped
// stdout has drained, cutting `merge --json | reader` at the pipe's 64 KiB.
void runCliProcess(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
