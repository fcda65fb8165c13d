import { formatDate, type IsoDate } from '../../lib/dates';
import { recordLink, type Settings } from '../../lib/settings';
import type { ReviewInput } from '../../lib/tracker/store';
import type { ListRow as Row } from '../../lib/tracker/summary';
import { ReviewForm } from './ReviewForm';
import { OUTCOME_LABEL, statusTag } from './StatusTag';

export type RowMode = 'review' | 'remove';

/** An id for an agreement's row, unique in the popup (person IDs are digits, start dates ISO). */
export function rowId(row: Row): string {
  return `agreement-${row.entry.personId}-${row.entry.startDate}`;
}

/** The ids the popup moves the focus to: the removal question, and the button that opened a form. */
export const rowFocusId = {
  question: (id: string) => `${id}-remove-question`,
  opener: (id: string, mode: RowMode) => `${id}-${mode}-button`,
};

export interface AgreementRowProps {
  row: Row;
  today: IsoDate;
  settings: Settings;
  /** What is open in the row: the review form, the removal question, or nothing. */
  mode: RowMode | null;
  onOpen: (mode: RowMode) => void;
  /** Cancel in the open form or question: the popup closes it and focuses the button that opened it. */
  onCancel: (mode: RowMode) => void;
  onRecordReview: (review: ReviewInput) => Promise<unknown>;
  onRemove: () => Promise<unknown>;
}

/**
 * The person ID, linked to the record where a record address is set. Plain functions, not
 * components, here and for the tag: a popup draws dozens of rows as it opens, and each component
 * costs more to draw than the elements it gives.
 */
function personId(id: string, settings: Settings) {
  const link = recordLink(settings, id);
  if (link === null) return id;
  return (
    <a href={link} target="_blank" rel="noopener noreferrer">
      {id} <span class="link-note">(opens in new tab)</span>
    </a>
  );
}

/**
 * One tracked agreement: the one element that carries its person ID, status and due date
 * (contract.md). A plain function like the two above (the popup moves the focus: see rowFocusId).
 */
export function agreementRow({ row, today, settings, mode, onOpen, onCancel, onRecordReview, onRemove }: AgreementRowProps) {
  const { entry: agreement, status } = row;
  const { due, last } = agreement;
  const id = rowId(row);
  return (
    <li key={agreement.key} class={`agreement agreement--${status}`} data-person-id={agreement.personId} data-status={status} data-due={due}>
      <div class="agreement-head">
        <h3 class="agreement-title" id={`${id}-title`} tabIndex={-1}>
          Person {personId(agreement.personId, settings)}
        </h3>
        {statusTag(status)}
      </div>
      <p class="agreement-due">
        {status === 'ended' ? 'No more reviews are due: monitoring has ended.' : <>Next review due <strong>{formatDate(due)}</strong></>}
      </p>
      <p class="agreement-fact">Agreement started {formatDate(agreement.startDate)}</p>
      <p class="agreement-fact">
        {agreement.endDate === null
          ? 'No end date recorded'
          : `Agreement ${agreement.endDate < today ? 'ended' : 'ends'} ${formatDate(agreement.endDate)}`}
      </p>
      {last && (
        <p class="agreement-fact">
          Last review held {formatDate(last.date)}
          {last.outcome ? ` (${OUTCOME_LABEL[last.outcome]})` : ''}
        </p>
      )}
      {mode === null && (
        <div class="button-group">
          {/* An agreement that has ended has no more reviews: it offers none to record. */}
          {status !== 'ended' && (
            <button type="button" class="button button--small" id={rowFocusId.opener(id, 'review')} aria-describedby={`${id}-title`} onClick={() => onOpen('review')}>
              Record a review
            </button>
          )}
          <button
            type="button"
            class="button button--small button--secondary"
            id={rowFocusId.opener(id, 'remove')}
            aria-describedby={`${id}-title`}
            onClick={() => onOpen('remove')}
          >
            Remove
          </button>
        </div>
      )}
      {mode === 'review' && (
        <ReviewForm
          id={`${id}-review`}
          personId={agreement.personId}
          startDate={agreement.startDate}
          today={today}
          onSave={onRecordReview}
          onCancel={() => onCancel('review')}
        />
      )}
      {mode === 'remove' && (
        <div class="confirm" role="group" aria-labelledby={rowFocusId.question(id)}>
          <p class="confirm-question" id={rowFocusId.question(id)} tabIndex={-1}>
            Remove the entry for person {agreement.personId}? This cannot be undone.
          </p>
          <div class="button-group">
            <button type="button" class="button button--small button--warning" onClick={() => void onRemove()}>
              Yes, remove
            </button>
            <button type="button" class="button button--small button--secondary" onClick={() => onCancel('remove')}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
