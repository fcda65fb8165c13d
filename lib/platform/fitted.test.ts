import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings';
import { guardRunsOn } from './fit-target';
import { withFittedProfile } from './profiles';

const fitted = {
  id: 'fitted-agreement-acme',
  kind: 'agreement',
  title: 'Acme agreement',
  questions: [{ name: 'agreementStartDate', type: 'date', label: 'Start' }],
};

describe('a fitted profile kept with the user\'s profiles', () => {
  it('goes first, in place of one with its id', () => {
    const older = { ...fitted, title: 'Acme agreement (old)' };
    const other = { ...fitted, id: 'acme-review', kind: 'review', title: 'Acme review' };
    expect(withFittedProfile([older, other], [], fitted)).toEqual({ ok: true, profiles: [fitted, other] });
  });

  it('is checked as an import is, and refused with each problem', () => {
    const renamed = { ...fitted, questions: [{ name: 'startDate', type: 'date', label: 'Start' }] };
    const result = withFittedProfile([], [], renamed);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(/"startDate" is not a question of the written agreement/);
  });

  it('is refused when the organisation set a profile with its id', () => {
    const result = withFittedProfile([], [{ ...fitted }], fitted);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(/your organisation set a profile with the id "fitted-agreement-acme"/);
  });
});

describe('where the popup offers fitting', () => {
  const settings = { ...DEFAULT_SETTINGS, mosaicAddresses: ['https://mosaic.example.gov.uk'] };
  it('is a Mosaic address of the settings, or an address the content scripts match', () => {
    expect(guardRunsOn('https://mosaic.example.gov.uk/web/step?id=1', settings, [])).toBe(true);
    expect(guardRunsOn('https://mosaic.example.gov.uk.evil.test/', settings, [])).toBe(false);
    expect(guardRunsOn('http://localhost:4321/fitting/review-own-title.html', settings, ['http://localhost/*'])).toBe(true);
    expect(guardRunsOn('https://example.org/', settings, ['http://localhost/*'])).toBe(false);
    expect(guardRunsOn('not a url', settings, ['*://*/*'])).toBe(false);
  });
});
