/** Ends a vitest run with one plain line, "unit: 115 passed, 0 failed", that CI logs can count. */
import type { Reporter, TestModule } from 'vitest/node';
import { addFigures, reliabilityLine, type ReliabilityFigures } from './reliability';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const projects = new Set<string>();
    const figures: ReliabilityFigures[] = [];
    for (const module of testModules) {
      projects.add(module.project.name || 'tests');
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        const reliability = (test.meta() as { reliability?: ReliabilityFigures }).reliability;
        if (reliability) figures.push(reliability);
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (module.state() === 'failed' && module.children.size === 0) failed++;
    }
    const name = projects.size === 1 ? [...projects][0] : 'tests';
    console.log(`\n${name}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
    if (figures.length > 0) console.log(`${name} ${reliabilityLine(addFigures(figures))}`);
  }
}
