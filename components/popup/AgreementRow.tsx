import { useLayoutEffect, useRef } from 'preact/hooks';
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

export interface AgreementRowProps {
  row: Row;
  today: IsoDate;
  settings: Settings;
  /** What is open in the row: the review form, the removal question, or nothing. */
  mode: RowMode | null;
  onOpen: (mode: RowMode) => void;
  onClose: () => void;
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

/** One tracked agreement: the one element that carries its person ID, status and due date (contract.md). */
export function AgreementRow({ row, today, settings, mode, onOpen, onClose, onRecordReview, onRemove }: AgreementRowProps) {
  const { entry: agreement, status } = row;
  const { due, last } = agreement;
  const id = rowId(row);
  const question = useRef<HTMLParagraphElement>(null);
  const reviewButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  /** After Cancel, the focus goes back to the button that opened the form. */
  const returnFocus = useRef<RowMode | null>(null);

  useLayoutEffect(() => {
    if (mode === 'remove') question.current?.focus();
    if (mode === null && returnFocus.current) {
      (returnFocus.current === 'review' ? reviewButton : removeButton).current?.focus();
      returnFocus.current = null;
    }
  }, [mode]);

  const cancel = (from: RowMode) => {
    returnFocus.current = from;
    onClose();
  };

  return (
    <li class={`agreement agreement--${status}`} data-person-id={agreement.personId} data-status={status} data-due={due}>
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
          <button type="button" class="button button--small" ref={reviewButton} aria-describedby={`${id}-title`} onClick={() => onOpen('review')}>
            Record a review
          </button>
          <button
            type="button"
            class="button button--small button--secondary"
            ref={removeButton}
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
          onCancel={() => cancel('review')}
        />
      )}
      {mode === 'remove' && (
        <div class="confirm" role="group" aria-labelledby={`${id}-remove-question`}>
          <p class="confirm-question" id={`${id}-remove-question`} tabIndex={-1} ref={question}>
            Remove the entry for person {agreement.personId}? This cannot be undone.
          </p>
          <div class="button-group">
            <button type="button" class="button button--small button--warning" onClick={() => void onRemove()}>
              Yes, remove
            </button>
            <button type="button" class="button button--small button--secondary" onClick={() => cancel('remove')}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
