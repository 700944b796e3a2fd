/**
 * `npm run ledger -- <command> …`: the backend for scripting and batch work.
 * Exit codes: 0 success, 1 refused input, 2 usage error.
 */
import { parseArgs } from 'node:util';
import { BackendCallError } from '../callError';
import { terminalText } from '../../../shared/values/textSafety';
import { storageFailure } from '../store/storageErrors';
import { type CliIO, UsageError } from './command';
import { COMMANDS } from './commands';

const NPM_INVOCATION = 'npm run ledger --';

function helpText(invocation: string): string {
  return [`用法：${invocation} <命令> [参数] [--json]`, '', '命令：', ...COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`)].join('\n');
}

export interface CliRunIO extends Omit<CliIO, 'json'> {
  /** How the CLI was started, for usage messages: `npm run ledger --` or the installed app's `… --cli`. */
  invocation?: string;
}

export async function runCli(argv: string[], given: CliRunIO): Promise<number> {
  // Unit names and the names of files given come from others: printed as text, they carry no terminal escapes (JSON escapes them itself).
  const io: CliRunIO = { ...given, print: (t) => given.print(terminalText(t)), error: (t) => given.error(terminalText(t)) };
  const invocation = io.invocation ?? NPM_INVOCATION;
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.print(helpText(invocation));
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.error(`未知命令：${name}\n\n${helpText(invocation)}`);
    return 2;
  }
  let json = false;
  try {
    const parsed = parseArgs({
      args: rest,
      options: { ...command.options, json: { type: 'boolean' } },
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
    json = parsed.values.json === true;
    return await command.run(parsed, { ...io, json });
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.error(`参数错误：${(e as Error).message}\n用法：${invocation} ${command.usage}`);
      return 2;
    }
    // The data file busy past the wait, a full disk, a read-only file: said in Chinese, exit 1 like refused input.
    const refusal = e instanceof BackendCallError ? e : storageFailure(e);
    if (refusal) {
      if (json) io.printJson({ ok: false, error: { code: refusal.code, message: refusal.message } });
      else io.error(`未执行：${refusal.message}`);
      return 1;
    }
    throw e;
  }
}
