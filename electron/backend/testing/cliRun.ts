/** Runs the command line in this process, capturing what it prints, for CLI tests. */
import { runCli } from '../cli/run';

export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { print: (t) => out.push(t), printJson: (v) => out.push(JSON.stringify(v)), error: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
