import { runCliProcess } from './processRun';

void runCliProcess(process.argv.slice(2)).then((code) => process.exit(code));
