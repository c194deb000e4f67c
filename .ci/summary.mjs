// Prints the one line CI reads, from vitest's JSON reporter output.
import { readFileSync } from 'node:fs';
const file = process.argv[2] ?? '.ci/out/vitest.json';
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.log(`could not read ${file}: ${error.message}`);
  console.log('0 passed, 1 failed');
  process.exit(0);
}
// A test file that fails to load has no assertions but must still count as a failure.
const brokenFiles = (report.testResults ?? []).filter(
  (r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0,
).length;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
const failed = report.numFailedTests + brokenFiles;
console.log(`${report.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
