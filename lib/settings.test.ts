import { describe, expect, it } from 'vitest';
import { completeSettings, DEFAULT_SETTINGS, mergeSettings, mosaicOrigin, recordLink } from './settings';

describe('settings', () => {
  it('fills in what is missing or unusable with the defaults of rules.md', () => {
    expect(completeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(completeSettings({ dueSoonDays: 'soon', maxAgreementMonths: 0, role: 'admin', recordAddress: 'http://x/{id}' })).toEqual(DEFAULT_SETTINGS);
    expect(completeSettings({ dueSoonDays: 21, mosaicAddresses: ['mosaic.example.gov.uk', 'https://mosaic.example.gov.uk/', 'nonsense'] })).toMatchObject({
      dueSoonDays: 21,
      mosaicAddresses: ['https://mosaic.example.gov.uk'],
    });
  });

  it('keeps only https Mosaic addresses, as their origin', () => {
    expect(mosaicOrigin('https://mosaic.example.gov.uk/live/home?x=1')).toBe('https://mosaic.example.gov.uk');
    expect(mosaicOrigin('mosaic.example.gov.uk')).toBe('https://mosaic.example.gov.uk');
    expect(mosaicOrigin('http://mosaic.example.gov.uk')).toBeNull();
    expect(mosaicOrigin('localhost')).toBeNull();
    expect(mosaicOrigin('https://user:pw@mosaic.example.gov.uk')).toBeNull();
  });

  it('lets the organisation’s policy win, and says which settings it set', () => {
    const { settings, managed } = mergeSettings(
      { dueSoonDays: 7, role: 'manager', reminders: false },
      { dueSoonDays: 21, mosaicAddresses: ['https://mosaic.example.gov.uk'], retentionDays: 'forever' },
    );
    expect(settings).toMatchObject({ dueSoonDays: 21, role: 'manager', reminders: false, mosaicAddresses: ['https://mosaic.example.gov.uk'], retentionDays: 90 });
    expect([...managed].sort()).toEqual(['dueSoonDays', 'mosaicAddresses']);
  });

  it('offers to fit forms in the page unless told not to, reading a damaged value as the default', () => {
    expect(DEFAULT_SETTINGS.allowFitting).toBe(true);
    expect(completeSettings({}).allowFitting).toBe(true);
    expect(completeSettings({ allowFitting: false }).allowFitting).toBe(false);
    for (const damaged of ['false', 0, 1, null, {}, []]) expect(completeSettings({ allowFitting: damaged }).allowFitting).toBe(true);
  });

  it('lets a policy switch fitting off or on, whatever the user chose, and locks it', () => {
    const off = mergeSettings({ allowFitting: true }, { allowFitting: false });
    expect(off.settings.allowFitting).toBe(false);
    expect([...off.managed]).toEqual(['allowFitting']);

    const on = mergeSettings({ allowFitting: false }, { allowFitting: true });
    expect(on.settings.allowFitting).toBe(true);
    expect([...on.managed]).toEqual(['allowFitting']);

    // A policy value that is not true or false is ignored: the user's choice stays, unlocked.
    const damaged = mergeSettings({ allowFitting: false }, { allowFitting: 'no' });
    expect(damaged.settings.allowFitting).toBe(false);
    expect(damaged.managed.size).toBe(0);

    const unset = mergeSettings({ allowFitting: false }, { dueSoonDays: 21 });
    expect(unset.settings.allowFitting).toBe(false);
    expect(unset.managed.has('allowFitting')).toBe(false);
  });

  it('links a person ID to the record address', () => {
    expect(recordLink({ ...DEFAULT_SETTINGS, recordAddress: 'https://mosaic.example.gov.uk/person/{id}' }, '1234567')).toBe('https://mosaic.example.gov.uk/person/1234567');
    expect(recordLink(DEFAULT_SETTINGS, '1234567')).toBeNull();
  });
});
