import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const granted = new Set<string>();
  let registered: Array<{ id: string; matches: string[] }> = [];
  return {
    granted,
    get registered() {
      return registered;
    },
    reset() {
      granted.clear();
      registered = [];
    },
    browser: {
      permissions: { contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((origin) => granted.has(origin))) },
      scripting: {
        getRegisteredContentScripts: vi.fn(async () => registered.map((script) => ({ ...script }))),
        registerContentScripts: vi.fn(async (scripts: Array<{ id: string; matches: string[] }>) => {
          registered = [...registered, ...scripts];
        }),
        unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
          registered = registered.filter((script) => !ids.includes(script.id));
        }),
      },
    },
  };
});
vi.mock('wxt/browser', () => ({ browser: fake.browser }));

import { builtInProfiles } from '../forms/profiles';
import { syncContentScripts } from './hosts';
import { activeProfiles } from './profiles';
import { usableProfiles } from './usable-profiles';

beforeEach(() => fake.reset());

describe('the guard on Mosaic addresses', () => {
  it('runs only where the user allowed it, in all frames, and stops where they took it back', async () => {
    fake.granted.add('https://mosaic.example.gov.uk/*');
    const first = await syncContentScripts(['https://mosaic.example.gov.uk', 'https://mosaic.other.gov.uk']);
    expect(first).toEqual({ active: ['https://mosaic.example.gov.uk'], awaitingPermission: ['https://mosaic.other.gov.uk'] });
    expect(fake.registered).toEqual([
      expect.objectContaining({ id: 'mosaic-https://mosaic.example.gov.uk', matches: ['https://mosaic.example.gov.uk/*'], allFrames: true, js: ['first-stage.js'] }),
    ]);
    // Again: nothing registered twice.
    await syncContentScripts(['https://mosaic.example.gov.uk']);
    expect(fake.registered).toHaveLength(1);
    fake.granted.clear();
    await syncContentScripts(['https://mosaic.example.gov.uk']);
    expect(fake.registered).toEqual([]);
  });
});

describe('profiles in use', () => {
  const council = { ...builtInProfiles[1]!, id: 'acme-agreement', title: 'Online safety agreement' };
  it('puts the organisation’s and the user’s profiles before the built-in ones', () => {
    const active = activeProfiles([council], []);
    expect(active.errors).toEqual([]);
    expect(active.profiles.map((profile) => profile.id)).toEqual(['acme-agreement', 'reference-decision', 'reference-agreement', 'reference-review']);
  });

  it('uses no broken profile, says why, and still uses the others', () => {
    const active = activeProfiles([], [{ ...council, kind: 'contract' }]);
    expect(active.profiles).toEqual(builtInProfiles);
    expect(active.errors).toEqual(['Profiles set by your organisation: kind: must be one of "decision", "agreement", "review"']);
    const renamed = { ...council, id: 'acme-old', questions: [{ name: 'startDate', type: 'date', label: 'Start' }] };
    const mixed = activeProfiles([renamed, council], []);
    expect(mixed.profiles.map((profile) => profile.id)).toEqual(['acme-agreement', 'reference-decision', 'reference-agreement', 'reference-review']);
    expect(mixed.errors).toEqual([
      'Imported profiles, profile 1: questions 1 (startDate) name: "startDate" is not a question of the written agreement (its questions are listed in the form-profile guide)',
    ]);
  });

  it('lets a content script fall back to the built-in profiles on anything odd', () => {
    expect(usableProfiles(undefined)).toBe(builtInProfiles);
    expect(usableProfiles([{ id: 1 }])).toBe(builtInProfiles);
    expect(usableProfiles([council])).toEqual([council]);
  });
});
