#!/usr/bin/env node
// Runs the TypeScript CLI directly (Node 20 cannot load .ts itself): tsx registers the loader.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
