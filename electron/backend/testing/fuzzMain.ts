/** `npm run fuzz -- <count> [seed]`: a longer fuzz campaign than the suite's (testing/fuzz.ts); exit 1 on any failure. */
import { runFuzz } from './fuzz';
import { tempBackend } from './tempBackend';

const count = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? Date.now() % 100000);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
  process.stderr.write('用法：npm run fuzz -- <个数> [种子]\n');
  process.exitCode = 2;
} else {
  const b = await tempBackend({ role: 'aggregator' });
  const started = performance.now();
  try {
    const { failures, statuses } = await runFuzz(b, {
      seed,
      count,
      onProgress: (n) => {
        if (n % 250 === 0) process.stdout.write(`  ${n}/${count}\n`);
      },
    });
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(`fuzz: ${count} mutants, seed ${seed}, ${secs} s; outcomes ${JSON.stringify(statuses)}; failures ${failures.length}\n`);
    for (const f of failures) process.stdout.write(`  #${f.index} [${f.kind}] ${f.why}\n`);
    process.exitCode = failures.length ? 1 : 0;
  } finally {
    b.dispose();
  }
}
