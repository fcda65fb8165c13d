import { useEffect, useRef, useState } from 'preact/hooks';
import type { CheckView, CitationView, GapItem, GapView, GuardView } from '../lib/guard/view-model';
import { countBySeverity, statusText } from '../lib/guard/view-model';

export interface GuardPanelProps {
  view: GuardView;
  /** Scroll to and focus the question a gap names. */
  onShowField: (gap: GapView) => void;
  /** Asks the panel to open and take the focus (after "Go back and fix"). */
  focusRequest?: number;
  /** What the review tracker said of this form, if anything. */
  tracking?: { text: string; failed: boolean } | null;
  /**
   * Fitting, where allowed (contract.md, "Fitting a council's form"): offered as 'Fit this form'
   * when questions of the form were not found, or as 'Fit it again' when the form is read with a
   * fitting; `onStart` opens the fitting view.
   */
  fit?: { offer: 'missing' | 'refit'; onStart: () => void } | null;
  /** What fitting last did (saved), for the person. */
  note?: string | null;
}

function Citation({ citation }: { citation: CitationView }) {
  if (citation.quotes.length === 0) return <span class="mg-cite-label">{citation.label}</span>;
  return (
    <details class="mg-cite">
      <summary>{citation.label}</summary>
      {citation.quotes.map((quote) => (
        <blockquote key={quote}>{quote}</blockquote>
      ))}
    </details>
  );
}

function Gap({ gap, onShowField }: { gap: GapView; onShowField: (gap: GapView) => void }) {
  return (
    <li class="mg-gap" data-rule={gap.rule} data-severity={gap.severity} data-field={gap.field}>
      {gap.locator ? (
        <button type="button" class="mg-link" onClick={() => onShowField(gap)}>
          {gap.message}
        </button>
      ) : (
        <span class="mg-gap-message">{gap.message}</span>
      )}
      <Citation citation={gap.citation} />
    </li>
  );
}

/**
 * A question not found, or a section never shown: one item saying what to do, and under it each
 * check it blocks, each its own gap element (data-rule).
 */
function Blocked({ item, onShowField }: { item: Extract<GapItem, { gaps: GapView[] }>; onShowField: (gap: GapView) => void }) {
  const first = item.gaps[0]!;
  const rules = [...new Map(item.gaps.map((gap) => [gap.rule, gap])).values()];
  return (
    // No data-severity or data-rule of its own: those mark the gaps (contract.md), one element each, inside it.
    <li class={`mg-gap mg-gap-group${first.severity === 'warning' ? ' mg-gap--warning' : ''}`} data-group={item.kind}>
      {item.kind === 'question' && first.locator ? (
        <button type="button" class="mg-link mg-group-message" onClick={() => onShowField(first)}>
          {item.message}
        </button>
      ) : (
        <span class="mg-gap-message mg-group-message">{item.message}</span>
      )}
      <span class="mg-gap-detail">{item.kind === 'section' ? 'It is not in the page yet, so these checks wait for it:' : rules.length === 1 ? 'Needed for the check:' : `Needed for ${rules.length} checks:`}</span>
      <ul class="mg-blocked">
        {item.gaps.map((gap) => (
          <li key={gap.key} class="mg-blocked-check" data-rule={gap.rule} data-severity={gap.severity} data-field={gap.field}>
            <span class="mg-gap-message">{gap.summary}</span>
            {/* Each gap element says its whole message (contract.md), as the item above shows it. */}
            <span class="mg-visually-hidden">{` (${gap.message})`}</span>{' '}
            <Citation citation={gap.citation} />
          </li>
        ))}
      </ul>
    </li>
  );
}

function Item({ item, onShowField }: { item: GapItem; onShowField: (gap: GapView) => void }) {
  return item.kind === 'gap' ? <Gap gap={item.gap} onShowField={onShowField} /> : <Blocked item={item} onShowField={onShowField} />;
}

function Check({ check }: { check: CheckView }) {
  return (
    <li class="mg-check" data-check={check.rule} data-met={String(check.met)}>
      <strong class={`mg-tag ${check.met ? 'mg-tag--ok' : `mg-tag--${check.severity}`}`}>{check.met ? 'Met' : 'Not met'}</strong>{' '}
      <span>{check.summary}</span>
      <Citation citation={check.citation} />
    </li>
  );
}

export function GuardPanel({ view, onShowField, focusRequest = 0, tracking = null, fit = null, note = null }: GuardPanelProps) {
  const [open, setOpen] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusRequest > 0) {
      setOpen(true);
      // After the panel is shown.
      queueMicrotask(() => heading.current?.focus());
    }
  }, [focusRequest]);

  const errors = view.errorItems;
  const warnings = view.warningItems;
  const { error } = countBySeverity(view.gaps);
  const status = statusText(view.gaps);
  const met = view.checks.filter((check) => check.met).length;
  return (
    // A manual popover: the guard shows it in the browser's top layer (Guard.show), above the page
    // without a position of its own in it, which the browser would otherwise test at each
    // movement of the pointer.
    <div class="mg" lang="en-GB" popover="manual">
      <div role="status" class="mg-visually-hidden">
        {`Monitoring Guard, ${view.formName}: ${status}.`}
      </div>
      {/* Always in the shadow root (contract.md: one element per gap); shown when opened. */}
      <section class="mg-panel" id="mg-panel" aria-labelledby="mg-panel-title" hidden={!open}>
        <div class="mg-panel-head">
          <h2 id="mg-panel-title" tabIndex={-1} ref={heading}>
            {view.formName}
          </h2>
          <button type="button" class="mg-minimise" onClick={() => setOpen(false)}>
            Minimise<span class="mg-visually-hidden"> the Monitoring Guard panel</span>
          </button>
        </div>
        <p class="mg-meta">
          {view.personId ? `Person ID ${view.personId}. ` : 'No person ID found on this page. '}
          {`${view.questionsFound} of ${view.questionsExpected} questions found.`}
          {view.readOnly ? ' Opened read-only.' : ''}
        </p>
        {tracking && (
          <p class={`mg-tracking${tracking.failed ? ' mg-tracking--failed' : ''}`} data-tracking={tracking.failed ? 'failed' : 'ok'}>
            {tracking.failed && <strong class="mg-tag mg-tag--error">Not tracked</strong>} {tracking.text}
          </p>
        )}
        {note && (
          <p class="mg-tracking" data-fit-note>
            {note}
          </p>
        )}
        {fit?.offer === 'missing' && (
          <div class="mg-fit-offer">
            <p>
              Some of this form's questions were not found. If your council words this form its own way, the person who looks after your Mosaic forms
              can fit it here.
            </p>
            <button type="button" class="mg-button mg-button--secondary" data-action="fit-form" onClick={fit.onStart}>
              Fit this form
            </button>
          </div>
        )}
        {fit?.offer === 'refit' && (
          <p class="mg-meta" data-fitted>
            Read with your council's fitting of this form.{' '}
            <button type="button" class="mg-link" data-action="fit-again" onClick={fit.onStart}>
              Fit it again<span class="mg-visually-hidden"> (for the person who looks after your Mosaic forms)</span>
            </button>
          </p>
        )}
        {view.gaps.length === 0 && (
          <p>
            <strong class="mg-tag mg-tag--ok">Complete</strong> The answers meet every check of the procedure that applies.
          </p>
        )}
        {errors.length > 0 && (
          <>
            <h3>To fix</h3>
            <ul class="mg-gaps">
              {errors.map((item) => (
                <Item key={item.key} item={item} onShowField={onShowField} />
              ))}
            </ul>
          </>
        )}
        {warnings.length > 0 && (
          <>
            <h3>To check</h3>
            <ul class="mg-gaps mg-gaps--warnings">
              {warnings.map((item) => (
                <Item key={item.key} item={item} onShowField={onShowField} />
              ))}
            </ul>
          </>
        )}
        {view.signOff && (
          <>
            <h3>Sign-off checklist</h3>
            <p class="mg-meta">{`${met} of ${view.checks.length} checks met.`}</p>
            <ul class="mg-checks">
              {view.checks.map((check) => (
                <Check key={check.rule} check={check} />
              ))}
            </ul>
          </>
        )}
      </section>
      {!open && tracking?.failed && (
        // Not tracked is too important to wait in a closed panel.
        <p class="mg-tracking mg-tracking--failed mg-tracking--outside" role="alert" data-tracking-outside="failed">
          <strong class="mg-tag mg-tag--error">Not tracked</strong> {tracking.text}
        </p>
      )}
      <button type="button" class="mg-chip" aria-expanded={open} aria-controls="mg-panel" onClick={() => setOpen(!open)}>
        <span>Monitoring Guard</span>
        <strong class={`mg-tag ${error > 0 ? 'mg-tag--error' : view.gaps.length > 0 ? 'mg-tag--warning' : 'mg-tag--ok'}`}>
          {status}
          {/* Inside the tag, not a third item of the button's row (which has gaps between items). */}
          <span class="mg-visually-hidden">{open ? ': hide details' : ': show details'}</span>
        </strong>
      </button>
    </div>
  );
}
