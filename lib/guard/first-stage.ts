/**
 * The guard's first stage: on every page of a Mosaic address (and in each of its frames), it only
 * looks for the forms' titles, and starts the whole guard (the second stage) where one shows. A
 * page that shows none of them (most of what a worker opens all day) costs a look at its text when
 * it changes, and no more code than this.
 */
import { FORM_KINDS, type FormKind } from '../model/kinds';
import { BUILT_IN_TITLES } from '../forms/profiles/titles';
import { normaliseLabel } from '../forms/normalise';
import { shownTitles } from '../forms/scan/titles';
import { showStartFailure } from './start-failure';

export interface FormTitles {
  kind: FormKind;
  titles: readonly string[];
}

/**
 * The titles of the form profiles in use, as the background stored them (the built-in forms' and
 * the council's), or the built-in forms' where none are stored or they do not look like profiles.
 */
export function titlesOf(stored: unknown): readonly FormTitles[] {
  if (!Array.isArray(stored) || stored.length === 0) return BUILT_IN_TITLES;
  const read: FormTitles[] = [];
  for (const profile of stored as Array<{ kind?: unknown; title?: unknown; titleAliases?: unknown }>) {
    if (!profile || typeof profile !== 'object' || !FORM_KINDS.includes(profile.kind as FormKind) || typeof profile.title !== 'string') return BUILT_IN_TITLES;
    const aliases = Array.isArray(profile.titleAliases) ? profile.titleAliases.filter((alias): alias is string => typeof alias === 'string') : [];
    read.push({ kind: profile.kind as FormKind, titles: [profile.title, ...aliases] });
  }
  return read;
}

export interface FirstStageOptions {
  /** Starts the second stage in this document; resolves once it runs, rejects with why it could not. */
  start(): Promise<void>;
  /** Quiet time after the page changes before its titles are looked at again, in ms. */
  debounce?: number;
  /** Longest wait from a change to the look, in ms. */
  maxDelay?: number;
}

export class FirstStage {
  private titles: Array<{ kind: FormKind; title: string }> = [];
  /** The titles' normalised words, each once, as the look takes them. */
  private distinct: string[] = [];
  private observer: MutationObserver | null = null;
  private quiet: number | null = null;
  private deadline: number | null = null;
  private starting: Promise<boolean> | null = null;
  private stopped = false;

  constructor(
    private readonly doc: Document,
    private readonly options: FirstStageOptions,
  ) {}

  /** The titles to look for (again, when the profiles in use change). */
  setTitles(titles: readonly FormTitles[]): void {
    this.titles = titles.flatMap(({ kind, titles: own }) => own.map((title) => ({ kind, title: normaliseLabel(title) })).filter(({ title }) => title !== ''));
    this.distinct = [...new Set(this.titles.map(({ title }) => title))];
    if (this.observer) this.look();
  }

  /** Looks now, then each time the page changes, until a title shows. */
  watch(): void {
    if (this.stopped || this.starting || this.observer) return;
    const win = this.doc.defaultView;
    if (!win) return;
    this.observer = new win.MutationObserver(() => this.schedule());
    this.observer.observe(this.doc, { childList: true, subtree: true, characterData: true });
    this.look();
  }

  /** Starts the second stage now, whatever the page shows (the popup asked to fit a form here); true once it runs. */
  startNow(kind: FormKind | null = null): Promise<boolean> {
    return this.begin(kind);
  }

  stop(): void {
    this.stopped = true;
    this.unwatch();
  }

  private schedule(): void {
    const win = this.doc.defaultView;
    if (!win || this.stopped) return;
    if (this.quiet !== null) win.clearTimeout(this.quiet);
    this.quiet = win.setTimeout(() => this.look(), this.options.debounce ?? 100);
    this.deadline ??= win.setTimeout(() => this.look(), this.options.maxDelay ?? 400);
  }

  private look(): void {
    this.clearTimers();
    if (this.stopped || this.starting || this.titles.length === 0) return;
    const shown = shownTitles(this.doc, this.distinct, { any: true });
    if (shown.size === 0) return;
    const kinds = new Set(this.titles.filter(({ title }) => shown.has(title)).map(({ kind }) => kind));
    void this.begin(kinds.size === 1 ? [...kinds][0]! : null);
  }

  private unwatch(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.clearTimers();
  }

  private clearTimers(): void {
    const win = this.doc.defaultView;
    if (win && this.quiet !== null) win.clearTimeout(this.quiet);
    if (win && this.deadline !== null) win.clearTimeout(this.deadline);
    this.quiet = this.deadline = null;
  }

  /** The second stage watches the page from here on; where it cannot start, the page says so. */
  private begin(kind: FormKind | null): Promise<boolean> {
    this.unwatch();
    this.starting ??= this.options.start().then(
      () => true,
      (error: unknown) => {
        if (!this.stopped) showStartFailure(this.doc, kind, error instanceof Error ? error.message : String(error));
        return false;
      },
    );
    return this.starting;
  }
}
