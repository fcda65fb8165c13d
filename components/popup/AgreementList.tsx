import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import type { ListRow as Row } from '../../lib/tracker/summary';
import type { Status } from '../../lib/tracker/model';
import { rowId } from './AgreementRow';
import { STATUS_LABEL, STATUS_ORDER } from './StatusTag';

/** Past this many rows a group shows the first ones and a button for more, so that the popup opens quickly. */
export const ROW_LIMIT = 10;
/** How many more rows the button shows at a time (drawing thousands at once would stall the popup). */
export const MORE_ROWS = 200;

export type Groups = Record<Status, Row[]>;

/** Plain string order: ISO dates and digits need no collation (and it is many times faster on thousands of rows). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byDue(a: Row, b: Row): number {
  return compare(a.entry.due, b.entry.due) || compare(a.entry.personId, b.entry.personId) || compare(a.entry.startDate, b.entry.startDate);
}

/** Rows by status, each group sorted by the next review due date. */
export function groupRows(rows: readonly Row[]): Groups {
  const groups: Groups = { overdue: [], 'due-soon': [], upcoming: [], ended: [] };
  for (const row of rows) groups[row.status].push(row);
  for (const status of STATUS_ORDER) groups[status].sort(byDue);
  return groups;
}

/** What was typed in the search box, as the digits of a person ID ("123 456" finds 123456). */
export function searchTerm(query: string): string {
  return query.replace(/\s+/g, '');
}

/** The groups holding only the rows whose person ID contains the search term. */
export function filterGroups(groups: Groups, term: string): Groups {
  if (term === '') return groups;
  const keep = (rows: Row[]) => rows.filter((row) => row.entry.personId.includes(term));
  return { overdue: keep(groups.overdue), 'due-soon': keep(groups['due-soon']), upcoming: keep(groups.upcoming), ended: keep(groups.ended) };
}

export function groupsSize(groups: Groups): number {
  return STATUS_ORDER.reduce((total, status) => total + groups[status].length, 0);
}

/** The counts at the top of the popup. */
export function StatusCounts({ groups }: { groups: Groups }) {
  return (
    <ul class="counts">
      {STATUS_ORDER.map((status) => (
        <li class={`count count--${status}`} key={status} data-count={status}>
          <span class="count-number">{groups[status].length}</span> <span class="count-label">{STATUS_LABEL[status]}</span>
        </li>
      ))}
    </ul>
  );
}

interface GroupProps {
  status: Status;
  rows: Row[];
  renderRow: (row: Row) => ComponentChild;
}

function Group({ status, rows, renderRow }: GroupProps) {
  const [limit, setLimit] = useState(ROW_LIMIT);
  const shown = rows.length > limit ? rows.slice(0, limit) : rows;
  const rest = rows.length - shown.length;
  return (
    <section class="group" aria-labelledby={`group-${status}`}>
      <h2 class="group-title" id={`group-${status}`}>
        {STATUS_LABEL[status]}
      </h2>
      <ul class="agreements">{shown.map(renderRow)}</ul>
      {rows.length > shown.length && (
        <div class="group-more">
          <p>
            Showing the first {shown.length} of {rows.length}, soonest due first.
          </p>
          <button
            type="button"
            class="button button--secondary button--small"
            onClick={() => {
              const next = rows[shown.length];
              setLimit(shown.length + (rest <= MORE_ROWS ? rest : MORE_ROWS));
              // The focus moves to the first row it showed.
              if (next) setTimeout(() => document.getElementById(`${rowId(next)}-title`)?.focus(), 0);
            }}
          >
            {rest <= MORE_ROWS ? `Show all ${rows.length}` : `Show ${MORE_ROWS} more`}
          </button>
        </div>
      )}
    </section>
  );
}

/** The tracked agreements in groups (Overdue, Due soon, Upcoming, Ended); a group with no rows is not shown. */
export function AgreementList({ groups, renderRow }: { groups: Groups; renderRow: (row: Row) => ComponentChild }) {
  return (
    <div class="groups">
      {STATUS_ORDER.filter((status) => groups[status].length > 0).map((status) => (
        <Group key={status} status={status} rows={groups[status]} renderRow={renderRow} />
      ))}
    </div>
  );
}
