/**
 * The guard in one document: scan the page into a snapshot, judge it against the procedure, show
 * the gaps in `<monitoring-guard>` (contract.md), hold back Finish while there are errors, and
 * follow the page as it changes.
 */
import { render } from 'preact';
import { FinishDialog } from '../../components/FinishDialog';
import { GuardPanel } from '../../components/GuardPanel';
import type { FormKind } from '../forms/profile';
import guardCss from '../../components/guard.css?inline';
import { formatDate, todayInUk } from '../dates';
import { findByLocator } from '../forms/locator';
import type { FormProfile } from '../forms/profile';
import { scanDocument, type ScanResult } from '../forms/scan';
import type { FormSnapshot } from '../forms/snapshot';
import { evaluate, type Evaluation } from '../procedure/evaluate';
import { trackingFailed } from '../tracker/problem';
import { rulesFor } from '../procedure/registry';
import { normaliseLabel } from '../forms/normalise';
import { buildView, countBySeverity, failureView, finishLines, type GapView, type GuardView } from './view-model';
import { SectionMemory } from './sections';
import type { FitController, FittingModule } from './fit-controller';
import { watchDocument, type Watcher } from './watch';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { Answers } from '../procedure/answers';
import { trackingMessage, type TrackingSource } from '../tracker/from-snapshot';
import { PERSON_ID } from '../tracker/model';
import type { TrackerLink } from '../tracker/client';

export const GUARD_TAG = 'monitoring-guard';

/** The page's own buttons or links that finish a step (Mosaic says Finish, some versions Complete). */
const FINISH_WORDS = new Set(['finish', 'complete', 'finish step', 'complete step']);
/** And the ones that save it. */
const SAVE_WORDS = new Set(['save', 'save and close', 'save changes', 'save draft']);
const BUTTON_SELECTOR = 'button, a, input[type=button], input[type=submit], [role=button]';

/** The page's Save or Finish control that a click landed on, if any. */
export function pageAction(target: EventTarget | null): { control: HTMLElement; action: 'save' | 'finish' } | null {
  if (!target || !(target as Node).nodeType) return null;
  const start = (target as Node).nodeType === 1 ? (target as Element) : (target as Node).parentElement;
  const control = start?.closest(BUTTON_SELECTOR) as HTMLElement | null;
  if (!control || control.closest('monitoring-guard')) return null;
  const text = normaliseLabel(
    control.tagName === 'INPUT' ? (control as HTMLInputElement).value : control.getAttribute('aria-label') || control.textContent || '',
  );
  if (FINISH_WORDS.has(text)) return { control, action: 'finish' };
  if (SAVE_WORDS.has(text)) return { control, action: 'save' };
  return null;
}

const STATUS_WORDS: Record<string, string> = { overdue: 'overdue', 'due-soon': 'due soon', upcoming: 'upcoming', ended: 'ended' };

export interface GuardOptions {
  profiles: readonly FormProfile[];
  settings?: Settings;
  /** Today's UK date (tests fix it). */
  today?: () => string;
  /**
   * Whether the extension is still there: false once it was updated, reloaded or removed while
   * the page stayed open. The guard then takes itself off the page and lets every click through.
   */
  isValid?: () => boolean;
  /** Called with every new snapshot and its evaluation (null when the form goes away). */
  onSnapshot?: (snapshot: FormSnapshot | null, evaluation: Evaluation | null) => void;
  tracker?: TrackerLink;
  /**
   * Keeps a fitted profile on this computer (the background checks it and stores it with the
   * user's profiles); null without one (then it is used on this page only).
   */
  saveProfile?: (profile: FormProfile) => Promise<{ ok: true } | { ok: false; errors: string[] }>;
  /** Hands a file to the browser to download (the fitting's Export). */
  download?: (fileName: string, text: string) => void;
  /** Loads the fitting (its own script in the page); without it, fitting is not offered. */
  loadFitting?: () => Promise<FittingModule>;
}

export class Guard {
  private host: HTMLElement | null = null;
  private container: HTMLElement | null = null;
  /** The fitting view's own container, beside the panel's in the shadow root. */
  private fitContainer: HTMLElement | null = null;
  private watcher: Watcher | null = null;
  private lastRender = '';
  private view: GuardView | null = null;
  private settings: Settings;
  /** The Finish control held back while the dialog is open. */
  private pendingFinish: HTMLElement | null = null;
  /** Set while the worker's "Finish anyway" click goes through. */
  private letFinishThrough = false;
  private focusRequest = 0;
  /** What the tracker said last, for the panel. */
  private trackingNote: { text: string; failed: boolean } | null = null;
  /** Forms opened read-only already tracked (by person, kind and start date). */
  private readonly viewedTracked = new Set<string>();
  /** Due dates the tracker held before each review (by person, start and review date); null when it did not hold it. */
  private readonly reviewDue = new Map<string, string | null>();
  snapshot: FormSnapshot | null = null;
  evaluation: Evaluation | null = null;
  /** The last scan, with the way back to each answer's element. */
  private scan: ScanResult | null = null;
  /** The last scan's snapshot as read from the page, before sections away were recalled. */
  private read: FormSnapshot | null = null;
  /** What was read of sections that have left the page (in memory only). */
  private readonly sections = new SectionMemory();
  /** The fitting under way, if any (the fitting view replaces the panel). */
  private fit: FitController | null = null;
  /** What fitting last did, for the panel. */
  private fitNote: string | null = null;

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
      onChange: (change) => {
        if (this.gone()) return;
        // The fitting's preview reads the answers again too.
        this.fit?.answersChanged();
        // Typing and choosing in questions already read: read those answers again, not the page.
        const read = !change.structural && this.scan ? this.scan.reread(change.targets) : null;
        if (read === null) this.update();
        else if (read !== this.read) {
          this.read = read;
          this.judge(this.sections.recall(read));
        }
      },
    });
    this.doc.defaultView?.addEventListener('click', this.onClick, true);
  }

  stop(): void {
    if (this.fit) this.closeFitting(false);
    this.listenToEditors([]);
    this.doc.defaultView?.removeEventListener('click', this.onClick, true);
    this.watcher?.stop();
    this.watcher = null;
    this.pendingFinish = null;
    this.unmount();
  }

  /** Rich-text editors in frames of their own, listened to for typing (their documents). */
  private editors: Document[] = [];
  private editorTimer: number | null = null;
  private readonly onEditorInput = () => {
    const win = this.doc.defaultView;
    if (!win || this.editorTimer !== null) return;
    // Within a second of typing there, as for any other answer.
    this.editorTimer = win.setTimeout(() => {
      this.editorTimer = null;
      if (!this.gone() && this.watcher) this.update();
    }, 300);
  };

  private listenToEditors(documents: readonly Document[]): void {
    for (const editor of this.editors) if (!documents.includes(editor)) editor.removeEventListener('input', this.onEditorInput, true);
    for (const editor of documents) if (!this.editors.includes(editor)) editor.addEventListener('input', this.onEditorInput, true);
    this.editors = [...documents];
    if (documents.length === 0 && this.editorTimer !== null) {
      this.doc.defaultView?.clearTimeout(this.editorTimer);
      this.editorTimer = null;
    }
  }

  /** The form profiles in use changed (a council's profile imported, or set by policy): scan again. */
  setProfiles(profiles: readonly FormProfile[]): void {
    if (profiles === this.options.profiles || JSON.stringify(profiles) === JSON.stringify(this.options.profiles)) return;
    this.options.profiles = profiles;
    this.lastRender = '';
    if (this.watcher) this.update();
  }

  /** The settings changed: judge the same answers again (the page need not be read again). */
  setSettings(settings: Settings): void {
    if (JSON.stringify(settings) === JSON.stringify(this.settings)) return;
    this.settings = settings;
    // Fitting switched off (by the organisation, say) while a fitting is open: it closes unsaved.
    if (settings.allowFitting === false && this.fit) this.closeFitting(false);
    this.lastRender = '';
    if (this.snapshot) this.judge(this.snapshot);
  }

  /** Read the page into a snapshot, and judge it. */
  update(): void {
    let result: ScanResult | null;
    try {
      result = scanDocument(this.doc, this.options.profiles);
    } catch (error) {
      // The page could not be read: on a form already shown, say so (never leave an old verdict).
      this.fail(error);
      return;
    }
    this.scan = result;
    this.listenToEditors(result?.editorDocuments ?? []);
    this.read = result?.snapshot ?? null;
    // The answers of sections the page has taken away, as they were read while shown.
    this.snapshot = this.read ? this.sections.recall(this.read) : null;
    if (this.fit) this.fit.refreshPage();
    if (!this.snapshot) {
      // The form went away: what was read of it is forgotten (another may come in its place).
      this.sections.clear();
      this.evaluation = null;
      this.view = null;
      this.options.onSnapshot?.(null, null);
      this.fitNote = null;
      if (this.fit) this.showFitting();
      else this.unmount();
      return;
    }
    this.judge(this.snapshot);
  }

  /** Judge a snapshot against the procedure and show the result. */
  private judge(snapshot: FormSnapshot): void {
    try {
      this.snapshot = snapshot;
      const profile = this.options.profiles.find((candidate) => candidate.id === snapshot.profileId)!;
      const today = this.options.today?.() ?? todayInUk();
      this.evaluation = evaluate(this.snapshot, { today, settings: this.settings, trackedReviewDue: this.trackedReviewDue(this.snapshot) });
      this.options.onSnapshot?.(this.snapshot, this.evaluation);
      this.view = buildView(this.snapshot, this.evaluation, {
        formName: profile.title,
        questionsExpected: profile.questions.length,
        signOff: this.snapshot.readOnly || this.settings.role === 'manager',
        sectionOf: (field) => profile.questions.find((question) => question.name === field)?.section,
      });
    } catch (error) {
      this.fail(error);
      return;
    }
    this.show();
    if (this.snapshot.readOnly) this.trackViewed(this.snapshot);
  }

  /**
   * Something in the guard itself failed. On a form it has shown, it says the form could not be
   * checked (an error, so Finish still asks): never a pass, never an old verdict. Elsewhere it
   * shows nothing, as on any page that is not one of the forms.
   */
  private fail(error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    console.error('Monitoring Guard could not check this page', error);
    const known = this.view;
    // Nothing half-read is kept: not checked, and not sent to the tracker on Save.
    this.scan = null;
    this.read = null;
    this.snapshot = null;
    this.evaluation = null;
    if (this.fit) {
      // The fitting view stays: its preview says what the guard finds.
      this.showFitting();
      return;
    }
    if (!known) {
      this.view = null;
      this.unmount();
      return;
    }
    this.view = failureView(known, reason, rulesFor(known.kind));
    this.show();
  }

  /** For a review: the due date the tracker held before it, asked for once and then remembered. */
  private trackedReviewDue(snapshot: FormSnapshot): string | null {
    const tracker = this.options.tracker;
    if (!tracker || snapshot.kind !== 'review' || !snapshot.personId) return null;
    const answers = new Answers(snapshot);
    const agreementStartDate = answers.date('agreementStartDate');
    const reviewDate = answers.date('reviewDate');
    if (!agreementStartDate || !reviewDate || !PERSON_ID.test(snapshot.personId)) return null;
    const key = `${snapshot.personId}|${agreementStartDate}|${reviewDate}`;
    if (this.reviewDue.has(key)) return this.reviewDue.get(key) ?? null;
    this.reviewDue.set(key, null);
    void tracker
      .reviewDue({ type: 'review-due-before', personId: snapshot.personId, agreementStartDate, reviewDate })
      .then((reply) => {
        if (reply.ok && 'due' in reply && reply.due) {
          this.reviewDue.set(key, reply.due);
          if (this.snapshot) this.judge(this.snapshot);
        }
      })
      .catch(() => undefined);
    return null;
  }

  private trackViewed(snapshot: FormSnapshot): void {
    const plan = trackingMessage(snapshot, 'view', this.view?.gaps);
    if (!plan.track) return;
    const key = JSON.stringify(plan.message);
    if (this.viewedTracked.has(key)) return;
    this.viewedTracked.add(key);
    this.track('view');
  }

  /** Tells the tracker about the form as it is now; the panel says what came of it. */
  track(source: TrackingSource): void {
    const tracker = this.options.tracker;
    if (!tracker || !this.snapshot) return;
    // With the gaps the worker sees now: rule IDs and counts only.
    const plan = trackingMessage(this.snapshot, source, this.view?.gaps);
    if (!plan.track) {
      if (plan.reason) this.setTrackingNote({ text: plan.reason, failed: false });
      return;
    }
    tracker
      .track(plan.message)
      .then((reply) => {
        if (!reply.ok) this.setTrackingNote({ text: reply.error, failed: true });
        else if ('key' in reply && reply.due) {
          const status = STATUS_WORDS[reply.status] ?? reply.status;
          this.setTrackingNote({
            text: reply.status === 'ended'
              ? 'In the review tracker: this agreement has ended.'
              : `In the review tracker: next review due ${formatDate(reply.due)} (${status}).`,
            failed: false,
          });
        }
      })
      .catch((error: unknown) =>
        this.setTrackingNote({ text: trackingFailed(error), failed: true }),
      );
  }

  private setTrackingNote(note: { text: string; failed: boolean }): void {
    this.trackingNote = note;
    this.show(true);
  }

  /**
   * Read the whole page now, without waiting for it to be quiet: what a Save or Finish is judged
   * on, including an answer changed with no event the guard could hear (set by the page's
   * script, or typed in the moment its input listener rested).
   */
  flush(): void {
    this.watcher?.flush();
  }

  /** The extension went away under the page: stop, leaving nothing attached. */
  private gone(): boolean {
    if (this.options.isValid === undefined || this.options.isValid()) return false;
    this.stop();
    return true;
  }

  private readonly onClick = (event: MouseEvent): void => {
    if (this.fit?.picking && !this.gone()) {
      this.fit.pickAt(event);
      return;
    }
    const found = pageAction(event.target);
    if (!found || this.gone()) return;
    if (this.letFinishThrough) {
      this.letFinishThrough = false;
      return;
    }
    // Judge what the page shows now, not what it showed at the last quiet moment.
    this.flush();
    if (found.action === 'save') {
      // Save is never held back.
      this.track('save');
      return;
    }
    const errors = this.view?.gaps.filter((gap) => gap.severity === 'error') ?? [];
    if (errors.length === 0 || !this.host) {
      this.track('finish');
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    this.pendingFinish = found.control;
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
      this.track('finish');
    }
  };

  private show(force = false): void {
    if (this.fit) {
      this.showFitting();
      return;
    }
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
    const fitOffer = this.fitOffer();
    render(
      <>
        <GuardPanel
          view={view}
          onShowField={showField}
          focusRequest={this.focusRequest}
          tracking={this.trackingNote}
          fit={fitOffer && { offer: fitOffer, onStart: this.startFitting }}
          note={this.fitNote}
        />
        {this.pendingFinish && (
          <FinishDialog
            errors={finishLines(view)}
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
    this.showInTopLayer();
  }

  /**
   * The panel (or the fitting view) in the top layer, as a manual popover (the page's Escape and
   * clicks do not close it); where the browser has no popovers, its fixed position alone keeps it
   * in view.
   */
  private showInTopLayer(panel = this.container!.querySelector<HTMLElement>('.mg')): void {
    if (panel && typeof panel.showPopover === 'function' && !panel.matches(':popover-open')) panel.showPopover();
  }

  /**
   * What fitting to offer: 'missing' where questions of the form were not found (other than those
   * a fitting says the form does not ask, and those found whose answer could not be read);
   * 'refit' where the form is read with a fitting (the council's form may have changed since, or a
   * question been wrongly set 'Not on this form'); null when fitting is switched off.
   */
  private fitOffer(): 'missing' | 'refit' | null {
    const snapshot = this.snapshot;
    if (this.settings.allowFitting === false || !snapshot || !this.options.loadFitting) return null;
    const missing = snapshot.missing.some((field) => snapshot.unreadable?.[field] === undefined && !snapshot.notAsked?.includes(field));
    if (missing) return 'missing';
    return snapshot.profileId.startsWith('fitted-') ? 'refit' : null;
  }

  private readonly startFitting = (): void => {
    void this.openFitting();
  };

  /**
   * Opens the fitting view (its code loaded first: the guard carries none of it): for the form
   * recognised here, or (from the popup, where none was) for the form of this kind, the page's own
   * title as its title. False when fitting is switched off, there is nothing to fit, or the
   * fitting could not be loaded (then the panel says so).
   */
  async openFitting(kind?: FormKind): Promise<boolean> {
    if (this.fit) return true;
    if (this.settings.allowFitting === false || this.gone()) return false;
    const snapshot = this.snapshot;
    const recognised = snapshot ? this.options.profiles.find((profile) => profile.id === snapshot.profileId) ?? null : null;
    const formKind = kind ?? snapshot?.kind;
    if (!formKind || !this.options.loadFitting) return false;
    let module: FittingModule;
    try {
      module = await this.options.loadFitting();
    } catch (error) {
      this.fitNote = `The fitting could not be opened (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`;
      this.show(true);
      return false;
    }
    // Meanwhile the extension went, fitting was switched off, or another opened it.
    if (this.gone() || this.fit || !this.settings.allowFitting) return false;
    const base = recognised && recognised.kind === formKind ? recognised : null;
    const host = this.mount();
    this.fit = new module.FitController({
      doc: this.doc,
      guardElement: host,
      container: this.fitContainer!,
      kind: formKind,
      base,
      title: base ? base.title : pageTitle(this.doc),
      profiles: this.options.profiles,
      settings: this.settings,
      today: this.options.today?.() ?? todayInUk(),
      saveProfile: this.options.saveProfile,
      download: this.options.download,
      onShown: (panel) => this.showInTopLayer(panel),
      onClosed: (saved) => this.fittingClosed(saved),
    });
    this.fitNote = null;
    this.showFitting();
    return true;
  }

  /** Closes a fitting still open, unsaved (the guard stops, or the organisation switched fitting off). */
  private closeFitting(rescan = true): void {
    this.fit?.detach();
    this.fit = null;
    this.lastRender = '';
    this.unmount();
    if (rescan) this.update();
  }

  /** The fitting view closed itself: cancelled (back to the panel), or saved (the page read with it at once). */
  private fittingClosed(saved: { profile: FormProfile; kept: boolean } | null): void {
    this.fit = null;
    this.lastRender = '';
    this.host?.removeAttribute('data-fitting');
    if (this.container) render(null, this.container);
    if (saved) {
      // The stored list reaches every other page; this one is read with it now.
      const { profile } = saved;
      this.options.profiles = [profile, ...this.options.profiles.filter((candidate) => candidate.id !== profile.id)];
      this.fitNote = saved.kept
        ? `Your fitting of '${profile.title}' is saved on this computer, and the guard now reads this form with it. To use it on other computers, export it for your IT team.`
        : `The guard now reads this form with your fitting of '${profile.title}'.`;
    }
    this.update();
    // Back to the panel, where the fitting started.
    if (this.view) {
      this.focusRequest++;
      this.show(true);
    } else if (!this.snapshot) this.unmount();
  }

  private showFitting(): void {
    const fit = this.fit;
    if (!fit) return;
    const host = this.mount();
    host.setAttribute('data-fitting', 'true');
    const view = this.view;
    // Finish pressed while fitting: the same question as ever, over the fitting view.
    render(
      this.pendingFinish && view ? (
        <FinishDialog errors={finishLines(view)} onGoBack={this.goBack} onFinishAnyway={this.finishAnyway} onShowField={() => this.goBack()} />
      ) : null,
      this.container!,
    );
    fit.render();
  }

  private mount(): HTMLElement {
    if (this.host && this.host.isConnected) return this.host;
    if (!this.host) {
      const host = this.doc.createElement(GUARD_TAG);
      const shadow = host.attachShadow({ mode: 'open' });
      const style = this.doc.createElement('style');
      style.textContent = guardCss;
      const container = this.doc.createElement('div');
      container.className = 'mg-root';
      const fitContainer = this.doc.createElement('div');
      fitContainer.className = 'mg-root';
      shadow.append(style, container, fitContainer);
      this.host = host;
      this.container = container;
      this.fitContainer = fitContainer;
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
    this.fitContainer = null;
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

/** The page's own title for a form it does not name as the guard knows it: its main heading, else the document's title. */
export function pageTitle(doc: Document): string {
  const heading = Array.from(doc.querySelectorAll('h1, [role=heading][aria-level="1"], h2')).find((element) => (element.textContent ?? '').trim() !== '');
  const text = (heading?.textContent ?? doc.title ?? '').replace(/\s+/g, ' ').trim();
  return text.slice(0, 200);
}
