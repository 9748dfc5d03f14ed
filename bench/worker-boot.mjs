// Node 20 worker_threads cannot load .ts directly (even with --import tsx): register tsx's ESM
// loader inside the worker, then load the TypeScript worker module.
import { register } from 'tsx/esm/api';

register();
await import('./pool-worker.ts');
