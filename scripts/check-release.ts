/**
 * npm run zip runs this first: a version goes to the stores only when the manifest has its home
 * page (homepage_url, from package.json's "homepage") and CHANGELOG.md says what the version changed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface ReleaseFacts {
  version: string;
  homepage: unknown;
  changelog: string;
}

/** What stops a release, each as a sentence that says what to do; empty when it may go. */
export function releaseProblems({ version, homepage, changelog }: ReleaseFacts): string[] {
  const problems: string[] = [];
  if (typeof homepage !== 'string' || !/^https:\/\/[^\s/]+\.[^\s/]+/.test(homepage)) {
    problems.push(
      'Set "homepage" in package.json to the https address where councils find this extension and its documentation (the store listing links to it, as the manifest\'s homepage_url).',
    );
  }
  const escaped = version.replace(/\./g, '\\.');
  if (!new RegExp(`^## ${escaped}\\b`, 'm').test(changelog)) {
    problems.push(`Add a "## ${version}" section to CHANGELOG.md saying what this version changed (move the Unreleased entries under it, with the date).`);
  }
  return problems;
}

if (process.argv[1] === import.meta.filename) {
  const root = resolve(import.meta.dirname, '..');
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string; homepage?: unknown };
  const problems = releaseProblems({ version: pkg.version, homepage: pkg.homepage, changelog: readFileSync(resolve(root, 'CHANGELOG.md'), 'utf8') });
  if (problems.length > 0) {
    console.error(`Version ${pkg.version} cannot be zipped for the stores yet:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
    process.exit(1);
  }
}
