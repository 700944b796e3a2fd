import { ensureWorkbookFolder } from './benchWorkbooks';
console.log((await ensureWorkbookFolder(Number(process.argv[2]))).line);
