import { runCliProcess } from './processRun';

// process.exitCode, not process.exit(): exit() ends the process before a piped
// stdout has drained, cutting `merge --json | reader` at the pipe's 64 KiB.
void runCliProcess(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
