/**
 * `npm test`: type-check, lint, unit tests (Node) and browser tests (Chromium), in that
 * order, then one plain summary line `N passed, N failed` (the CI reads that line).
 * Type-check and lint count as one test each.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

let passed = 0;
let failed = 0;

function run(label: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  return result.status === 0;
}

function gate(label: string, command: string, args: string[]) {
  if (run(label, command, args)) passed++;
  else {
    failed++;
    console.log(`✖ ${label} failed`);
  }
}

function vitest(project: string) {
  mkdirSync('test-artifacts', { recursive: true });
  const report = `test-artifacts/${project}-results.json`;
  rmSync(report, { force: true });
  const ok = run(`${project} tests`, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${report}`]);
  if (!existsSync(report)) {
    failed++;
    console.log(`✖ ${project} tests did not produce a report`);
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTests: number; success: boolean };
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  // A suite that failed to load (e.g. no Chromium) has no failed tests but is a failure.
  if (!ok && json.numFailedTests === 0) failed++;
  if (json.numTotalTests === 0) {
    failed++;
    console.log(`✖ ${project} tests ran no test`);
  }
}

gate('type-check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
gate('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
vitest('unit');
vitest('browser');

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
