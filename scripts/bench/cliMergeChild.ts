/** Child of cli-merge-memory.bench.ts: one CLI merge in a fresh process, then its peak memory on stderr. */
import { runCli } from '../../electron/backend/cli/run';

const code = await runCli(process.argv.slice(2), { print: () => {}, printJson: () => {}, error: (t) => process.stderr.write(`${t}\n`) });
process.stderr.write(`MAXRSS ${process.resourceUsage().maxRSS} ${code}\n`);
