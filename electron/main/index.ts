/** Entry of the desktop main process (built to out/main/index.cjs). */
import { runMainProcess } from './mainProcess';

runMainProcess().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
