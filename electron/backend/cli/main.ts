import { runCli } from './run';

// process.exitCode, not process.exit(): exit() ends the process before a piped
// stdout has drained, cutting `merge --json | reader` at the pipe's 64 KiB.
runCli(process.argv.slice(2), {
  print: (t) => process.stdout.write(`${t}\n`),
  printJson: (v) => process.stdout.write(`${JSON.stringify(v, null, 2)}\n`),
  error: (t) => process.stderr.write(`${t}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`内部错误：${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
