/**
 * The fitting of a form in the page, as the guard shows it: the fitting view, the highlight of
 * the page question being fitted, choosing a question on the page, Save and Export. Loaded only
 * when someone fits a form (its own script, fitting.js, in the page: entrypoints/fitting.ts), so
 * that the guard every worker meets carries none of it. It draws in a container of its own in
 * the guard's shadow root.
 */
import { render } from 'preact';
import { FitView } from '../../components/FitView';
import { downloadText } from '../../components/shared/download';
import { referenceQuestions } from '../fit/fitting';
import { questionAt } from '../fit/page';
import type { FormKind, FormProfile } from '../forms/profile';
import { COMPATIBLE } from '../forms/scan/match';
import type { Settings } from '../settings';
import { FitSession } from './fit-session';

export interface FitHost {
  doc: Document;
  /** The guard's element in the page: clicks on it are never a page question chosen. */
  guardElement: HTMLElement;
  /** Where the fitting view draws (its own, in the guard's shadow root). */
  container: HTMLElement;
  kind: FormKind;
  /** The council's profile the form was recognised with, to fit again; null for a new fitting. */
  base: FormProfile | null;
  title: string;
  profiles: readonly FormProfile[];
  settings: Settings;
  today: string;
  /** Keeps a fitted profile on this computer; absent, it is used on this page only. */
  saveProfile?: (profile: FormProfile) => Promise<{ ok: true } | { ok: false; errors: string[] }>;
  download?: (fileName: string, text: string) => void;
  /** The fitting view is in the page (to put it in the top layer). */
  onShown(panel: HTMLElement): void;
  /** The fitting ended: cancelled (null), or saved with this profile (kept on this computer or not). */
  onClosed(saved: { profile: FormProfile; kept: boolean } | null): void;
}

export class FitController {
  private readonly fit: FitSession;
  private highlighted: string | null = null;
  private highlightBox: HTMLElement | null = null;
  /** The page question under the pointer while one is chosen on the page. */
  private hovered: ReturnType<FitSession['question']> | null = null;
  private closed = false;

  constructor(private readonly host: FitHost) {
    this.fit = new FitSession(host.doc, host.kind, host.base, host.title, host.profiles, { settings: host.settings, today: host.today });
    const win = host.doc.defaultView;
    win?.addEventListener('keydown', this.onKey, true);
    win?.addEventListener('scroll', this.placeHighlight, true);
    win?.addEventListener('resize', this.placeHighlight);
  }

  /** Whether a question is being chosen on the page (the guard then hands clicks to `pickAt`). */
  get picking(): boolean {
    return this.fit.picking !== null;
  }

  /** The page's answers changed: the preview reads them again. */
  answersChanged(): void {
    this.fit.answersChanged();
  }

  /** The page changed: its questions are read again. */
  refreshPage(): void {
    this.fit.refreshPage();
  }

  /** Takes the fitting off the page: its listeners, its highlight and its view. */
  detach(): void {
    if (this.closed) return;
    this.closed = true;
    this.setPicking(null);
    this.setHighlight(null);
    const win = this.host.doc.defaultView;
    win?.removeEventListener('keydown', this.onKey, true);
    win?.removeEventListener('scroll', this.placeHighlight, true);
    win?.removeEventListener('resize', this.placeHighlight);
    render(null, this.host.container);
  }

  render(): void {
    if (this.closed) return;
    const fit = this.fit;
    const rerender = () => this.render();
    render(
      <div class="mg mg--fit" lang="en-GB" popover="manual">
        <FitView
          state={fit.state()}
          onTitle={(title) => {
            fit.setTitle(title);
            rerender();
          }}
          onQuestion={(field, id) => {
            fit.choose(field, id);
            this.setHighlight(field);
            rerender();
          }}
          onAnswer={(key, index) => {
            fit.chooseAnswer(key, index);
            rerender();
          }}
          onColumn={(key, index) => {
            fit.chooseColumn(key, index);
            rerender();
          }}
          onFocusQuestion={(field, scroll) => this.setHighlight(field, scroll)}
          onPick={(field) => {
            this.setPicking(field);
            rerender();
          }}
          onSave={() => void this.save()}
          onExport={() => this.export()}
          onCancel={() => this.close(null)}
        />
      </div>,
      this.host.container,
    );
    const panel = this.host.container.querySelector<HTMLElement>('.mg--fit');
    if (panel) this.host.onShown(panel);
    this.placeHighlight();
  }

  private close(saved: { profile: FormProfile; kept: boolean } | null): void {
    this.detach();
    this.host.onClosed(saved);
  }

  private async save(): Promise<void> {
    const fit = this.fit;
    const profile = fit.tryFitting();
    if (!profile) {
      this.render();
      return;
    }
    const save = this.host.saveProfile;
    let reply: { ok: true } | { ok: false; errors: string[] };
    try {
      reply = save ? await save(profile) : { ok: true };
    } catch (error) {
      reply = { ok: false, errors: [error instanceof Error ? error.message : String(error)] };
    }
    if (this.closed) return;
    if (!reply.ok) {
      fit.notice = { text: `The fitting could not be saved (${reply.errors.join('; ')}). Nothing has changed.`, failed: true };
      this.render();
      return;
    }
    this.close({ profile, kept: save !== undefined });
  }

  private export(): void {
    const fit = this.fit;
    const profile = fit.tryFitting();
    if (profile) {
      const fileName = `${profile.id}.json`;
      try {
        (this.host.download ?? ((name, text) => downloadText(name, text, 'application/json')))(fileName, `${JSON.stringify(profile, null, 2)}\n`);
        fit.notice = { text: `Downloading ${fileName}. Give it to your IT team to set for everyone, or import it in the Monitoring Guard options.`, failed: false };
      } catch (error) {
        fit.notice = { text: `The fitting could not be exported (${error instanceof Error ? error.message : String(error)}). Try again.`, failed: true };
      }
    }
    this.render();
  }

  /** Highlights the page control of the question being fitted (a box drawn over it, the page itself untouched). */
  private setHighlight(field: string | null, scroll = false): void {
    const changed = field !== this.highlighted;
    this.highlighted = field;
    const question = field ? this.fit.question(field) : undefined;
    if (scroll && changed && question && !question.away) {
      (question.candidate.editor ?? question.candidate.element).scrollIntoView?.({ block: 'nearest' });
    }
    this.placeHighlight();
  }

  private readonly placeHighlight = (): void => {
    const fit = this.fit;
    const question = !this.closed && this.highlighted ? (fit.picking ? this.hovered : fit.question(this.highlighted)) : null;
    // The controls and their own labels (a radio's answer beside it), as the person sees the question.
    const controls = question && !question.away ? [question.candidate.editor ?? question.candidate.element, ...question.candidate.members] : [];
    const elements = controls.flatMap((control) => [control, ...Array.from((control as HTMLInputElement).labels ?? [])]);
    const rects = elements.map((element) => element.getBoundingClientRect()).filter((rect) => rect.width > 0 || rect.height > 0);
    if (rects.length === 0 || !this.host.container.parentNode) {
      this.highlightBox?.remove();
      this.highlightBox = null;
      return;
    }
    const top = Math.min(...rects.map((rect) => rect.top));
    const left = Math.min(...rects.map((rect) => rect.left));
    const bottom = Math.max(...rects.map((rect) => rect.bottom));
    const right = Math.max(...rects.map((rect) => rect.right));
    if (!this.highlightBox || !this.highlightBox.isConnected) {
      this.highlightBox = this.host.doc.createElement('div');
      this.highlightBox.className = 'mg-highlight';
      this.highlightBox.setAttribute('data-fit-highlight', '');
      this.highlightBox.setAttribute('aria-hidden', 'true');
      this.host.container.parentNode.appendChild(this.highlightBox);
    }
    Object.assign(this.highlightBox.style, { top: `${top - 6}px`, left: `${left - 6}px`, width: `${right - left + 12}px`, height: `${bottom - top + 12}px` });
  };

  private setPicking(field: string | null): void {
    this.fit.picking = field;
    this.hovered = null;
    const win = this.host.doc.defaultView;
    if (field) {
      win?.addEventListener('mousemove', this.onPickHover, true);
      this.highlighted = field;
    } else {
      win?.removeEventListener('mousemove', this.onPickHover, true);
    }
    this.placeHighlight();
  }

  private fitsPicking(): (question: NonNullable<ReturnType<FitSession['question']>>) => boolean {
    const field = this.fit.picking;
    const type = referenceQuestions(this.fit.kind).find((question) => question.name === field)?.type;
    return (question) => (type ? COMPATIBLE[type].includes(question.kind) : true);
  }

  private readonly onPickHover = (event: MouseEvent): void => {
    const fit = this.fit;
    if (!fit.picking || !(event.target instanceof this.host.doc.defaultView!.Element) || event.target === this.host.guardElement) return;
    this.hovered = questionAt(fit.page, event.target, this.fitsPicking()) ?? null;
    this.placeHighlight();
  };

  /** A click in the page while a question is chosen on the page: that question, and nothing else happens. */
  pickAt(event: MouseEvent): void {
    const fit = this.fit;
    const field = fit.picking;
    const target = event.target as Element | null;
    if (!field || !target || target === this.host.guardElement || this.host.guardElement.contains(target)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const found = target.nodeType === 1 ? questionAt(fit.page, target, this.fitsPicking()) : null;
    if (!found) {
      fit.notice = { text: 'That part of the page is not one question: click the question\'s box or its label.', failed: true };
      this.render();
      return;
    }
    fit.choose(field, found.id);
    this.setPicking(null);
    this.setHighlight(field);
    this.render();
    // Back to the question just chosen, in the fitting view.
    this.focusQuestion(field);
  }

  private focusQuestion(field: string): void {
    this.host.container.querySelector<HTMLElement>(`[data-fit-question="${field}"] select`)?.focus();
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    const field = this.fit.picking;
    if (event.key !== 'Escape' || !field) return;
    event.preventDefault();
    event.stopPropagation();
    this.setPicking(null);
    this.render();
    this.focusQuestion(field);
  };
}

/** What fitting.js hands over to the guard. */
export interface FittingModule {
  FitController: typeof FitController;
}
