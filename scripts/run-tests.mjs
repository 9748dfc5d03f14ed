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

const report = '.vitest-results.json';
rmSync(report, { force: true });
const status = run(npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)]);
if (!existsSync(report)) {
  console.log('\n0 passed, 1 failed (vitest wrote no report)');
  process.exit(1);
}
const r = JSON.parse(readFileSync(report, 'utf8'));
const e2e = r.testResults.filter((f) => f.name.includes('/test/e2e/')).flatMap((f) => f.assertionResults);
const e2ePassed = e2e.filter((a) => a.status === 'passed').length;
let failed = r.numFailedTests + (r.numFailedTestSuites ?? 0);
if (ci && (e2e.length === 0 || e2ePassed === 0 || e2e.some((a) => a.status !== 'passed'))) {
  console.error(`\n!!! CI=true and the browser tests did not all run and pass (${e2ePassed}/${e2e.length} passed).`);
  failed += 1;
}
console.log(`\nTest suite took ${((Date.now() - t0) / 1000).toFixed(0)} s; browser (e2e) tests: ${e2ePassed}/${e2e.length} passed.`);
console.log(`${r.numPassedTests} passed, ${failed} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
process.exit(status !== 0 || failed > 0 ? 1 : 0);
