import { useState } from 'preact/hooks';
import type { GapView, GuardView } from '../lib/guard/view-model';
import { countBySeverity, FORM_NAMES } from '../lib/guard/view-model';

export interface GuardPanelProps {
  view: GuardView;
  /** Scroll to and focus the question a gap names. */
  onShowField: (gap: GapView) => void;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function chipText(view: GuardView): string {
  const { error, warning } = countBySeverity(view.gaps);
  if (error === 0 && warning === 0) return 'All questions found';
  const parts: string[] = [];
  if (error > 0) parts.push(`${error} to fix`);
  if (warning > 0) parts.push(`${warning} to check`);
  return parts.join(', ');
}

export function GuardPanel({ view, onShowField }: GuardPanelProps) {
  const [open, setOpen] = useState(false);
  const { error } = countBySeverity(view.gaps);
  const formName = FORM_NAMES[view.kind];
  const summary = chipText(view);
  return (
    <div class="mg" lang="en-GB">
      <div role="status" class="mg-visually-hidden">
        {`Monitoring Guard: ${formName}. ${summary}.`}
      </div>
      {/* Always in the shadow root (contract.md: one element per gap), shown when opened. */}
      <section class="mg-panel" id="mg-panel" aria-labelledby="mg-panel-title" hidden={!open}>
          <h2 id="mg-panel-title">{formName}</h2>
          <p>
            {view.personId ? `Person ID ${view.personId}. ` : 'No person ID found on this page. '}
            {`Found ${view.questionsFound} of ${view.questionsExpected} questions.`}
            {view.readOnly ? ' Opened read-only.' : ''}
          </p>
          {view.gaps.length === 0 ? (
            <p>
              <strong class="mg-tag mg-tag--ok">Found</strong> Every question of this form is on the page.
            </p>
          ) : (
            <ul class="mg-gaps">
              {view.gaps.map((gap) => (
                <li class="mg-gap" key={gap.key} data-rule={gap.rule} data-severity={gap.severity} data-field={gap.field}>
                  <strong class={`mg-tag mg-tag--${gap.severity}`}>{gap.severity === 'error' ? 'To fix' : 'To check'}</strong>{' '}
                  <span class="mg-gap-message">
                    {gap.locator ? (
                      <button type="button" class="mg-link" onClick={() => onShowField(gap)}>
                        {gap.message}
                      </button>
                    ) : (
                      gap.message
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      <button
        type="button"
        class="mg-chip"
        aria-expanded={open}
        aria-controls="mg-panel"
        onClick={() => setOpen(!open)}
      >
        <span>Monitoring Guard</span>
        <span class={`mg-tag ${error > 0 ? 'mg-tag--error' : 'mg-tag--ok'}`}>{summary}</span>
        <span class="mg-visually-hidden">{open ? ', hide details' : ', show details'}</span>
      </button>
    </div>
  );
}
