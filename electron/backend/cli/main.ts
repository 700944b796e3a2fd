import { runCli } from './run';

runCli(process.argv.slice(2), {
  print: (t) => process.stdout.write(`${t}\n`),
  printJson: (v) => process.stdout.write(`${JSON.stringify(v, null, 2)}\n`),
  error: (t) => process.stderr.write(`${t}\n`),
}).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`内部错误：${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  },
);
