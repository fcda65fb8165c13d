/**
 * The guard in one document: scan the page into a snapshot, judge it against the procedure, show
 * the gaps in `<monitoring-guard>` (contract.md), hold back Finish while there are errors, and
 * follow the page as it changes.
 */
import { render } from 'preact';
import { FinishDialog } from '../../components/FinishDialog';
import { GuardPanel } from '../../components/GuardPanel';
import guardCss from '../../components/guard.css?inline';
import { todayInUk } from '../../lib/dates';
import { findByLocator } from '../../lib/forms/locator';
import type { FormProfile } from '../../lib/forms/profile';
import { scanDocument } from '../../lib/forms/scan';
import type { FormSnapshot } from '../../lib/forms/snapshot';
import { evaluate, type Evaluation } from '../../lib/procedure/evaluate';
import { normaliseLabel } from '../../lib/forms/normalise';
import { buildView, countBySeverity, type GapView, type GuardView } from '../../lib/guard/view-model';
import { watchDocument, type Watcher } from '../../lib/guard/watch';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';

export const GUARD_TAG = 'monitoring-guard';

/** The page's own buttons or links that finish a step (Mosaic says Finish, some versions Complete). */
const FINISH_WORDS = new Set(['finish', 'complete', 'finish step', 'complete step']);
const BUTTON_SELECTOR = 'button, a, input[type=button], input[type=submit], [role=button]';

export function finishControl(target: EventTarget | null): HTMLElement | null {
  if (!target || !(target as Node).nodeType) return null;
  const start = (target as Node).nodeType === 1 ? (target as Element) : (target as Node).parentElement;
  const control = start?.closest(BUTTON_SELECTOR) as HTMLElement | null;
  if (!control) return null;
  const text = control instanceof HTMLInputElement ? control.value : control.getAttribute('aria-label') || control.textContent || '';
  return FINISH_WORDS.has(normaliseLabel(text)) ? control : null;
}

export interface GuardOptions {
  profiles: readonly FormProfile[];
  settings?: Settings;
  /** Today's UK date (tests fix it). */
  today?: () => string;
  /** Called with every new snapshot and its evaluation (null when the form goes away). */
  onSnapshot?: (snapshot: FormSnapshot | null, evaluation: Evaluation | null) => void;
}

export class Guard {
  private host: HTMLElement | null = null;
  private container: HTMLElement | null = null;
  private watcher: Watcher | null = null;
  private lastRender = '';
  private view: GuardView | null = null;
  private settings: Settings;
  /** The Finish control held back while the dialog is open. */
  private pendingFinish: HTMLElement | null = null;
  /** Set while the worker's "Finish anyway" click goes through. */
  private letFinishThrough = false;
  private focusRequest = 0;
  snapshot: FormSnapshot | null = null;
  evaluation: Evaluation | null = null;

  constructor(
    private readonly doc: Document,
    private readonly options: GuardOptions,
  ) {
    this.settings = options.settings ?? DEFAULT_SETTINGS;
  }

  start(): void {
    this.update();
    this.watcher = watchDocument(this.doc, {
      ignore: (node) => this.host !== null && (node === this.host || this.host.contains(node)),
      onChange: () => this.update(),
    });
    this.doc.defaultView?.addEventListener('click', this.onClick, true);
  }

  stop(): void {
    this.doc.defaultView?.removeEventListener('click', this.onClick, true);
    this.watcher?.stop();
    this.watcher = null;
    this.pendingFinish = null;
    this.unmount();
  }

  setSettings(settings: Settings): void {
    this.settings = settings;
    this.lastRender = '';
    this.update();
  }

  update(): void {
    const result = scanDocument(this.doc, this.options.profiles);
    this.snapshot = result?.snapshot ?? null;
    if (!this.snapshot) {
      this.evaluation = null;
      this.view = null;
      this.options.onSnapshot?.(null, null);
      this.unmount();
      return;
    }
    const profile = this.options.profiles.find((candidate) => candidate.id === this.snapshot!.profileId)!;
    const today = this.options.today?.() ?? todayInUk();
    this.evaluation = evaluate(this.snapshot, { today, settings: this.settings, trackedReviewDue: null });
    this.options.onSnapshot?.(this.snapshot, this.evaluation);
    this.view = buildView(this.snapshot, this.evaluation, {
      formName: profile.title,
      questionsExpected: profile.questions.length,
      signOff: this.snapshot.readOnly || this.settings.role === 'manager',
      sectionOf: (field) => profile.questions.find((question) => question.name === field)?.section,
    });
    this.show();
  }

  /** Scan now, without waiting for the page to be quiet. */
  flush(): void {
    this.watcher?.flush();
  }

  private readonly onClick = (event: MouseEvent): void => {
    const control = finishControl(event.target);
    if (!control) return;
    if (this.letFinishThrough) {
      this.letFinishThrough = false;
      return;
    }
    // Judge what the page shows now, not what it showed at the last quiet moment.
    this.flush();
    const errors = this.view?.gaps.filter((gap) => gap.severity === 'error') ?? [];
    if (errors.length === 0 || !this.host) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    this.pendingFinish = control;
    this.show(true);
  };

  private goBack = (): void => {
    this.pendingFinish = null;
    this.focusRequest++;
    this.show(true);
  };

  private finishAnyway = (): void => {
    const control = this.pendingFinish;
    this.pendingFinish = null;
    this.show(true);
    if (control && control.isConnected) {
      this.letFinishThrough = true;
      control.click();
      this.letFinishThrough = false;
    }
  };

  private show(force = false): void {
    const view = this.view;
    if (!view) return;
    const host = this.mount();
    const key = JSON.stringify(view);
    if (!force && key === this.lastRender) return;
    this.lastRender = key;
    const { error, warning } = countBySeverity(view.gaps);
    host.setAttribute('data-form-kind', view.kind);
    host.setAttribute('data-state', error + warning > 0 ? 'gaps' : 'complete');
    host.setAttribute('data-errors', String(error));
    host.setAttribute('data-warnings', String(warning));
    if (view.personId) host.setAttribute('data-person-id', view.personId);
    else host.removeAttribute('data-person-id');
    const showField = (gap: GapView) => this.showField(gap);
    render(
      <>
        <GuardPanel view={view} onShowField={showField} focusRequest={this.focusRequest} />
        {this.pendingFinish && (
          <FinishDialog
            errors={view.gaps.filter((gap) => gap.severity === 'error')}
            onGoBack={this.goBack}
            onFinishAnyway={this.finishAnyway}
            onShowField={(gap) => {
              this.goBack();
              showField(gap);
            }}
          />
        )}
      </>,
      this.container!,
    );
  }

  private mount(): HTMLElement {
    if (this.host && this.host.isConnected) return this.host;
    if (!this.host) {
      const host = this.doc.createElement(GUARD_TAG);
      const shadow = host.attachShadow({ mode: 'open' });
      const style = this.doc.createElement('style');
      style.textContent = guardCss;
      const container = this.doc.createElement('div');
      shadow.append(style, container);
      this.host = host;
      this.container = container;
    }
    this.lastRender = '';
    (this.doc.body ?? this.doc.documentElement).appendChild(this.host);
    return this.host;
  }

  private unmount(): void {
    if (!this.host) return;
    if (this.container) render(null, this.container);
    this.host.remove();
    this.host = null;
    this.container = null;
    this.lastRender = '';
  }

  private showField(gap: GapView): void {
    if (!gap.locator) return;
    const element = findByLocator(this.doc, gap.locator) as HTMLElement | null;
    if (!element) return;
    element.scrollIntoView?.({ block: 'center' });
    element.focus({ preventScroll: true });
  }
}
