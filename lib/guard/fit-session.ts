/**
 * One fitting of a form in the page, from opening to Save: the page's questions, what the person
 * chose, and what the guard would find with it (a live preview: the page read again with the
 * fitted profile). Plain data out (FitViewState) for the fitting view; the guard draws it and
 * highlights the page's controls.
 */
import { formatDate, type IsoDate } from '../dates';
import { normaliseLabel } from '../forms/normalise';
import type { FormKind, FormProfile, Question } from '../forms/profile';
import { scanDocument, shownTitles } from '../forms/scan';
import type { FieldSnapshot, FormSnapshot } from '../forms/snapshot';
import { evaluate } from '../procedure/evaluate';
import { FORM_NAMES } from '../model/vocabulary';
import type { Settings } from '../settings';
import {
  answerKey,
  chooseQuestion,
  fittedProfile,
  fittingProblems,
  fitTargetId,
  guessFitting,
  referenceQuestions,
  typeWords,
  type FitChoice,
  type FitProblem,
} from '../fit/fitting';
import { kindWords, pageQuestions, type PageQuestion } from '../fit/page';

export interface FitOption {
  value: string;
  label: string;
}

export interface FitAnswerState {
  key: string;
  /** The procedure's wording of the answer. */
  label: string;
  chosen: string;
  id: string;
  error: string | null;
}

export interface FitQuestionState {
  field: string;
  /** The procedure's wording of the question. */
  label: string;
  /** What kind of answer it takes, in words. */
  takes: string;
  chosen: string;
  id: string;
  /** What the guard reads with this fitting, in a sentence. */
  preview: string;
  found: boolean;
  /** The chosen page question's answers, for choice and multi questions. */
  answerOptions: FitOption[];
  answers: FitAnswerState[];
  columnOptions: FitOption[];
  columns: FitAnswerState[];
  error: string | null;
}

export interface FitViewState {
  kind: FormKind;
  /** "written agreement". */
  formName: string;
  title: string;
  questions: FitQuestionState[];
  pageOptions: FitOption[];
  /** What the guard would find, in a sentence. */
  summary: string;
  /** How many questions are set to 'Not on this form' (each to be checked: the guess may have missed it). */
  notOnForm: number;
  titleError: string | null;
  problems: FitProblem[] | null;
  attempt: number;
  /** The field being chosen by a click in the page, if any. */
  picking: string | null;
  /** What happened last (saved, exported), for the person. */
  notice: { text: string; failed: boolean } | null;
  /** The page shows no boxes to fit (a View, or no form). */
  empty: boolean;
}


function reading(question: Question, field: FieldSnapshot): string {
  const value = field.value;
  const answerLabel = (value: string) => question.answers?.find((answer) => answer.value === value)?.label ?? value;
  switch (value.type) {
    case 'date':
      return value.date.state === 'valid' ? formatDate(value.date.iso as IsoDate) : value.date.state === 'empty' ? 'no answer yet' : `'${value.date.text}', which is not a date`;
    case 'yesno':
      return value.answer === 'yes' ? 'Yes' : value.answer === 'no' ? 'No' : value.text ? `'${value.text}', which is not yes or no` : 'no answer yet';
    case 'choice':
      return value.answer ? answerLabel(value.answer) : value.text ? `'${value.text}', an answer not matched` : 'no answer yet';
    case 'multi':
      return value.answers.length > 0 || value.unrecognised.length > 0
        ? [...value.answers.map(answerLabel), ...value.unrecognised.map((text) => `'${text}' (not matched)`)].join(', ')
        : 'none chosen yet';
    case 'table':
      return count(value.rows.length, 'entry', 'entries');
    default:
      return value.text.trim() === '' ? 'no answer yet' : 'an answer';
  }
}

interface Preview {
  key: string;
  snapshot: FormSnapshot | null;
  /** The control the guard reads each question from, with the fitting. */
  elements: Map<string, Element>;
  errors: number;
  warnings: number;
}

const count = (number: number, one: string, many: string) => `${number} ${number === 1 ? one : many}`;

export class FitSession {
  page: PageQuestion[];
  choice: FitChoice;
  problems: FitProblem[] | null = null;
  attempt = 0;
  picking: string | null = null;
  notice: { text: string; failed: boolean } | null = null;
  private previewCache: Preview | null = null;

  constructor(
    private readonly doc: Document,
    readonly kind: FormKind,
    /** The profile the page was read with, if any: its wording helps the guess, its titles are kept. */
    private readonly base: FormProfile | null,
    title: string,
    /** The other profiles in use: the fitted one must read the page better than they do. */
    private readonly others: readonly FormProfile[],
    private readonly judge: { settings: Settings; today: IsoDate },
  ) {
    this.page = this.collect([]);
    this.choice = guessFitting(kind, title, this.page, base);
  }

  /** Each page question's id, kept for as long as the fitting lasts (by its control and kind). */
  private readonly ids = new Map<Element, Map<string, string>>();
  private nextId = 1;

  /**
   * The page's questions, each with the id it had before; and the questions chosen before that
   * have left the page since (a form that shows one section at a time), kept as they were read:
   * a fitting holds their labels and answers, not the page.
   */
  private collect(chosenBefore: readonly PageQuestion[]): PageQuestion[] {
    const found = pageQuestions(this.doc).map((question) => {
      let byKind = this.ids.get(question.candidate.element);
      if (!byKind) this.ids.set(question.candidate.element, (byKind = new Map()));
      let id = byKind.get(question.kind);
      if (!id) byKind.set(question.kind, (id = `p${this.nextId++}`));
      return { ...question, id };
    });
    const ids = new Set(found.map((question) => question.id));
    const away = chosenBefore.filter((question) => !ids.has(question.id)).map((question) => ({ ...question, away: true }));
    return [...found, ...away];
  }

  /** The page changed under the fitting (a section opened or closed): its questions again, every choice kept. */
  refreshPage(): void {
    const chosen = new Set(Object.values(this.choice.questions));
    this.page = this.collect(this.page.filter((question) => chosen.has(question.id)));
    this.previewCache = null;
  }

  question(field: string): PageQuestion | undefined {
    return this.page.find((question) => question.id === this.choice.questions[field]);
  }

  choose(field: string, id: string): void {
    this.choice = chooseQuestion(this.choice, field, id, this.page, this.base);
    this.changed();
  }

  chooseAnswer(key: string, index: string): void {
    this.choice = { ...this.choice, answers: { ...this.choice.answers, [key]: index } };
    this.changed();
  }

  chooseColumn(key: string, index: string): void {
    this.choice = { ...this.choice, columns: { ...this.choice.columns, [key]: index } };
    this.changed();
  }

  setTitle(title: string): void {
    this.choice = { ...this.choice, title };
    this.changed();
  }

  private changed(): void {
    this.previewCache = null;
    this.notice = null;
    // Errors shown stay until the next Save or Export, but those put right go at once.
    if (this.problems) this.problems = this.allProblems().filter((problem) => this.problems!.some((shown) => shown.target === problem.target));
  }

  draft(): FormProfile {
    return fittedProfile(this.choice, this.page, this.base);
  }

  /** The answers on the page changed (typing): the preview reads them again. */
  answersChanged(): void {
    this.previewCache = null;
  }

  /** The page read with the fitted profile beside the others, as every later page will be. */
  private preview(): Preview {
    const key = JSON.stringify(this.choice);
    if (this.previewCache?.key === key) return this.previewCache;
    let result: Preview = { key, snapshot: null, elements: new Map(), errors: 0, warnings: 0 };
    try {
      const draft = this.draft();
      const scan = scanDocument(this.doc, [draft, ...this.others.filter((profile) => profile.id !== draft.id)]);
      const snapshot = scan && scan.snapshot.profileId === draft.id ? scan.snapshot : null;
      if (snapshot) {
        const gaps = evaluate(snapshot, { ...this.judge, trackedReviewDue: null }).gaps;
        result = { key, snapshot, elements: scan!.elements, errors: gaps.filter((gap) => gap.severity === 'error').length, warnings: gaps.filter((gap) => gap.severity === 'warning').length };
      }
    } catch {
      // A fitting the profile cannot be made of yet (no question): nothing found.
    }
    this.previewCache = result;
    return result;
  }

  /**
   * The questions the guard would read from another control than the one chosen (another
   * question of the page labelled the same way, found first): the fitting would read the wrong
   * answer, so it is refused.
   */
  private misread(preview: Preview): FitProblem[] {
    const problems: FitProblem[] = [];
    for (const question of referenceQuestions(this.kind)) {
      const chosen = this.question(question.name);
      const read = preview.elements.get(question.name);
      if (!chosen || chosen.away || !read || read === chosen.candidate.element) continue;
      problems.push({
        field: question.name,
        target: fitTargetId.question(question.name),
        text: `With this fitting the guard would read '${question.label}' from another question of the page labelled '${chosen.text}': ask your Mosaic team to give '${chosen.label}' a label of its own`,
      });
    }
    return problems;
  }

  /** Every problem: the fitting's own, then whether the guard would read the form with it. */
  allProblems(): FitProblem[] {
    const problems = fittingProblems(this.choice, this.page);
    if (problems.length > 0) return problems;
    const preview = this.preview();
    if (preview.snapshot) return this.misread(preview);
    const shown = shownTitles(this.doc, [normaliseLabel(this.choice.title)]).size > 0;
    return [
      shown
        ? { target: fitTargetId.question(referenceQuestions(this.kind)[0]!.name), text: 'With this fitting the guard would not recognise the form: match more of its questions to the page' }
        : { target: fitTargetId.title, text: `The page does not show the title '${this.choice.title.trim()}': enter the form's title as the page shows it` },
    ];
  }

  /** Save or Export asked for: the profile, or the problems shown and nothing done. */
  tryFitting(): FormProfile | null {
    const problems = this.allProblems();
    this.attempt++;
    if (problems.length > 0) {
      this.problems = problems;
      return null;
    }
    this.problems = null;
    return this.draft();
  }

  state(): FitViewState {
    const preview = this.preview();
    const snapshot = preview.snapshot;
    const errorsByTarget = new Map<string, string[]>();
    for (const problem of this.problems ?? []) errorsByTarget.set(problem.target, [...(errorsByTarget.get(problem.target) ?? []), problem.text]);
    const errorsOf = (target: string) => errorsByTarget.get(target)?.join('. ') ?? null;
    const item = (label: string, key: string, chosen: Record<string, string>, id: string): FitAnswerState => ({ key, label, chosen: chosen[key] ?? '', id, error: errorsOf(id) });
    const questions = referenceQuestions(this.kind).map((question): FitQuestionState => {
      const chosenId = this.choice.questions[question.name] ?? '';
      const chosen = this.question(question.name);
      const field = snapshot?.fields[question.name];
      const preview =
        chosenId === ''
          ? "Not on this form: the guard will say the form does not ask it. If your form does ask it, choose its question."
          : field
            ? `Found. It reads: ${reading(question, field)}${field.hidden ? ' (hidden on the page now)' : ''}.`
            : snapshot?.unreadable?.[question.name]
              ? `Found, but its answer cannot be read: ${snapshot.unreadable[question.name]}.`
              : chosen?.away
                ? 'Not on the page now (its section is closed): kept as it was chosen.'
                : chosen
                  ? `Not read with this fitting: ${chosen.label} is ${kindWords(chosen.kind)}.`
                  : 'The question chosen is no longer on the page.';
      const answers = chosen && chosen.answers.length > 0 ? (question.answers ?? []) : [];
      const columns = chosen && chosen.columns.length > 0 ? (question.columns ?? []) : [];
      return {
        field: question.name,
        label: question.label,
        takes: `Takes ${typeWords[question.type]}.`,
        chosen: chosenId,
        id: fitTargetId.question(question.name),
        preview,
        found: field !== undefined,
        answerOptions: (chosen?.answers ?? []).map((label, index) => ({ value: String(index), label })),
        answers: answers.map((answer) => item(answer.label, answerKey(question.name, answer.value), this.choice.answers, fitTargetId.answer(question.name, answer.value))),
        columnOptions: (chosen?.columns ?? []).map((label, index) => ({ value: String(index), label })),
        columns: columns.map((column) => item(column.label, answerKey(question.name, column.name), this.choice.columns, fitTargetId.column(question.name, column.name))),
        error: errorsOf(fitTargetId.question(question.name)),
      };
    });
    const expected = questions.filter((question) => question.chosen !== '').length;
    const found = questions.filter((question) => question.found).length;
    const notOnForm = questions.length - expected;
    const summary = snapshot
      ? `With this fitting the guard finds ${found === expected ? `all ${count(expected, 'question', 'questions')} you matched` : `${found} of the ${count(expected, 'question', 'questions')} you matched`}` +
        `${notOnForm > 0 ? ` (${notOnForm} not on this form)` : ''}, and shows ${count(preview.errors, 'error', 'errors')} and ${count(preview.warnings, 'warning', 'warnings')}.`
      : 'With this fitting the guard would not recognise this form yet.';
    const unmatched = questions.filter((question) => question.chosen === '').length;
    return {
      kind: this.kind,
      formName: FORM_NAMES[this.kind],
      title: this.choice.title,
      questions,
      pageOptions: this.page.map((question) => ({ value: question.id, label: question.label })),
      summary,
      notOnForm: unmatched,
      titleError: errorsOf(fitTargetId.title),
      problems: this.problems,
      attempt: this.attempt,
      picking: this.picking,
      notice: this.notice,
      empty: this.page.length === 0,
    };
  }
}
