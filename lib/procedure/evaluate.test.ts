/** One rule that fails is reported as an error of its own, never as met, and the others carry on. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FORM_KINDS } from '../forms/profile';
import { DEFAULT_SETTINGS } from '../settings';
import { COMPLETE, snapshotFor } from '../../test/support/snapshots';
import { recordReliability } from '../../test/support/reliability';
import { evaluate } from './evaluate';
import { rulesFor } from './registry';

const context = { today: '2026-11-25', settings: DEFAULT_SETTINGS, trackedReviewDue: null };

afterEach(() => vi.restoreAllMocks());

describe('a rule that fails', () => {
  for (const kind of FORM_KINDS) {
    it(`is contained, on every ${kind} rule and every part of a rule`, ({ task }) => {
      const snapshot = snapshotFor(kind, COMPLETE[kind]);
      const baseline = evaluate(snapshot, context);
      let faults = 0;
      for (const rule of rulesFor(kind)) {
        const applied = baseline.results.find((item) => item.rule === rule)!.applies;
        for (const part of ['check', 'needs', 'applies'] as const) {
          if (part === 'applies' && !rule.applies) continue;
          // A rule that does not apply to these answers is never asked what it needs or finds.
          if (part !== 'applies' && !applied) continue;
          vi.spyOn(rule, part).mockImplementation(() => {
            throw new Error('broken');
          });
          const result = evaluate(snapshot, context);
          vi.restoreAllMocks();
          faults++;
          const own = result.gaps.filter((gap) => gap.rule === rule.id);
          expect(own).toEqual([
            {
              rule: rule.id,
              severity: 'error',
              kind: 'failed',
              fields: [],
              message: 'This check could not be completed (broken): check this part of the form yourself',
            },
          ]);
          expect(result.results.find((item) => item.rule === rule)!.applies).toBe(true);
          // Every other rule says what it said before.
          expect(result.gaps.filter((gap) => gap.rule !== rule.id)).toEqual(baseline.gaps.filter((gap) => gap.rule !== rule.id));
        }
      }
      recordReliability(task, { faults: { 'a rule that throws': faults } });
    });
  }
});
