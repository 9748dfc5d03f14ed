#!/usr/bin/env node
// `npm test`: typecheck → production build (the e2e tests serve dist/) → Vitest (unit + e2e in
// headless Chromium). Prints the closing line "N passed, N failed, N skipped" from Vitest's JSON
// report, and fails when the browser tests did not run while CI=true.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const ci = process.env.CI === 'true';
const run = (cmd, args) => {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit', shell: false }).status ?? 1;
};
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const t0 = Date.now();

if (run(npx, ['tsc', '--noEmit', '-p', '.']) !== 0 || run(npx, ['tsc', '--noEmit', '-p', 'src/core']) !== 0) {
  console.log('\n0 passed, 1 failed (typecheck)');
  process.exit(1);
}
if (run(npx, ['vite', 'build', '--logLevel', 'warn']) !== 0) {
  console.log('\n0 passed, 1 failed (build)');
  process.exit(1);
}
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`\n!!! ${chromium} not found: the browser tests will be SKIPPED. Install: apt-get install -y chromium fonts-wqy-microhei\n`);
}

// Unit tests first, then the browser tests on their own: on 2 cores, running both at once makes
// the browser tests compete with DuckDB and CLI processes for the CPU.
const extra = process.argv.slice(2);
const reports = [];
let status = 0;
for (const project of ['unit', 'e2e']) {
  const report = `.vitest-results-${project}.json`;
  rmSync(report, { force: true });
  status |= run(npx, ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra]);
  if (!existsSync(report)) {
    console.log(`\n0 passed, 1 failed (vitest wrote no ${project} report)`);
    process.exit(1);
  }
  reports.push(JSON.parse(readFileSync(report, 'utf8')));
}
const files = reports.flatMap((r) => r.testResults);
const tests = files.flatMap((f) => f.assertionResults);
const count = (s) => tests.filter((a) => a.status === s).length;
// A file that failed to load has no test results of its own: count it as one failure.
let failed = count('failed') + files.filter((f) => f.status === 'failed' && f.assertionResults.every((a) => a.status !== 'failed')).length;
const e2e = files.filter((f) => f.name.includes('/test/e2e/')).flatMap((f) => f.assertionResults);
const e2ePassed = e2e.filter((a) => a.status === 'passed').length;
if (ci && (e2e.length === 0 || e2ePassed === 0 || e2e.some((a) => a.status !== 'passed'))) {
  console.error(`\n!!! CI=true and the browser tests did not all run and pass (${e2ePassed}/${e2e.length} passed).`);
  failed += 1;
}
console.log(`\nTest suite took ${((Date.now() - t0) / 1000).toFixed(0)} s; browser (e2e) tests: ${e2ePassed}/${e2e.length} passed.`);
console.log(`${count('passed')} passed, ${failed} failed, ${count('skipped') + count('pending') + count('todo')} skipped`);
process.exit(status !== 0 || failed > 0 ? 1 : 0);
