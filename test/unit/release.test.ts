/** The release check that npm run zip runs first (scripts/check-release.ts). */
import { describe, expect, it } from 'vitest';
import { releaseProblems } from '../../scripts/check-release';

const CHANGELOG = '# Changelog\n\n## Unreleased\n\n## 0.2.0 (7 December 2026)\n\n- Something.\n\n## 0.1.0\n';

describe('the release check', () => {
  it('lets a version go with an https home page and its changelog section', () => {
    expect(releaseProblems({ version: '0.2.0', homepage: 'https://example.gov.uk/monitoring-guard', changelog: CHANGELOG })).toEqual([]);
  });

  it('stops a release without a home page, or with one that is not https', () => {
    for (const homepage of [undefined, '', 'http://example.gov.uk', 'monitoring guard']) {
      expect(releaseProblems({ version: '0.2.0', homepage, changelog: CHANGELOG }).join()).toContain('Set "homepage" in package.json');
    }
  });

  it('stops a release whose version the changelog does not describe', () => {
    const problems = releaseProblems({ version: '0.3.0', homepage: 'https://example.gov.uk', changelog: CHANGELOG });
    expect(problems).toEqual(['Add a "## 0.3.0" section to CHANGELOG.md saying what this version changed (move the Unreleased entries under it, with the date).']);
    // 0.1.0 is not taken for 0.1.00 or 0.10.0.
    expect(releaseProblems({ version: '0.10.0', homepage: 'https://example.gov.uk', changelog: CHANGELOG })).toHaveLength(1);
  });
});
