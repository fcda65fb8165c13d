/** Export of the tracker: CSV for a spreadsheet, JSON as a full backup (read back by ./transfer.ts). */
import type { IsoDate } from '../dates';
import { lastReview } from './due';
import type { TrackedAgreement } from './model';
import { rowsFor } from './store';

export const EXPORT_FORMAT = 'monitoring-guard-tracker';
/** Version 2 adds the gaps each form had when it was saved, finished or viewed. */
export const EXPORT_VERSION = 2;

export function exportJson(agreements: readonly TrackedAgreement[], now = new Date()): string {
  const sorted = [...agreements].sort((a, b) => a.key.localeCompare(b.key));
  return JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), agreements: sorted }, null, 2);
}

export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  // A spreadsheet must never read a cell as a formula.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function exportCsv(agreements: readonly TrackedAgreement[], today: IsoDate, dueSoonDays: number): string {
  const header = [
    'Person ID', 'Agreement start', 'Agreement end', 'First review date', 'Review frequency', 'Next review due', 'Status',
    'Last review held', 'Last review outcome', 'Reviews held', 'Added from', 'Last updated',
  ];
  const lines = rowsFor(agreements, today, dueSoonDays)
    .sort((a, b) => a.due.localeCompare(b.due) || a.agreement.key.localeCompare(b.agreement.key))
    .map(({ agreement, due, status }) => {
      const last = lastReview(agreement.reviews);
      return [
        agreement.personId, agreement.startDate, agreement.endDate, agreement.firstReviewDate, agreement.frequency, due, status,
        last?.date ?? null, last?.outcome ?? null, agreement.reviews.length, agreement.source, agreement.updatedAt,
      ].map(csvCell).join(',');
    });
  return [header.map(csvCell).join(','), ...lines].join('\r\n') + '\r\n';
}

