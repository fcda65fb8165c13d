/**
 * The guard in one document: scan the page into a snapshot, show what it found in
 * `<monitoring-guard>` (contract.md), and follow the page as it changes.
 */
import { render } from 'preact';
import { GuardPanel } from '../../components/GuardPanel';
import guardCss from '../../components/guard.css?inline';
import type { FormProfile } from '../../lib/forms/profile';
import { scanDocument } from '../../lib/forms/scan';
import { findByLocator } from '../../lib/forms/locator';
import type { FormSnapshot } from '../../lib/forms/snapshot';
import { countBySeverity, notFoundGaps, type GapView, type GuardView } from '../../lib/guard/view-model';
import { watchDocument, type Watcher } from '../../lib/guard/watch';

export const GUARD_TAG = 'monitoring-guard';

export interface GuardOptions {
  profiles: readonly FormProfile[];
  /** Called with every new snapshot (and null when the form goes away). */
  onSnapshot?: (snapshot: FormSnapshot | null) => void;
}

export class Guard {
  private host: HTMLElement | null = null;
  private container: HTMLElement | null = null;
  private watcher: Watcher | null = null;
  private lastView = '';
  snapshot: FormSnapshot | null = null;

  constructor(
    private readonly doc: Document,
    private readonly options: GuardOptions,
  ) {}

  start(): void {
    this.update();
    this.watcher = watchDocument(this.doc, {
      ignore: (node) => this.host !== null && (node === this.host || this.host.contains(node)),
      onChange: () => this.update(),
    });
  }

  stop(): void {
    this.watcher?.stop();
    this.watcher = null;
    this.unmount();
  }

  /** Scan now, without waiting for the page to be quiet. */
  flush(): void {
    this.watcher?.flush();
  }

  update(): void {
    const result = scanDocument(this.doc, this.options.profiles);
    this.snapshot = result?.snapshot ?? null;
    this.options.onSnapshot?.(this.snapshot);
    if (!this.snapshot) {
      this.unmount();
      return;
    }
    const profile = this.options.profiles.find((candidate) => candidate.id === this.snapshot!.profileId)!;
    const labels = new Map(profile.questions.map((question) => [question.name, question.label]));
    const view: GuardView = {
      kind: this.snapshot.kind,
      formName: profile.title,
      personId: this.snapshot.personId,
      readOnly: this.snapshot.readOnly,
      questionsFound: Object.keys(this.snapshot.fields).length,
      questionsExpected: profile.questions.length,
      gaps: notFoundGaps(this.snapshot, labels),
    };
    this.show(view);
  }

  private show(view: GuardView): void {
    const host = this.mount();
    const serialised = JSON.stringify(view);
    if (serialised === this.lastView && host.isConnected) return;
    this.lastView = serialised;
    const { error, warning } = countBySeverity(view.gaps);
    host.setAttribute('data-form-kind', view.kind);
    host.setAttribute('data-state', error + warning > 0 ? 'gaps' : 'complete');
    host.setAttribute('data-errors', String(error));
    host.setAttribute('data-warnings', String(warning));
    if (view.personId) host.setAttribute('data-person-id', view.personId);
    else host.removeAttribute('data-person-id');
    render(<GuardPanel view={view} onShowField={(gap) => this.showField(gap)} />, this.container!);
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
    this.lastView = '';
    (this.doc.body ?? this.doc.documentElement).appendChild(this.host);
    return this.host;
  }

  private unmount(): void {
    if (!this.host) return;
    if (this.container) render(null, this.container);
    this.host.remove();
    this.host = null;
    this.container = null;
    this.lastView = '';
  }

  private showField(gap: GapView): void {
    if (!gap.locator) return;
    const element = findByLocator(this.doc, gap.locator) as HTMLElement | null;
    if (!element) return;
    element.scrollIntoView({ block: 'center' });
    element.focus({ preventScroll: true });
  }
}
