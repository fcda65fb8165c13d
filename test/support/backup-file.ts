/** A tracker backup on disk, as "Download backup (JSON)" writes it, for the browser tests of the import. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJson } from '../../lib/tracker/export';
import type { TrackedAgreement } from '../../lib/tracker/model';

/** Writes a backup of one monthly agreement per person ID (started 1 September 2026) and gives its path. */
export function writeBackupFile(personIds: readonly string[]): string {
  const now = new Date().toISOString();
  const entry = (personId: string): TrackedAgreement => ({
    key: `${personId}|2026-09-01`, personId, startDate: '2026-09-01', endDate: null, firstReviewDate: '2026-12-01', frequency: 'monthly',
    reviews: [], source: 'manual', createdAt: now, updatedAt: now,
  });
  const file = join(mkdtempSync(join(tmpdir(), 'mg-import-')), 'backup.json');
  writeFileSync(file, exportJson(personIds.map(entry)));
  return file;
}
