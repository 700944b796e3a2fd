/**
 * The command line run as a process: the same output streams, messages and
 * exit codes whether it is started by `npm run ledger` (Node) or by the
 * installed app's `--cli` switch (Electron's main process).
 */
import { runCli } from './run';

/**
 * Runs the CLI on argv, writing to this process's stdout/stderr; resolves
 * to the exit code once everything written has been flushed.
 * `invocation` is how the user started it, shown in usage messages.
 */
export async function runCliProcess(argv: string[], invocation?: string): Promise<number> {
  let code: number;
  try {
    code = await runCli(argv, {
      invocation,
      print: (t) => process.stdout.write(`${t}\n`),
      printJson: (v) => process.stdout.write(`${JSON.stringify(v, null, 2)}\n`),
      error: (t) => process.stderr.write(`${t}\n`),
    });
  } catch (e) {
    process.stderr.write(`内部错误：${(e as Error).stack ?? String(e)}\n`);
    code = 1;
  }
  // A pipe's writes are asynchronous: exiting at once could cut the output off.
  await Promise.all([process.stdout, process.stderr].map((s) => new Promise<void>((resolve) => s.write('', () => resolve()))));
  return code;
}
