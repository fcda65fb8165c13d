/**
 * Whole form pages for the property test (test/unit/generated-pages.test.ts) and the accessible
 * name oracle (test/unit/accessible-name-oracle.test.ts).
 *
 * A generated page is one of the three reference forms (its title shown, every question
 * present) with unrelated questions mixed in. It is either an EDIT page (controls hold the
 * answers) or a read-only VIEW page (forms.md: no inputs, each answer text beside or below its
 * label). Each question is a *placement*: where its label sits (the layout), how the label is
 * worded (forms.md's variations and the profile's aliases), the control or text that holds the
 * answer, and the answer the scanner must read back, in the plain form of the fixture
 * expectations (test/support/fixtures.ts).
 *
 * THE BASELINE (always generated on edit pages; what the scanner has long read):
 * - label sources: `<label for>`, a wrapping `<label>`, aria-label, aria-labelledby, a fieldset
 *   legend or a labelled ARIA group (radios, checkboxes, day-month-year boxes), a table caption
 *   (repeating tables), the table cell to the left or above, `<dt>`/`<dd>`, the text just before;
 * - controls: text box, text area, rich text (contenteditable: it cannot have a `<label>`),
 *   date box (`type=date`), three day/month/year boxes, a yes/no checkbox (ticked or not: it
 *   cannot be unanswered), radios, a dropdown, a multiple-choice dropdown, a set of checkboxes,
 *   and a repeating table with header cells.
 *
 * SHAPES (forms.md, "How questions and answers appear in practice"), each switchable: pass
 * `{ shapes: ['viewDl'] }` to pageArbitrary to generate only that one on top of the baseline, or
 * run the property test with MG_SHAPES=viewDl (see generated-pages.test.ts). SHAPES lists them.
 *
 * Edit shapes (edit pages; about two in three of the questions a shape fits take one of those on):
 * - `hintSpan`        hint text inside the label after the question's words:
 *                     `<label for>Date of review <span class="hint">For example, 27 3 2026</span></label>`
 *                     (also in a wrapping label, and in a group's legend);
 * - `hintDiv`         a hint `<div>` inside a wrapping label: `<label>Q<div class="hint">…</div><input></label>`;
 * - `helpButton`      a "?" help button inside a `<label for>` or a group's legend (text "?",
 *                     aria-label, hidden text);
 * - `calendarButton`  a date picker's calendar `<button>` inside a wrapping label, after the box;
 * - `hiddenLabelText` text inside a label or legend that is `hidden`, `aria-hidden`, `display:none`
 *                     (inline or by a class): it is no part of the label;
 * - `titleOnly`       a control labelled only by its `title` attribute;
 * - `thGroup`         radios or checkboxes labelled by a `<th>`: `rowspan` over one row per
 *                     option, or one cell per option in the same row;
 * - `labelRowGroup`   radios or checkboxes one per cell, the question in a label row above
 *                     (a `<th colspan>` or a plain cell);
 * - `richMarkup`      rich text as a contenteditable holding markup: `<p>text</p>`, `<p>&nbsp;</p>`
 *                     and `<p><br></p>` (read ""), `<br>`, `<strong>`, lists; `<p>N/A</p>` reads "N/A";
 * - `repeatSection`   the action plan as a repeating section: one fieldset (or block) per measure
 *                     with labelled Action / Who / By when controls, and an "Add another" button
 *                     (agreement form only).
 *
 * View shapes (read-only pages, `readOnly: true`; section headings always shown). Layouts, chosen
 * per page and sometimes per section (with none of them switched on, all are used):
 * - `viewGrid`        a label element and an answer element as siblings in a row `<div>`, or
 *                     every pair as direct children of one grid container;
 * - `viewStacked`     a heading-like element (`<h4>`, `<strong>`, `<p class="q">`) with the answer
 *                     in a `<p>` or `<div>` below (each pair wrapped in a `<div>` or not);
 * - `viewDl`          `<dl><dt>label</dt><dd>answer</dd></dl>`;
 * - `viewSummaryList` the GOV.UK summary list: a row `<div>` per question, `<dt>` key, `<dd>`
 *                     value, and a `<dd>` of actions holding a "Change" link with visually
 *                     hidden text (the question's words);
 * - `viewTable`       `<tr><th>label</th><td>answer</td></tr>`.
 * Answers (without these, every view answer is a plain, real answer): dates dd/mm/yyyy,
 * dd-Mon-yyyy or "4 June 2026"; yes/no as Yes/No; a choice as its option's text; a multi as the
 * ticked answers joined by ", "; a table as a `<table>` with a header row.
 * - `viewEmpty`       unanswered, often: nothing at all (no answer element; an empty `<dd>` in a
 *                     summary list), an empty element, "—" or "-". Reads unanswered: null (date,
 *                     yes/no, choice), "" (text), [] (multi, table), never as the text after it;
 * - `viewPlaceholder` "N/A", "see notes": read as the text itself ("N/A", { invalid: "N/A" } for a
 *                     date or choice, ["?N/A"] for a multi, null for a yes/no, [] for a table);
 *                     the rules treat it as missing;
 * - `viewDateFormats` dates with a time or other dashes: "04-Jun-2026 00:00", "4 June 2026 at
 *                     10:30", "04/06/2026 14:05", "04–06–2026" (en dashes); "04–06–26" is invalid;
 * - `viewLabelSpans`  the label's question number, words and mandatory marker in spans of their
 *                     own, as on edit pages (`<dt><span class="num">3.2</span> <span class="txt">Date
 *                     of review</span><span class="req">*</span></dt>`); without it View labels are
 *                     one text.
 *
 * Page shapes (edit and view):
 * - `headingEcho`     section headings always shown, as `<h2>` or `<h3>`, and subsection headings
 *                     (`<h3>`) that carry a question's own words just before it (the review's
 *                     section "Outcome" holds the question "Outcome"); a question so headed may
 *                     be left out, its heading still shown. A heading never labels anything.
 */
import fc from 'fast-check';
import { collapseWhiteSpace } from '../../lib/forms/normalise';
import type { AnswerOption, FormKind, Question, QuestionType } from '../../lib/forms/profile';
import { builtInProfiles } from '../../lib/forms/profiles';
import type { ExpectedAnswer } from './fixtures';

// ---------------------------------------------------------------------------------------------
// The shapes

export const EDIT_SHAPES = [
  'hintSpan', 'hintDiv', 'helpButton', 'calendarButton', 'hiddenLabelText', 'titleOnly', 'thGroup', 'labelRowGroup',
  'richMarkup', 'repeatSection',
] as const;
export const VIEW_LAYOUT_SHAPES = ['viewGrid', 'viewStacked', 'viewDl', 'viewSummaryList', 'viewTable'] as const;
export const VIEW_ANSWER_SHAPES = ['viewEmpty', 'viewPlaceholder', 'viewDateFormats', 'viewLabelSpans'] as const;
export const PAGE_SHAPES = ['headingEcho'] as const;

export type EditShape = (typeof EDIT_SHAPES)[number];
export type ViewLayoutShape = (typeof VIEW_LAYOUT_SHAPES)[number];
export type ViewAnswerShape = (typeof VIEW_ANSWER_SHAPES)[number];
export type Shape = EditShape | ViewLayoutShape | ViewAnswerShape | (typeof PAGE_SHAPES)[number];

/** Every shape the generator knows, beyond the baseline. */
export const SHAPES: readonly Shape[] = [...EDIT_SHAPES, ...VIEW_LAYOUT_SHAPES, ...VIEW_ANSWER_SHAPES, ...PAGE_SHAPES];

/** The forms a shape can appear on (all three unless listed). */
export const SHAPE_KINDS: Partial<Record<Shape, readonly FormKind[]>> = { repeatSection: ['agreement'] };

/** Shape names from a comma-separated list ("viewDl,hintSpan", or "all"); throws on an unknown one. */
export function parseShapes(list: string): Shape[] {
  if (list.trim() === 'all') return [...SHAPES];
  const names = list.split(',').map((name) => name.trim()).filter(Boolean);
  for (const name of names) {
    if (!(SHAPES as readonly string[]).includes(name)) throw new Error(`No generator shape '${name}': one of ${SHAPES.join(', ')}`);
  }
  return names as Shape[];
}

export interface GeneratorOptions {
  /** The shapes to generate on top of the baseline (none by default: the baseline edit pages only). */
  shapes?: readonly Shape[];
  /** Edit or view pages only (by default: view pages when a view shape is on, edit pages when an edit shape is, or none is). */
  mode?: 'edit' | 'view';
}

/** What a page may hold, worked out once from the options. */
interface Enabled {
  has: (shape: Shape) => boolean;
  modes: Array<'edit' | 'view'>;
  viewLayouts: ViewLayout[];
}

function enabled(options: GeneratorOptions): Enabled {
  const set = new Set(options.shapes ?? []);
  const has = (shape: Shape) => set.has(shape);
  const editShapes = EDIT_SHAPES.filter(has);
  const viewShapes = [...VIEW_LAYOUT_SHAPES, ...VIEW_ANSWER_SHAPES].filter(has);
  const modes: Array<'edit' | 'view'> = [];
  if (options.mode) modes.push(options.mode);
  else {
    if (viewShapes.length === 0 || editShapes.length > 0 || has('headingEcho')) modes.push('edit');
    if (viewShapes.length > 0 || has('headingEcho')) modes.push('view');
  }
  const layouts = (Object.keys(VIEW_LAYOUT_SHAPE) as ViewLayout[]).filter((layout) => has(VIEW_LAYOUT_SHAPE[layout]));
  return { has, modes, viewLayouts: layouts.length > 0 ? layouts : (Object.keys(VIEW_LAYOUT_SHAPE) as ViewLayout[]) };
}

// ---------------------------------------------------------------------------------------------
// The data model

/** Where a question's label is, relative to its control. */
export type Layout =
  | 'labelFor' // <label for="id">Label</label> <input id="id">
  | 'wrapLabel' // <label>Label <input></label>
  | 'ariaLabel' // <input aria-label="Label">
  | 'ariaLabelledby' // <span id="l">Label</span> <input aria-labelledby="l">
  | 'legend' // <fieldset><legend>Label</legend> radios… </fieldset>
  | 'ariaGroup' // <div role="radiogroup" aria-labelledby="l"> radios… </div>
  | 'caption' // <table><caption>Label</caption>…
  | 'tableLeft' // <tr><th>Label</th><td><input></td></tr>
  | 'tableAbove' // <tr><th>Label</th></tr><tr><td><input></td></tr>
  | 'dtdd' // <dt>Label</dt><dd><input></dd>
  | 'textBefore' // <div>Label</div><input>
  | 'titleOnly' // <input title="Label"> (shape titleOnly)
  | 'thGroup' // <tr><th rowspan="2">Label</th><td>radio</td></tr><tr><td>radio</td></tr> (shape thGroup)
  | 'labelRow' // <tr><th colspan="2">Label</th></tr><tr><td>radio</td><td>radio</td></tr> (shape labelRowGroup)
  | 'view'; // read-only text: the page's ViewStyle places label and answer

/** How a radio's or checkbox's own answer text is shown. */
export type OptionLabel = 'labelFor' | 'wrap' | 'textAfter' | 'ariaLabel' | 'ariaLabelledby';

/** What tells a day, month or year box apart. */
export type PartHint = 'label' | 'ariaLabel' | 'placeholder' | 'name' | 'nameUnderscore';

export interface ShownOption {
  text: string;
  value: string;
}

export type CellKind = 'input' | 'textarea' | 'text' | 'dateInput';
export interface TableCellShown {
  kind: CellKind;
  value: string;
}

/** How an unanswered question shows in a View. */
export type EmptyHow = 'none' | 'element' | 'emDash' | 'hyphen';

/** A read-only answer as the View shows it. */
export type ViewShown =
  | { kind: 'text'; text: string; breaks: boolean }
  | { kind: 'empty'; how: EmptyHow }
  | { kind: 'table'; headers: string[]; rows: string[][]; head: 'thead' | 'firstRow' };

export type Control =
  | { kind: 'input'; value: string }
  | { kind: 'textarea'; value: string }
  /** Rich text: `html` is its markup (shape richMarkup), else the value's text escaped. */
  | { kind: 'editable'; value: string; html?: string }
  | { kind: 'dateInput'; value: string }
  | { kind: 'dateParts'; day: string; month: string; year: string; monthSelect: boolean; hint: PartHint; container: 'fieldset' | 'group' }
  | { kind: 'checkbox'; checked: boolean }
  | { kind: 'select'; options: ShownOption[]; selected: number | null }
  | { kind: 'multiSelect'; options: ShownOption[]; selected: number[] }
  | { kind: 'radios'; options: ShownOption[]; checked: number | null; optionLabel: OptionLabel }
  | { kind: 'checkboxes'; options: ShownOption[]; checked: number[]; optionLabel: OptionLabel }
  | { kind: 'table'; headers: string[]; rows: TableCellShown[][]; head: 'thead' | 'firstRow' }
  | {
      kind: 'repeatSection';
      /** Column labels as shown, in the order shown. */
      headers: string[];
      /** One entry per measure, cells in the order of `headers`. */
      entries: TableCellShown[][];
      entryWrap: 'fieldset' | 'div';
      labelHow: 'for' | 'wrap';
      add: 'button' | 'inputButton';
    }
  | { kind: 'view'; shown: ViewShown };

/** A label as shown: a question number, the words, a mandatory marker and trailing punctuation. */
export interface LabelText {
  number: string;
  text: string;
  marker: string;
  suffix: string;
  /** White space around the whole label. */
  pad: string;
  /** Number, words and marker in spans of their own (as Mosaic's question captions are). */
  spans: boolean;
}

/** More in a label element than the question (edit shapes hintSpan, hintDiv, helpButton, calendarButton, hiddenLabelText). */
export type Decor =
  | { shape: 'hintSpan'; hint: string; tag: 'span' | 'small' | 'em' }
  | { shape: 'hintDiv'; hint: string }
  | { shape: 'helpButton'; how: 'text' | 'ariaLabel' | 'hiddenText' }
  | { shape: 'calendarButton'; how: 'hiddenText' | 'ariaLabel' | 'text' | 'image' }
  | { shape: 'hiddenLabelText'; how: 'hidden' | 'ariaHidden' | 'displayNone' | 'classNone'; text: string; before: boolean };

export interface Placement {
  /** The profile's field name, or null for an unrelated question. */
  field: string | null;
  type: QuestionType;
  /** The form section the question sits in (a heading is shown when it changes). */
  section: string | null;
  label: LabelText;
  layout: Layout;
  control: Control;
  /** What the snapshot must read, as simpleAnswer gives it. */
  answer: ExpectedAnswer;
  /** How many hostile texts (markup, huge, odd Unicode) the answer holds. */
  hostile: number;
  /** Join the previous placement's table or definition list (same layout family). */
  join: boolean;
  /** A second way to render the layout (label after a checkbox, aria-label instead of aria-labelledby, …). */
  alt: boolean;
  /** A conditional question the page hides (its answer is still read, and the field marked hidden). */
  hidden: 'attribute' | 'style' | null;
  /** Left out of the page: the snapshot must list it as missing. */
  omitted: boolean;
  /** More than the question in its label element. */
  decor: Decor | null;
  /** A subsection heading with the question's own words, just before it (shape headingEcho). */
  echo: string | null;
  /** The shapes this placement exercises (none: the baseline). */
  shapes: Shape[];
  /** A yes/no answer's text that is neither yes nor no ("N/A"), for the rules' comparison. */
  verdictText?: string;
}

export interface TitleShown {
  text: string;
  where: 'title' | 'heading' | 'both' | 'bar';
}

export type ViewLayout = 'grid' | 'stacked' | 'dl' | 'summaryList' | 'table';
export const VIEW_LAYOUT_SHAPE: Record<ViewLayout, ViewLayoutShape> = {
  grid: 'viewGrid',
  stacked: 'viewStacked',
  dl: 'viewDl',
  summaryList: 'viewSummaryList',
  table: 'viewTable',
};

/** How a View page lays out its questions. */
export interface ViewStyle {
  /** The layout of each section ('' for what comes before the first). */
  layouts: Record<string, ViewLayout>;
  /** Grid: every pair a direct child of one container (else a row `<div>` per pair). */
  gridFlat: boolean;
  gridLabel: 'div' | 'span' | 'label' | 'strong';
  gridValue: 'div' | 'span' | 'p';
  stackedLabel: 'h4' | 'strong' | 'pq';
  stackedValue: 'p' | 'div';
  stackedWrap: boolean;
}

export interface GeneratedPage {
  kind: FormKind;
  mode: 'edit' | 'view';
  title: TitleShown;
  /** Show the form's section headings. */
  sections: boolean;
  headingTag: 'h2' | 'h3';
  /** View pages: how the answers are laid out. */
  view: ViewStyle | null;
  /** Every question of the form, in form order, with unrelated ones mixed in. */
  placements: Placement[];
}

/** The form's questions the page shows. */
const shownQuestions = (page: GeneratedPage) => page.placements.filter((placement) => placement.field !== null && !placement.omitted);

/** The answers the scanner must read, by field name (unrelated and left-out questions aside). */
export function expectedAnswers(page: GeneratedPage): Record<string, ExpectedAnswer> {
  return Object.fromEntries(shownQuestions(page).map((placement) => [placement.field!, placement.answer]));
}

/** The questions left out, in form order. */
export function expectedMissing(page: GeneratedPage): string[] {
  return page.placements.filter((placement) => placement.field !== null && placement.omitted).map((placement) => placement.field!);
}

/** The questions the page hides, in form order. */
export function expectedHidden(page: GeneratedPage): string[] {
  return shownQuestions(page).filter((placement) => placement.hidden !== null).map((placement) => placement.field!);
}

/** Whether the snapshot must be read-only (a View page). */
export function expectedReadOnly(page: GeneratedPage): boolean {
  return page.mode === 'view';
}

/** How many hostile texts the page holds. */
export function hostileInputs(page: GeneratedPage): number {
  return page.placements.reduce((sum, placement) => sum + (placement.omitted ? 0 : placement.hostile), 0);
}

/** The shapes the page exercises, in SHAPES order. */
export function pageShapes(page: GeneratedPage): Shape[] {
  const used = new Set(page.placements.filter((placement) => !placement.omitted || placement.echo).flatMap((placement) => placement.shapes));
  return SHAPES.filter((shape) => used.has(shape));
}

/** One line about the page: form, mode, layouts and shapes. */
export function describePage(page: GeneratedPage): string {
  const layouts = page.view
    ? ` layouts ${Object.entries(page.view.layouts).map(([section, layout]) => `${section || '(top)'}=${layout}`).join(', ')};`
    : '';
  return `${page.kind} ${page.mode} page;${layouts} headings ${page.sections ? page.headingTag : 'none'}; shapes: ${pageShapes(page).join(', ') || 'baseline only'}`;
}

// ---------------------------------------------------------------------------------------------
// Answers

/** A text answer as put in, and whether it is hostile (markup, huge, odd Unicode). */
interface TextPut {
  text: string;
  hostile: boolean;
}

const SENTENCES = [
  'Adults unknown to the carers have contacted the young person online.',
  'Jo Carer, foster carer',
  'Filtering software on the phone; weekly check together.',
  'Checks go from weekly to monthly.',
  'Finds the checks fair.',
  "Sam O'Neill (social worker)",
  'First line\n  second   line\n\n\tthird line',
  '  Leading and trailing spaces  ',
  'Costs £40 – about 50% “quoted” in the plan',
  'Terry Manager',
  'Advice sought on privacy.',
  'Contact attempts continue.',
];

const PLACEHOLDER_TEXTS = ['', '   ', '\n\t ', 'n/a', 'N/A', 'TBC', 'see notes', 'None', '-', 'As above'];

const MARKUP = [
  '<img src=x onerror=alert(1)>',
  '</textarea><script>alert(1)</script>',
  '&amp;',
  '&lt;b&gt;not bold&lt;/b&gt;',
  '<b>bold</b> & <i>italic</i>',
  '"><svg onload=alert(1)>',
  "' onfocus='alert(1)' x='",
  '<!-- not a comment -->',
  '</select></label></td></tr></table></form>',
  '<![CDATA[ x ]]>',
  '&#x3C;script&#x3E;',
  '<div contenteditable="true">edit me</div>',
  '<input type="hidden" value="x">',
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}} ${alert(1)}',
];

const ODD_UNICODE = [
  'Zoe\u0308 and Rene\u0301e', // combining marks
  'e\u0301\u0301\u0301\u0323\u0323 stacked',
  'مرحبا بالعالم', // right to left
  'שלום עולם and English',
  '\u202eevil\u202c reversed',
  '👩‍👩‍👧‍👦 family emoji', // zero-width joiners
  '🏳️‍🌈 flag',
  'a\u200db\u200cc',
  'zero\u200bwidth\u200bspace',
  'non\u00a0breaking\u00a0space',
  '\ufeffbyte order mark',
  'line\u2028separator\u2029paragraph',
  'ﬁnance ligature and Ｆｕｌｌｗｉｄｔｈ',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 maths letters',
  'ǅungla titlecase',
];

export const HUGE_LENGTH = 100_000;
const HUGE_PIECES = [
  'The young person said the checks are fair. ',
  'Notes <script>alert(1)</script> & <img src=x onerror=alert(1)> "quoted" \n',
  'Zoe\u0308 👩‍👩‍👧 مرحبا non\u00a0breaking a\u200db ',
];

/** A text of exactly HUGE_LENGTH UTF-16 units, never ending in half a surrogate pair. */
export function hugeText(piece: number): string {
  const chunk = HUGE_PIECES[piece % HUGE_PIECES.length]!;
  let text = chunk.repeat(Math.ceil(HUGE_LENGTH / chunk.length)).slice(0, HUGE_LENGTH);
  if (/[\ud800-\udbff]$/.test(text)) text = `${text.slice(0, -1)}x`;
  return text;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Any text answer, huge ones rare (a 100,000-character answer in about one in a hundred). */
const textPut: fc.Arbitrary<TextPut> = fc.oneof(
  { weight: 40, arbitrary: fc.constantFrom(...SENTENCES).map((text) => ({ text, hostile: false })) },
  { weight: 15, arbitrary: fc.constantFrom(...PLACEHOLDER_TEXTS).map((text) => ({ text, hostile: false })) },
  {
    weight: 15,
    arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }).map((text) => ({ text, hostile: NON_ASCII.test(text) })),
  },
  {
    weight: 15,
    arbitrary: fc
      .tuple(fc.constantFrom(...MARKUP), fc.constantFrom('', ...SENTENCES), fc.boolean())
      .map(([markup, sentence, first]) => ({ text: first ? `${markup} ${sentence}` : `${sentence} ${markup}`, hostile: true })),
  },
  { weight: 15, arbitrary: fc.constantFrom(...ODD_UNICODE).map((text) => ({ text, hostile: true })) },
  { weight: 1, arbitrary: fc.nat(HUGE_PIECES.length - 1).map((piece) => ({ text: hugeText(piece), hostile: true })) },
);

/** A text box holds one line: the line breaks of an answer put in one are spaces. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]/g, ' ');
}

// Dates

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A real date from 2025 to 2027. */
const isoDate: fc.Arbitrary<string> = fc
  .integer({ min: 0, max: 3 * 365 })
  .map((offset) => new Date(Date.UTC(2025, 0, 1 + offset)).toISOString().slice(0, 10));

function ymd(iso: string): { y: number; m: number; d: number } {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const ordinal = (d: number) => `${d}${d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th'}`;
const shortMonth = (m: number) => (m === 9 ? 'Sept' : MONTHS[m - 1]!.slice(0, 3));

/** The ways lib/dates.ts parseDate reads a date. */
const DATE_FORMATS = {
  slashPadded: ({ y, m, d }) => `${pad2(d)}/${pad2(m)}/${y}`,
  slash: ({ y, m, d }) => `${d}/${m}/${y}`,
  slashSpaced: ({ y, m, d }) => `${pad2(d)} / ${pad2(m)} / ${y}`,
  dash: ({ y, m, d }) => `${pad2(d)}-${pad2(m)}-${y}`,
  dot: ({ y, m, d }) => `${d}.${pad2(m)}.${y}`,
  mosaic: ({ y, m, d }) => `${pad2(d)}-${MONTHS[m - 1]!.slice(0, 3)}-${y}`,
  mosaicUpper: ({ y, m, d }) => `${pad2(d)}-${MONTHS[m - 1]!.slice(0, 3).toUpperCase()}-${y}`,
  iso: ({ y, m, d }) => `${y}-${pad2(m)}-${pad2(d)}`,
  long: ({ y, m, d }) => `${d} ${MONTHS[m - 1]} ${y}`,
  short: ({ y, m, d }) => `${d} ${shortMonth(m)} ${y}`,
  shortDot: ({ y, m, d }) => `${d} ${MONTHS[m - 1]!.slice(0, 3)}. ${y}`,
  weekday: ({ y, m, d }) => `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${d} ${MONTHS[m - 1]} ${y}`,
  weekdayOrdinal: ({ y, m, d }) => `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}, ${ordinal(d)} ${MONTHS[m - 1]} ${y}`,
  padded: ({ y, m, d }) => `  ${pad2(d)}/${pad2(m)}/${y} `,
} satisfies Record<string, (date: { y: number; m: number; d: number }) => string>;
type DateFormat = keyof typeof DATE_FORMATS;

/** Dates that are not real dates, or not dates at all: read as invalid, with their text. */
const INVALID_DATES = [
  '31/02/2026', '29/02/2027', '2026-13-01', '12/25/2026', '1/1/26', 'next week', 'TBC', '32 June 2026',
  '15 Smarch 2026', '00/01/2026', '01/01/1899', 'June 2026', '2026/06/01',
];

/** A date answer in a text box: text in some format, with the answer it means. */
const dateText: fc.Arbitrary<{ text: string; answer: ExpectedAnswer }> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(isoDate, fc.constantFrom(...(Object.keys(DATE_FORMATS) as DateFormat[])))
      .map(([iso, format]) => ({ text: DATE_FORMATS[format](ymd(iso)), answer: iso })),
  },
  { weight: 2, arbitrary: fc.constantFrom(...INVALID_DATES).map((text) => ({ text, answer: { invalid: collapseWhiteSpace(text) } })) },
  { weight: 2, arbitrary: fc.constantFrom('', '   ').map((text) => ({ text, answer: null })) },
);

/** A date answer in a `type=date` box: only a real date or nothing. */
const dateValue: fc.Arbitrary<{ text: string; answer: ExpectedAnswer }> = fc.oneof(
  { weight: 4, arbitrary: isoDate.map((iso) => ({ text: iso, answer: iso })) },
  { weight: 1, arbitrary: fc.constant({ text: '', answer: null }) },
);

/** Three boxes that do not make a real date, read as invalid with their texts joined. */
const INVALID_PARTS: Array<[string, string, string]> = [
  ['31', '2', '2026'], ['29', '02', '2027'], ['12', '13', '2026'], ['1', '6', '26'], ['', '6', '2026'],
  ['5', 'Smarch', '2026'], ['0', '1', '2026'], ['3', 'June', '1899'], ['5', '6', ''],
];

type DatePartsControl = Extract<Control, { kind: 'dateParts' }>;

const datePartsPut: fc.Arbitrary<{ control: DatePartsControl; answer: ExpectedAnswer }> = fc
  .record({
    hint: fc.constantFrom<PartHint>('label', 'ariaLabel', 'placeholder', 'name', 'nameUnderscore'),
    container: fc.constantFrom<'fieldset' | 'group'>('fieldset', 'group'),
    monthSelect: fc.boolean(),
    value: fc.oneof(
      {
        weight: 6,
        arbitrary: fc
          .record({ iso: isoDate, padded: fc.boolean(), month: fc.constantFrom('number', 'padded', 'name', 'abbr') })
          .map(({ iso, padded, month }) => ({ iso, padded, month, parts: null as [string, string, string] | null })),
      },
      { weight: 2, arbitrary: fc.constantFrom(...INVALID_PARTS).map((parts) => ({ iso: null, padded: false, month: 'number', parts })) },
      { weight: 2, arbitrary: fc.constant({ iso: null, padded: false, month: 'number', parts: ['', '', ''] as [string, string, string] }) },
    ),
  })
  .map(({ hint, container, monthSelect, value }) => {
    if (value.iso !== null) {
      const { y, m, d } = ymd(value.iso);
      // A month dropdown shows numbers or names.
      const style = monthSelect ? (value.month === 'name' || value.month === 'abbr' ? 'name' : 'number') : value.month;
      const month = style === 'number' ? String(m) : style === 'padded' ? pad2(m) : style === 'name' ? MONTHS[m - 1]! : shortMonth(m);
      const control: DatePartsControl = { kind: 'dateParts', day: value.padded ? pad2(d) : String(d), month, year: String(y), monthSelect, hint, container };
      return { control, answer: value.iso };
    }
    const [day, month, year] = value.parts!;
    const empty = day === '' && month === '' && year === '';
    // Only a real month (or none) can be chosen in a month dropdown.
    const control: DatePartsControl = { kind: 'dateParts', day, month, year, monthSelect: monthSelect && empty, hint, container };
    return { control, answer: empty ? null : { invalid: [day, month, year].join('/') } };
  });

// Options (yes/no, choice, multi)

/** Ways an answer's words vary: case and apostrophes. */
function wordingArbitrary(texts: readonly string[]): fc.Arbitrary<string> {
  return fc
    .record({ text: fc.constantFrom(...texts), case: fc.constantFrom('asIs', 'asIs', 'lower', 'upper'), curly: fc.boolean() })
    .map(({ text, case: letterCase, curly }) => {
      let shown = curly ? text.replace(/'/g, '\u2019') : text.replace(/\u2019/g, "'");
      if (letterCase === 'lower') shown = shown.toLowerCase();
      if (letterCase === 'upper') shown = shown.toUpperCase();
      return shown;
    });
}

const optionTexts = (option: AnswerOption) => [option.label, ...(option.aliases ?? [])];

/** What a dropdown shows when nothing is chosen. */
const UNCHOSEN_TEXTS = ['', '-- Select --', 'Please select', 'Select one', 'Select...'];

const OPTION_LABELS: OptionLabel[] = ['labelFor', 'wrap', 'textAfter', 'ariaLabel', 'ariaLabelledby'];

/** Value attributes: Mosaic's codes, numbers, or the stable values themselves. */
function optionValues(options: readonly AnswerOption[], style: 'letters' | 'numbers' | 'stable'): string[] {
  return options.map((option, index) =>
    style === 'letters' ? String.fromCharCode(65 + index) : style === 'numbers' ? String(index + 1) : option.value,
  );
}

/** Answers no profile knows, for choice questions. */
const UNKNOWN_CHOICES = ['Kinship care', 'Not recorded', 'Fortnightly', 'Someone else'];

// ---------------------------------------------------------------------------------------------
// A question's control and answer

interface Answered {
  control: Control;
  answer: ExpectedAnswer;
  hostile: number;
  /** The shape the control itself is (richMarkup, repeatSection, the View answer shapes). */
  shape?: Shape;
  verdictText?: string;
}

function textAnswered(on: Enabled): fc.Arbitrary<Answered> {
  const plain = fc.tuple(textPut, fc.constantFrom('input', 'textarea', 'editable')).map(([put, kind]): Answered => {
    const value = kind === 'input' ? oneLine(put.text) : put.text;
    return { control: { kind, value }, answer: collapseWhiteSpace(value), hostile: put.hostile ? 1 : 0 };
  });
  return on.has('richMarkup') ? fc.oneof(plain, richAnswered) : plain;
}

function dateAnswered(): fc.Arbitrary<Answered> {
  return fc.oneof(
    { weight: 5, arbitrary: dateText.map(({ text, answer }): Answered => ({ control: { kind: 'input', value: text }, answer, hostile: 0 })) },
    { weight: 2, arbitrary: dateValue.map(({ text, answer }): Answered => ({ control: { kind: 'dateInput', value: text }, answer, hostile: 0 })) },
    { weight: 3, arbitrary: datePartsPut.map(({ control, answer }): Answered => ({ control, answer, hostile: 0 })) },
  );
}

function yesNoAnswered(): fc.Arbitrary<Answered> {
  return fc
    .record({
      answer: fc.constantFrom<'yes' | 'no' | null>('yes', 'no', null),
      words: fc.constantFrom(['Yes', 'No'], ['YES', 'NO'], ['yes', 'no'], ['Y', 'N']),
      values: fc.constantFrom(['Y', 'N'], ['1', '2'], ['true', 'false']),
      noFirst: fc.boolean(),
      kind: fc.constantFrom('checkbox', 'radios', 'select'),
      unchosen: fc.constantFrom(...UNCHOSEN_TEXTS),
      optionLabel: fc.constantFrom(...OPTION_LABELS),
    })
    .map(({ answer, words, values, noFirst, kind, unchosen, optionLabel }): Answered => {
      // A checkbox is ticked or not: it cannot be left unanswered (unticked reads as No).
      if (kind === 'checkbox') {
        return { control: { kind: 'checkbox', checked: answer === 'yes' }, answer: answer ?? 'no', hostile: 0 };
      }
      const yes = { text: words[0]!, value: values[0]! };
      const no = { text: words[1]!, value: values[1]! };
      const options = noFirst ? [no, yes] : [yes, no];
      const chosen = answer === null ? null : options.indexOf(answer === 'yes' ? yes : no);
      if (kind === 'radios') return { control: { kind: 'radios', options, checked: chosen, optionLabel }, answer, hostile: 0 };
      return {
        control: { kind: 'select', options: [{ text: unchosen, value: '' }, ...options], selected: chosen === null ? null : chosen + 1 },
        answer,
        hostile: 0,
      };
    });
}

function choiceAnswered(question: Question): fc.Arbitrary<Answered> {
  const options = question.answers ?? [];
  return fc
    .record({
      texts: fc.tuple(...options.map((option) => wordingArbitrary(optionTexts(option)))),
      pick: fc.oneof(
        { weight: 8, arbitrary: fc.nat(options.length - 1) },
        { weight: 2, arbitrary: fc.constant<'none'>('none') },
        { weight: 1, arbitrary: fc.constant<'unknown'>('unknown') },
      ),
      unknown: fc.constantFrom(...UNKNOWN_CHOICES),
      values: fc.constantFrom<'letters' | 'numbers' | 'stable'>('letters', 'numbers', 'stable'),
      kind: fc.constantFrom('select', 'select', 'radios', 'radios', 'input'),
      unchosen: fc.constantFrom<string | null>(null, ...UNCHOSEN_TEXTS),
      optionLabel: fc.constantFrom(...OPTION_LABELS),
    })
    .map(({ texts, pick, unknown, values, kind, unchosen, optionLabel }): Answered => {
      const answer: ExpectedAnswer =
        pick === 'none' ? null : pick === 'unknown' ? { invalid: unknown } : options[pick]!.value;
      if (kind === 'input') {
        const value = pick === 'none' ? '' : pick === 'unknown' ? unknown : texts[pick]!;
        return { control: { kind: 'input', value }, answer, hostile: 0 };
      }
      const shown: ShownOption[] = texts.map((text, index) => ({ text, value: optionValues(options, values)[index]! }));
      if (pick === 'unknown') shown.push({ text: unknown, value: 'ZZ' });
      const chosen = pick === 'none' ? null : pick === 'unknown' ? shown.length - 1 : pick;
      if (kind === 'radios') return { control: { kind: 'radios', options: shown, checked: chosen, optionLabel }, answer, hostile: 0 };
      // With nothing chosen, a dropdown shows its first option: it needs an empty one.
      const placeholder = unchosen ?? (chosen === null ? '-- Select --' : null);
      const all = placeholder === null ? shown : [{ text: placeholder, value: '' }, ...shown];
      const offset = placeholder === null ? 0 : 1;
      return { control: { kind: 'select', options: all, selected: chosen === null ? null : chosen + offset }, answer, hostile: 0 };
    });
}

function multiAnswered(question: Question): fc.Arbitrary<Answered> {
  const options = question.answers ?? [];
  const indices = options.map((_, index) => index);
  return fc
    .record({
      texts: fc.tuple(...options.map((option) => wordingArbitrary(optionTexts(option)))),
      chosen: fc.subarray(indices),
      values: fc.constantFrom<'letters' | 'numbers' | 'stable'>('letters', 'numbers', 'stable'),
      kind: fc.constantFrom('checkboxes', 'checkboxes', 'multiSelect'),
      optionLabel: fc.constantFrom(...OPTION_LABELS),
    })
    .map(({ texts, chosen, values, kind, optionLabel }): Answered => {
      const shown = texts.map((text, index) => ({ text, value: optionValues(options, values)[index]! }));
      // fc.subarray keeps the options' order: the profile's order, as the snapshot lists them.
      const answer = chosen.map((index) => options[index]!.value);
      const control: Control =
        kind === 'checkboxes'
          ? { kind: 'checkboxes', options: shown, checked: chosen, optionLabel }
          : { kind: 'multiSelect', options: shown, selected: chosen };
      return { control, answer, hostile: 0 };
    });
}

/** A repeating table: shuffled columns (an unrelated one perhaps), rows, and blank rows at the end. */
function tableAnswered(question: Question, on: Enabled): fc.Arbitrary<Answered> {
  const table = repeatingTableAnswered(question);
  return on.has('repeatSection') ? fc.oneof(table, repeatSectionAnswered(question)) : table;
}

function repeatingTableAnswered(question: Question): fc.Arbitrary<Answered> {
  const columns = question.columns ?? [];
  const textCell = fc.tuple(textPut, fc.constantFrom<CellKind>('input', 'input', 'textarea', 'text')).map(([put, kind]) => {
    const value = kind === 'input' ? oneLine(put.text) : put.text;
    return { cell: { kind, value }, answer: collapseWhiteSpace(value), hostile: put.hostile ? 1 : 0 };
  });
  const dateCell = fc.oneof(
    dateText.chain(({ text, answer }) =>
      fc.constantFrom<CellKind>('input', 'text').map((kind) => ({ cell: { kind, value: text }, answer, hostile: 0 })),
    ),
    dateValue.map(({ text, answer }) => ({ cell: { kind: 'dateInput' as CellKind, value: text }, answer, hostile: 0 })),
  );
  const cellFor = (type: 'text' | 'date') => (type === 'date' ? dateCell : textCell);
  return fc
    .record({
      order: fc.shuffledSubarray(columns, { minLength: columns.length, maxLength: columns.length }),
      headers: fc.tuple(...columns.map((column) => wordingArbitrary([column.label, ...(column.aliases ?? [])]))),
      extra: fc.constantFrom<'none' | 'number' | 'notes'>('none', 'none', 'number', 'notes'),
      rows: fc.array(fc.tuple(...columns.map((column) => cellFor(column.type))), { maxLength: 4 }),
      blank: fc.nat(2),
      head: fc.constantFrom<'thead' | 'firstRow'>('thead', 'firstRow'),
    })
    .map(({ order, headers, extra, rows, blank, head }): Answered => {
      const headerOf = new Map(columns.map((column, index) => [column.name, headers[index]!]));
      const shownHeaders = order.map((column) => headerOf.get(column.name)!);
      if (extra === 'number') shownHeaders.unshift('#');
      if (extra === 'notes') shownHeaders.push('Notes');
      const shownRows: TableCellShown[][] = [];
      const answer: Array<Record<string, ExpectedAnswer>> = [];
      let hostile = 0;
      rows.forEach((cells, rowIndex) => {
        const byName = new Map(columns.map((column, index) => [column.name, cells[index]!]));
        const shown = order.map((column) => byName.get(column.name)!.cell);
        if (extra === 'number') shown.unshift({ kind: 'text', value: String(rowIndex + 1) });
        if (extra === 'notes') shown.push({ kind: 'input', value: 'Agreed at the meeting' });
        shownRows.push(shown);
        hostile += cells.reduce((sum, cell) => sum + cell.hostile, 0);
        // A row with nothing in it is not an entry.
        const filled = cells.some((cell) => cell.answer !== null && cell.answer !== '');
        if (filled) answer.push(Object.fromEntries(columns.map((column, index) => [column.name, cells[index]!.answer])));
      });
      for (let index = 0; index < blank; index++) {
        shownRows.push(shownHeaders.map((): TableCellShown => ({ kind: 'input', value: '' })));
      }
      return { control: { kind: 'table', headers: shownHeaders, rows: shownRows, head }, answer, hostile };
    });
}

function answeredArbitrary(question: Question, on: Enabled): fc.Arbitrary<Answered> {
  switch (question.type) {
    case 'text':
      return textAnswered(on);
    case 'date':
      return dateAnswered();
    case 'yesno':
      return yesNoAnswered();
    case 'choice':
      return choiceAnswered(question);
    case 'multi':
      return multiAnswered(question);
    case 'table':
      return tableAnswered(question, on);
  }
}


// Rich text as markup (shape richMarkup)

/** A text for markup or a View: no huge ones, nothing that reads as empty or a dash. */
const shortTextPut: fc.Arbitrary<TextPut> = fc
  .oneof(
    { weight: 40, arbitrary: fc.constantFrom(...SENTENCES).map((text) => ({ text, hostile: false })) },
    {
      weight: 15,
      arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map((text) => ({ text, hostile: NON_ASCII.test(text) })),
    },
    {
      weight: 15,
      arbitrary: fc
        .tuple(fc.constantFrom(...MARKUP), fc.constantFrom('', ...SENTENCES), fc.boolean())
        .map(([markup, sentence, first]) => ({ text: first ? `${markup} ${sentence}` : `${sentence} ${markup}`, hostile: true })),
    },
    { weight: 15, arbitrary: fc.constantFrom(...ODD_UNICODE).map((text) => ({ text, hostile: true })) },
  )
  .filter((put) => !READS_EMPTY.test(collapseWhiteSpace(put.text)) && !MARKER_ALONE.test(put.text));

/**
 * A mandatory marker alone ("*", "(required)"): beside a label, the guard reads it as the
 * label's marker, so the question as unanswered (a gap, never a pass). Not an answer to generate.
 */
const MARKER_ALONE = /^\s*(?:\*+|\((?:mandatory|required)\))\s*$/i;

/** What a View shows for an unanswered question, and what never is an answer in one: nothing, "—", "-". */
const READS_EMPTY = /^[-\u2013\u2014]?$/;

interface RichBlock {
  html: string;
  text: string;
  hostile: boolean;
}

const sentence = fc.constantFrom(...SENTENCES);
const richBlock: fc.Arbitrary<RichBlock> = fc.oneof(
  { weight: 4, arbitrary: shortTextPut.map((put) => ({ html: `<p>${escapeHtml(put.text)}</p>`, text: put.text, hostile: put.hostile })) },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom('<p>&nbsp;</p>', '<p><br></p>', '<p></p>', '<p> </p>', '<div><br></div>', '<p>&nbsp;<br></p>')
      .map((html) => ({ html, text: '', hostile: false })),
  },
  { weight: 1, arbitrary: fc.constantFrom('N/A', 'see notes').map((text) => ({ html: `<p>${text}</p>`, text, hostile: false })) },
  {
    weight: 1,
    arbitrary: fc.tuple(sentence, sentence).map(([a, b]) => ({ html: `<p>${escapeHtml(a)}<br>${escapeHtml(b)}</p>`, text: `${a} ${b}`, hostile: false })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(sentence, sentence)
      .map(([a, b]) => ({ html: `<p>${escapeHtml(a)} <strong>${escapeHtml(b)}</strong></p>`, text: `${a} ${b}`, hostile: false })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(sentence, sentence)
      .map(([a, b]) => ({ html: `<ul><li>${escapeHtml(a)}</li><li>${escapeHtml(b)}</li></ul>`, text: `${a} ${b}`, hostile: false })),
  },
  // A word split by markup is still one word.
  { weight: 1, arbitrary: fc.constant({ html: '<p>Week<b>ly</b> che<i>cks</i></p>', text: 'Weekly checks', hostile: false }) },
);

const richAnswered: fc.Arbitrary<Answered> = fc
  .tuple(fc.array(richBlock, { minLength: 1, maxLength: 4 }), fc.constantFrom('', '\n'))
  .map(([blocks, separator]): Answered => {
    const answer = collapseWhiteSpace(blocks.map((block) => block.text).join(' '));
    return {
      control: { kind: 'editable', value: answer, html: blocks.map((block) => block.html).join(separator) },
      answer,
      hostile: blocks.filter((block) => block.hostile).length,
      shape: 'richMarkup',
    };
  });

// The action plan as a repeating section (shape repeatSection)

function repeatSectionAnswered(question: Question): fc.Arbitrary<Answered> {
  const columns = question.columns ?? [];
  const textCell = fc.tuple(shortTextPut, fc.constantFrom<CellKind>('input', 'input', 'textarea')).map(([put, kind]) => {
    const value = kind === 'input' ? oneLine(put.text) : put.text;
    return { cell: { kind, value }, answer: collapseWhiteSpace(value) as ExpectedAnswer, hostile: put.hostile ? 1 : 0 };
  });
  const dateCell = fc.oneof(
    dateText.map(({ text, answer }) => ({ cell: { kind: 'input' as CellKind, value: text }, answer, hostile: 0 })),
    dateValue.map(({ text, answer }) => ({ cell: { kind: 'dateInput' as CellKind, value: text }, answer, hostile: 0 })),
  );
  return fc
    .record({
      order: fc.shuffledSubarray(columns, { minLength: columns.length, maxLength: columns.length }),
      headers: fc.tuple(...columns.map((column) => wordingArbitrary([column.label, ...(column.aliases ?? [])]))),
      entries: fc.array(fc.tuple(...columns.map((column) => (column.type === 'date' ? dateCell : textCell))), { maxLength: 3 }),
      blank: fc.nat(1),
      entryWrap: fc.constantFrom<'fieldset' | 'div'>('fieldset', 'div'),
      labelHow: fc.constantFrom<'for' | 'wrap'>('for', 'wrap'),
      add: fc.constantFrom<'button' | 'inputButton'>('button', 'inputButton'),
    })
    .map(({ order, headers, entries, blank, entryWrap, labelHow, add }): Answered => {
      const headerOf = new Map(columns.map((column, index) => [column.name, headers[index]!]));
      const answer: Array<Record<string, ExpectedAnswer>> = [];
      const shownEntries: TableCellShown[][] = [];
      let hostile = 0;
      for (const cells of entries) {
        const byName = new Map(columns.map((column, index) => [column.name, cells[index]!]));
        shownEntries.push(order.map((column) => byName.get(column.name)!.cell));
        hostile += cells.reduce((sum, cell) => sum + cell.hostile, 0);
        if (cells.some((cell) => cell.answer !== null && cell.answer !== '')) {
          answer.push(Object.fromEntries(columns.map((column, index) => [column.name, cells[index]!.answer])));
        }
      }
      // The blank measure a worker has just added (a section always shows one measure at least).
      for (let index = 0; index < Math.max(blank, shownEntries.length === 0 ? 1 : 0); index++) {
        shownEntries.push(order.map((): TableCellShown => ({ kind: 'input', value: '' })));
      }
      return {
        control: { kind: 'repeatSection', headers: order.map((column) => headerOf.get(column.name)!), entries: shownEntries, entryWrap, labelHow, add },
        answer,
        hostile,
        shape: 'repeatSection',
      };
    });
}

// ---------------------------------------------------------------------------------------------
// Answers as a View shows them

/** Dates as a View shows them (the baseline of View pages). */
const VIEW_DATE_FORMATS = {
  slashPadded: DATE_FORMATS.slashPadded,
  mosaic: DATE_FORMATS.mosaic,
  long: DATE_FORMATS.long,
  short: DATE_FORMATS.short,
} satisfies Record<string, (date: { y: number; m: number; d: number }) => string>;

/** Dates with a time after them or other dashes (shape viewDateFormats). */
const VIEW_DATE_TIME_FORMATS = {
  mosaicMidnight: (date) => `${DATE_FORMATS.mosaic(date)} 00:00`,
  longAt: (date) => `${DATE_FORMATS.long(date)} at 10:30`,
  slashTime: (date) => `${DATE_FORMATS.slashPadded(date)} 14:05`,
  longComma: (date) => `${DATE_FORMATS.long(date)}, 9.15am`,
  enDash: ({ y, m, d }) => `${pad2(d)}\u2013${pad2(m)}\u2013${y}`,
  emDash: ({ y, m, d }) => `${pad2(d)}\u2014${pad2(m)}\u2014${y}`,
} satisfies Record<string, (date: { y: number; m: number; d: number }) => string>;

/** Not real dates in a View: read as invalid, with their text. */
const VIEW_INVALID_DATES = ['1/1/26', '31/02/2026', 'next week', '32 June 2026'];
const VIEW_INVALID_DASHED_DATES = ['04\u201306\u201326', '31\u201302\u20132026 10:00'];

const PLACEHOLDERS_SHOWN = ['N/A', 'n/a', 'see notes', 'See notes'];

interface ViewAnswered {
  shown: ViewShown;
  answer: ExpectedAnswer;
  hostile: number;
  shape: ViewAnswerShape | null;
  verdictText?: string;
}

const viewText = (text: string, breaks = false): ViewShown => ({ kind: 'text', text, breaks });

function viewDateAnswered(on: Enabled): fc.Arbitrary<ViewAnswered> {
  const plain = (formats: Record<string, (date: { y: number; m: number; d: number }) => string>, shape: ViewAnswerShape | null) =>
    fc.tuple(isoDate, fc.constantFrom(...Object.values(formats))).map(([iso, format]): ViewAnswered => ({ shown: viewText(format(ymd(iso))), answer: iso, hostile: 0, shape }));
  const invalid = (texts: string[], shape: ViewAnswerShape | null) =>
    fc.constantFrom(...texts).map((text): ViewAnswered => ({ shown: viewText(text), answer: { invalid: collapseWhiteSpace(text) }, hostile: 0, shape }));
  const options: Array<fc.WeightedArbitrary<ViewAnswered>> = [
    { weight: 8, arbitrary: plain(VIEW_DATE_FORMATS, null) },
    { weight: 1, arbitrary: invalid(VIEW_INVALID_DATES, null) },
  ];
  if (on.has('viewDateFormats')) {
    options.push({ weight: 8, arbitrary: plain(VIEW_DATE_TIME_FORMATS, 'viewDateFormats') }, { weight: 1, arbitrary: invalid(VIEW_INVALID_DASHED_DATES, 'viewDateFormats') });
  }
  return fc.oneof(...options);
}

/** A real answer, as a View shows it. */
function viewRealAnswered(question: Question, on: Enabled): fc.Arbitrary<ViewAnswered> {
  switch (question.type) {
    case 'text': {
      const huge = fc.nat(HUGE_PIECES.length - 1).map((piece): TextPut => ({ text: hugeText(piece), hostile: true }));
      return fc
        .tuple(fc.oneof({ weight: 99, arbitrary: shortTextPut }, { weight: 1, arbitrary: huge }), fc.boolean())
        .map(([put, breaks]): ViewAnswered => ({ shown: viewText(put.text, breaks), answer: collapseWhiteSpace(put.text), hostile: put.hostile ? 1 : 0, shape: null }));
    }
    case 'date':
      return viewDateAnswered(on);
    case 'yesno':
      return fc
        .tuple(fc.constantFrom<'yes' | 'no'>('yes', 'no'), fc.constantFrom(['Yes', 'No'], ['Yes', 'No'], ['YES', 'NO'], ['yes', 'no']))
        .map(([answer, words]): ViewAnswered => ({ shown: viewText(answer === 'yes' ? words[0]! : words[1]!), answer, hostile: 0, shape: null }));
    case 'choice': {
      const options = question.answers ?? [];
      return fc.oneof(
        {
          weight: 8,
          arbitrary: fc
            .nat(options.length - 1)
            .chain((pick) => wordingArbitrary(optionTexts(options[pick]!)).map((text): ViewAnswered => ({ shown: viewText(text), answer: options[pick]!.value, hostile: 0, shape: null }))),
        },
        { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN_CHOICES).map((text): ViewAnswered => ({ shown: viewText(text), answer: { invalid: text }, hostile: 0, shape: null })) },
      );
    }
    case 'multi': {
      const options = question.answers ?? [];
      const indices = options.map((_, index) => index);
      return fc
        .tuple(fc.shuffledSubarray(indices, { minLength: 1 }), fc.tuple(...options.map((option) => wordingArbitrary(optionTexts(option)))))
        .map(([chosen, texts]): ViewAnswered => ({
          shown: viewText(chosen.map((index) => texts[index]!).join(', ')),
          // The snapshot lists them in the profile's order.
          answer: [...chosen].sort((a, b) => a - b).map((index) => options[index]!.value),
          hostile: 0,
          shape: null,
        }));
    }
    case 'table':
      return viewTableAnswered(question);
  }
}

function viewTableAnswered(question: Question): fc.Arbitrary<ViewAnswered> {
  const columns = question.columns ?? [];
  const textCell = fc.oneof(
    { weight: 5, arbitrary: shortTextPut.map((put) => ({ text: put.text, answer: collapseWhiteSpace(put.text) as ExpectedAnswer, hostile: put.hostile ? 1 : 0 })) },
    { weight: 1, arbitrary: fc.constant({ text: '', answer: '' as ExpectedAnswer, hostile: 0 }) },
  );
  const dateCell = fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .tuple(isoDate, fc.constantFrom(...Object.values(VIEW_DATE_FORMATS)))
        .map(([iso, format]) => ({ text: format(ymd(iso)), answer: iso as ExpectedAnswer, hostile: 0 })),
    },
    { weight: 1, arbitrary: fc.constant({ text: '', answer: null as ExpectedAnswer, hostile: 0 }) },
  );
  return fc
    .record({
      order: fc.shuffledSubarray(columns, { minLength: columns.length, maxLength: columns.length }),
      headers: fc.tuple(...columns.map((column) => wordingArbitrary([column.label, ...(column.aliases ?? [])]))),
      rows: fc.array(fc.tuple(...columns.map((column) => (column.type === 'date' ? dateCell : textCell))), { minLength: 1, maxLength: 3 }),
      head: fc.constantFrom<'thead' | 'firstRow'>('thead', 'firstRow'),
    })
    .map(({ order, headers, rows, head }): ViewAnswered => {
      const headerOf = new Map(columns.map((column, index) => [column.name, headers[index]!]));
      const answer: Array<Record<string, ExpectedAnswer>> = [];
      const shownRows: string[][] = [];
      let hostile = 0;
      for (const cells of rows) {
        const byName = new Map(columns.map((column, index) => [column.name, cells[index]!]));
        shownRows.push(order.map((column) => byName.get(column.name)!.text));
        hostile += cells.reduce((sum, cell) => sum + cell.hostile, 0);
        if (cells.some((cell) => cell.answer !== null && cell.answer !== '')) {
          answer.push(Object.fromEntries(columns.map((column, index) => [column.name, cells[index]!.answer])));
        }
      }
      return { shown: { kind: 'table', headers: order.map((column) => headerOf.get(column.name)!), rows: shownRows, head }, answer, hostile, shape: null };
    });
}

/** What an unanswered question reads as. */
function unansweredReading(type: QuestionType): ExpectedAnswer {
  switch (type) {
    case 'text':
      return '';
    case 'multi':
    case 'table':
      return [];
    default:
      return null;
  }
}

/** What a placeholder ("N/A") reads as: the text itself, as each type holds a text. */
function placeholderReading(type: QuestionType, text: string): ExpectedAnswer {
  switch (type) {
    case 'text':
      return text;
    case 'date':
    case 'choice':
      return { invalid: text };
    case 'multi':
      return [`?${text}`];
    case 'yesno':
      return null;
    case 'table':
      return [];
  }
}

function viewAnsweredArbitrary(question: Question, on: Enabled): fc.Arbitrary<ViewAnswered> {
  const options: Array<fc.WeightedArbitrary<ViewAnswered>> = [{ weight: 6, arbitrary: viewRealAnswered(question, on) }];
  if (on.has('viewEmpty')) {
    options.push({
      weight: 3,
      arbitrary: fc
        .constantFrom<EmptyHow>('none', 'element', 'emDash', 'hyphen')
        .map((how): ViewAnswered => ({ shown: { kind: 'empty', how }, answer: unansweredReading(question.type), hostile: 0, shape: 'viewEmpty' })),
    });
  }
  if (on.has('viewPlaceholder')) {
    options.push({
      weight: 2,
      arbitrary: fc.constantFrom(...PLACEHOLDERS_SHOWN).map(
        (text): ViewAnswered => ({
          shown: viewText(text),
          answer: placeholderReading(question.type, text),
          hostile: 0,
          shape: 'viewPlaceholder',
          ...(question.type === 'yesno' ? { verdictText: text } : {}),
        }),
      ),
    });
  }
  return fc.oneof(...options);
}

// ---------------------------------------------------------------------------------------------
// Labels and layouts

/** forms.md's label variations: case, white space, ':' or '?', '*' or '(mandatory)', a number, apostrophes, '&'. */
function labelArbitrary(texts: readonly string[]): fc.Arbitrary<LabelText> {
  return fc
    .record({
      base: fc.constantFrom(...texts),
      case: fc.constantFrom('asIs', 'asIs', 'upper', 'lower'),
      curly: fc.boolean(),
      ampersand: fc.boolean(),
      spacing: fc.constantFrom(' ', ' ', ' ', '  ', '\n      ', '\u00a0', '\t'),
      number: fc.constantFrom('', '', '3.2', '3.2.', 'Q12', 'Q12.', '(4)', '4)', '12'),
      marker: fc.constantFrom('', '', '*', ' *', ' (mandatory)', ' (required)', ' **', ' (Mandatory)'),
      suffix: fc.constantFrom('', '', ':', ' :', '?'),
      pad: fc.constantFrom('', '', ' ', '\n    '),
      spans: fc.boolean(),
    })
    .map(({ base, case: letterCase, curly, ampersand, spacing, number, marker, suffix, pad, spans }): LabelText => {
      let text = curly ? base.replace(/'/g, '\u2019') : base;
      // Every "and", "and/or" too ("Is surveillance &/or monitoring warranted?").
      if (ampersand) text = text.replace(/\band\b/g, '&');
      if (letterCase === 'upper') text = text.toUpperCase();
      if (letterCase === 'lower') text = text.toLowerCase();
      text = text.replace(/ /g, spacing);
      return { number, text, marker, suffix, pad, spans };
    });
}

/** The label as one string (an aria-label). */
export function labelString(label: LabelText): string {
  return `${label.pad}${label.number ? `${label.number} ` : ''}${label.text}${label.marker}${label.suffix}${label.pad}`;
}

/** The label as markup. */
function labelHtml(label: LabelText): string {
  if (!label.spans) return escapeHtml(labelString(label));
  const number = label.number ? `<span class="num">${escapeHtml(label.number)}</span> ` : '';
  const marker = label.marker ? `<span class="req">${escapeHtml(label.marker)}</span>` : '';
  return `${label.pad}${number}<span class="txt">${escapeHtml(label.text)}</span>${marker}${escapeHtml(label.suffix)}${label.pad}`;
}


const STANDALONE: Layout[] = ['labelFor', 'wrapLabel', 'ariaLabel', 'ariaLabelledby', 'tableLeft', 'tableAbove', 'dtdd', 'textBefore'];
/** Rich text is not a labelable element: no `<label>`. */
const RICH_TEXT: Layout[] = ['ariaLabel', 'ariaLabelledby', 'tableLeft', 'tableAbove', 'dtdd', 'textBefore'];
const GROUP: Layout[] = ['legend', 'ariaGroup', 'tableLeft', 'tableAbove', 'dtdd', 'textBefore'];
const TABLE: Layout[] = ['caption', 'ariaLabel', 'ariaLabelledby', 'legend', 'tableLeft', 'tableAbove', 'dtdd', 'textBefore'];
/** A repeating section: a fieldset's legend, a labelled group, or the text before it. */
const REPEAT_SECTION: Layout[] = ['legend', 'ariaGroup', 'textBefore'];

function layoutsFor(control: Control): Layout[] {
  switch (control.kind) {
    case 'editable':
      return RICH_TEXT;
    case 'radios':
    case 'checkboxes':
    case 'dateParts':
      return GROUP;
    case 'table':
      return TABLE;
    case 'repeatSection':
      return REPEAT_SECTION;
    case 'view':
      return ['view'];
    default:
      return STANDALONE;
  }
}

interface LayoutChoice {
  layout: Layout;
  decor: Decor | null;
  shape: EditShape | null;
}

const HINTS: Record<QuestionType, string[]> = {
  date: ['For example, 27 3 2026', 'dd/mm/yyyy', 'For example, 27/03/2026'],
  text: ['Give details', 'Include their name and role', 'Do not include details of other children'],
  yesno: ['Select one', 'Tick if this applies'],
  choice: ['Select one'],
  multi: ['Select all that apply'],
  table: ['Add a row for each measure'],
};

/** Texts a label may hold that people cannot see: none is a profile's question ("Date of birth" is an unrelated one's). */
const HIDDEN_TEXTS = ['Internal reference MR_DATE', 'Previous wording: Date of first meeting', 'Tooltip', 'Date of birth', '(was 4.1)', 'Help text'];

/**
 * Where the label is, and what more its label element holds: the baseline layouts, or (about
 * half the time, where one fits) one of the edit shapes switched on.
 */
function layoutChoiceArbitrary(control: Control, type: QuestionType, on: Enabled): fc.Arbitrary<LayoutChoice> {
  const base = layoutsFor(control);
  const baseline = fc.constantFrom(...base).map((layout): LayoutChoice => ({ layout, decor: null, shape: null }));
  if (control.kind === 'view' || control.kind === 'repeatSection' || (control.kind === 'editable' && control.html !== undefined)) return baseline;
  const labelable = base.includes('labelFor');
  const shaped: Array<fc.Arbitrary<LayoutChoice>> = [];
  /** A group's legend holds a hint or help as a label does. */
  const legendOr = (layouts: Layout[]): Layout[] => (labelable ? layouts : base.includes('legend') ? ['legend'] : []);
  const hintLayouts = legendOr(['labelFor', 'labelFor', 'wrapLabel']);
  if (on.has('hintSpan') && hintLayouts.length > 0) {
    shaped.push(
      fc
        .tuple(fc.constantFrom(...hintLayouts), fc.constantFrom(...HINTS[type]), fc.constantFrom<'span' | 'small' | 'em'>('span', 'span', 'small', 'em'))
        .map(([layout, hint, tag]): LayoutChoice => ({ layout, decor: { shape: 'hintSpan', hint, tag }, shape: 'hintSpan' })),
    );
  }
  if (on.has('hintDiv') && labelable) {
    shaped.push(fc.constantFrom(...HINTS[type]).map((hint): LayoutChoice => ({ layout: 'wrapLabel', decor: { shape: 'hintDiv', hint }, shape: 'hintDiv' })));
  }
  const helpLayouts = legendOr(['labelFor']);
  if (on.has('helpButton') && helpLayouts.length > 0) {
    shaped.push(
      fc
        .tuple(fc.constantFrom(...helpLayouts), fc.constantFrom<'text' | 'ariaLabel' | 'hiddenText'>('text', 'ariaLabel', 'hiddenText'))
        .map(([layout, how]): LayoutChoice => ({ layout, decor: { shape: 'helpButton', how }, shape: 'helpButton' })),
    );
  }
  if (on.has('calendarButton') && type === 'date' && (control.kind === 'input' || control.kind === 'dateInput')) {
    shaped.push(
      fc
        .constantFrom<'hiddenText' | 'ariaLabel' | 'text' | 'image'>('hiddenText', 'ariaLabel', 'text', 'image')
        .map((how): LayoutChoice => ({ layout: 'wrapLabel', decor: { shape: 'calendarButton', how }, shape: 'calendarButton' })),
    );
  }
  const hiddenLayouts = legendOr(['labelFor', 'wrapLabel']);
  if (on.has('hiddenLabelText') && hiddenLayouts.length > 0) {
    shaped.push(
      fc
        .record({
          layout: fc.constantFrom(...hiddenLayouts),
          how: fc.constantFrom<'hidden' | 'ariaHidden' | 'displayNone' | 'classNone'>('hidden', 'ariaHidden', 'displayNone', 'classNone'),
          text: fc.constantFrom(...HIDDEN_TEXTS),
          before: fc.boolean(),
        })
        .map(({ layout, how, text, before }): LayoutChoice => ({ layout, decor: { shape: 'hiddenLabelText', how, text, before }, shape: 'hiddenLabelText' })),
    );
  }
  if (on.has('titleOnly') && (labelable || control.kind === 'editable')) {
    shaped.push(fc.constant<LayoutChoice>({ layout: 'titleOnly', decor: null, shape: 'titleOnly' }));
  }
  if (control.kind === 'radios' || control.kind === 'checkboxes') {
    if (on.has('thGroup')) shaped.push(fc.constant<LayoutChoice>({ layout: 'thGroup', decor: null, shape: 'thGroup' }));
    if (on.has('labelRowGroup')) shaped.push(fc.constant<LayoutChoice>({ layout: 'labelRow', decor: null, shape: 'labelRowGroup' }));
  }
  return shaped.length === 0 ? baseline : fc.oneof({ weight: 1, arbitrary: baseline }, { weight: 2, arbitrary: fc.oneof(...shaped) });
}

/**
 * The questions shown only when an earlier answer calls for them (the rules' `needs`): a page
 * may hide them.
 */
const CONDITIONAL = new Set([
  'familyNotInvolvedReason', 'efrhPanelDate', 'channelReferred', 'channelReferralDate', 'familyNotDiscussedReason',
  'advocateRecommended', 'advocateAgreed', 'advocateName', 'gillickAssessedBy', 'gillickAssessedDate', 'signatoryName',
  'youngPersonNotAttendedReason',
]);

/**
 * Section names: a question labelled as its section is headed ("Outcome") is not left out in the
 * baseline (a heading with its words would be left to label the next control); with headingEcho
 * it may be: a heading never labels anything.
 */
const SECTIONS = new Set(builtInProfiles.flatMap((profile) => profile.questions.map((question) => question.section?.toLowerCase())));

/** A subsection heading with the question's own words before it, about one question in four (shape headingEcho). */
function echoArbitrary(question: Question, field: string | null, on: Enabled): fc.Arbitrary<string | null> {
  if (field === null || !on.has('headingEcho')) return fc.constant(null);
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom(question.label, ...(question.aliases ?? [])).chain((text) => fc.constantFrom(text, text.toUpperCase())) },
  );
}

function omittedArbitrary(question: Question, field: string | null, on: Enabled): fc.Arbitrary<boolean> {
  const mayOmit = field !== null && (on.has('headingEcho') || !SECTIONS.has(question.label.toLowerCase()));
  return mayOmit ? fc.oneof({ weight: 30, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }) : fc.constant(false);
}

function placementArbitrary(question: Question, field: string | null, on: Enabled): fc.Arbitrary<Placement> {
  const mayHide = field !== null && CONDITIONAL.has(field);
  return answeredArbitrary(question, on).chain(({ control, answer, hostile, shape }) =>
    fc
      .record({
        label: labelArbitrary([question.label, ...(question.aliases ?? [])]),
        choice: layoutChoiceArbitrary(control, question.type, on),
        join: fc.boolean(),
        alt: fc.boolean(),
        hidden: mayHide
          ? fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom<'attribute' | 'style'>('attribute', 'style') })
          : fc.constant(null),
        omitted: omittedArbitrary(question, field, on),
        echo: echoArbitrary(question, field, on),
      })
      .map(({ label, choice, join, alt, hidden, omitted, echo }): Placement => ({
        field,
        type: question.type,
        section: field === null ? null : (question.section ?? null),
        label,
        layout: choice.layout,
        control,
        answer,
        hostile,
        join,
        alt,
        hidden,
        omitted,
        decor: choice.decor,
        echo,
        shapes: [...(shape ? [shape] : []), ...(choice.shape ? [choice.shape] : []), ...(echo ? (['headingEcho'] as const) : [])],
      })),
  );
}

/** A question on a View page: its label and its answer as text (never hidden: a View shows what was answered). */
function viewPlacementArbitrary(question: Question, field: string | null, on: Enabled): fc.Arbitrary<Placement> {
  return fc
    .record({
      answered: viewAnsweredArbitrary(question, on),
      label: labelArbitrary([question.label, ...(question.aliases ?? [])]),
      alt: fc.boolean(),
      omitted: omittedArbitrary(question, field, on),
      echo: echoArbitrary(question, field, on),
    })
    .map(({ answered, label: shown, alt, omitted, echo }): Placement => {
      // The question number, words and marker in spans of their own only with viewLabelSpans.
      const label = on.has('viewLabelSpans') ? shown : { ...shown, spans: false };
      return {
        field,
        type: question.type,
        section: field === null ? null : (question.section ?? null),
        label,
        layout: 'view',
        control: { kind: 'view', shown: answered.shown },
        answer: answered.answer,
        hostile: answered.hostile,
        join: true,
        alt,
        hidden: null,
        omitted,
        decor: null,
        echo,
        // The layout's shape is added with the page's style (it is the section's).
        shapes: [
          ...(answered.shape ? [answered.shape] : []),
          ...(label.spans ? (['viewLabelSpans'] as const) : []),
          ...(echo ? (['headingEcho'] as const) : []),
        ],
        ...(answered.verdictText !== undefined ? { verdictText: answered.verdictText } : {}),
      };
    });
}

// ---------------------------------------------------------------------------------------------
// Unrelated questions

const EXTRA_QUESTIONS: Question[] = [
  { name: 'placementAddress', type: 'text', label: 'Placement address' },
  { name: 'dentist', type: 'text', label: 'Dentist' },
  { name: 'gp', type: 'text', label: 'GP surgery' },
  { name: 'language', type: 'text', label: 'Preferred language' },
  { name: 'health', type: 'date', label: 'Date of last health assessment' },
  { name: 'birth', type: 'date', label: 'Date of birth' },
  { name: 'education', type: 'yesno', label: 'Is the young person in education?' },
  {
    name: 'legalStatus', type: 'choice', label: 'Legal status',
    answers: [
      { value: 's20', label: 'Section 20' },
      { value: 's31', label: 'Care order (s31)' },
      { value: 'notLac', label: 'Not looked after' },
    ],
  },
  {
    name: 'devices', type: 'multi', label: 'Devices used',
    answers: [
      { value: 'phone', label: 'Phone' },
      { value: 'tablet', label: 'Tablet' },
      { value: 'laptop', label: 'Laptop' },
      { value: 'console', label: 'Games console' },
    ],
  },
];

/** A rough normal form, only to keep the generator's own words apart from the profiles'. */
const rough = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
{
  const known = new Set(
    builtInProfiles.flatMap((profile) =>
      profile.questions.flatMap((question) => [
        question.label,
        ...(question.aliases ?? []),
        ...(question.answers ?? []).flatMap(optionTexts),
      ]),
    ).map(rough),
  );
  for (const text of [...EXTRA_QUESTIONS.map((question) => question.label), ...UNKNOWN_CHOICES]) {
    if (known.has(rough(text))) throw new Error(`Generator: '${text}' is a profile's label or answer`);
  }
}

function extrasArbitrary(place: (question: Question, field: null) => fc.Arbitrary<Placement>): fc.Arbitrary<Array<[Placement, number]>> {
  return fc
    .shuffledSubarray(EXTRA_QUESTIONS, { maxLength: 4 })
    .chain((questions) => fc.tuple(...questions.map((question) => fc.tuple(place(question, null), fc.nat()))));
}

// ---------------------------------------------------------------------------------------------
// The page

/**
 * A page of the form of this kind: its title shown, every question placed, unrelated ones mixed
 * in. With no options, the baseline edit pages; `shapes` adds shapes (SHAPES), `mode` keeps to
 * edit or view pages.
 */
export function pageArbitrary(kind: FormKind, options: GeneratorOptions = {}): fc.Arbitrary<GeneratedPage> {
  const on = enabled(options);
  const profile = builtInProfiles.find((candidate) => candidate.kind === kind)!;
  const title = fc.record({
    text: fc.constantFrom(profile.title, ...(profile.titleAliases ?? [])).chain((text) => fc.constantFrom(text, text.toUpperCase())),
    where: fc.constantFrom<TitleShown['where']>('title', 'heading', 'both', 'bar'),
  });
  const headingTag = on.has('headingEcho') ? fc.constantFrom<'h2' | 'h3'>('h2', 'h3') : fc.constant<'h2' | 'h3'>('h2');
  const sections = [...new Set(profile.questions.map((question) => question.section ?? ''))];
  const withMode = (mode: 'edit' | 'view') =>
    fc
      .record({
        title,
        sections: mode === 'view' || on.has('headingEcho') ? fc.constant(true) : fc.boolean(),
        headingTag,
        view: mode === 'view' ? viewStyleArbitrary(sections, on.viewLayouts).map((style): ViewStyle | null => style) : fc.constant<ViewStyle | null>(null),
        questions: fc.tuple(
          ...profile.questions.map((question) => (mode === 'view' ? viewPlacementArbitrary(question, question.name, on) : placementArbitrary(question, question.name, on))),
        ),
        extras: extrasArbitrary((question, field) => (mode === 'view' ? viewPlacementArbitrary(question, field, on) : placementArbitrary(question, field, on))),
      })
      .map(({ title, sections, headingTag, view, questions, extras }) => {
        let placements: Placement[] = [...questions];
        for (const [extra, at] of extras) placements.splice(at % (placements.length + 1), 0, extra);
        if (view) {
          // Each View question exercises its section's layout (unrelated ones, the section they are in).
          let section = '';
          placements = placements.map((placement) => {
            if (placement.section !== null) section = placement.section;
            return { ...placement, shapes: [VIEW_LAYOUT_SHAPE[view.layouts[section] ?? view.layouts['']!], ...placement.shapes] };
          });
        }
        const page: GeneratedPage = { kind, mode, title, sections, headingTag, view, placements };
        // fast-check shows a failing page as one line about it (and, with MG_PAGE_HTML=1, its HTML, long texts cut short).
        Object.defineProperty(page, fc.toStringMethod, {
          value: () => (process.env.MG_PAGE_HTML ? `${describePage(page)}\n${shortHtml(renderPage(page))}` : `${describePage(page)} (MG_PAGE_HTML=1 prints its HTML)`),
          enumerable: false,
        });
        return page;
      });
  return fc.constantFrom(...on.modes).chain(withMode);
}

function viewStyleArbitrary(sections: string[], layouts: ViewLayout[]): fc.Arbitrary<ViewStyle> {
  return fc
    .record({
      page: fc.constantFrom(...layouts),
      perSection: fc.boolean(),
      each: fc.tuple(...sections.map(() => fc.constantFrom(...layouts))),
      gridFlat: fc.boolean(),
      gridLabel: fc.constantFrom<ViewStyle['gridLabel']>('div', 'span', 'label', 'strong'),
      gridValue: fc.constantFrom<ViewStyle['gridValue']>('div', 'span', 'p'),
      stackedLabel: fc.constantFrom<ViewStyle['stackedLabel']>('h4', 'strong', 'pq'),
      stackedValue: fc.constantFrom<ViewStyle['stackedValue']>('p', 'div'),
      stackedWrap: fc.boolean(),
    })
    .map(({ page, perSection, each, ...style }): ViewStyle => ({
      layouts: { '': page, ...Object.fromEntries(sections.map((section, index) => [section, perSection ? each[index]! : page])) },
      ...style,
    }));
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The page's HTML with every run of more than 300 characters of text cut short, to print. */
export function shortHtml(html: string): string {
  return html.replace(/[^<>]{300,}/g, (text) => `${text.slice(0, 120)}…[${text.length} characters]`);
}

class Ids {
  private count = 0;
  next(prefix = 'q'): string {
    return `${prefix}${++this.count}`;
  }
}

const attribute = (name: string, value: string) => ` ${name}="${escapeHtml(value)}"`;

interface ControlContext {
  /** The control's id (standalone controls). */
  id?: string;
  /** Attributes for the control, or for a group's or table's container. */
  attrs?: string;
  /** A group's or table's legend (the group is then a fieldset). */
  legend?: string;
  /** A table's caption. */
  caption?: string;
}

/** One radio or checkbox, with its answer text shown as `optionLabel` says. */
function optionHtml(type: 'radio' | 'checkbox', name: string, option: ShownOption, checked: boolean, how: OptionLabel, ids: Ids): string {
  const input = (extra: string) =>
    `<input type="${type}"${attribute('name', name)}${attribute('value', option.value)}${checked ? ' checked' : ''}${extra}>`;
  const text = escapeHtml(option.text);
  switch (how) {
    case 'labelFor': {
      const id = ids.next('o');
      return `<span class="opt">${input(attribute('id', id))}<label for="${id}">${text}</label></span>`;
    }
    case 'wrap':
      return `<label class="opt">${input('')} ${text}</label>`;
    case 'textAfter':
      return `<span class="opt">${input('')}${text}</span>`;
    case 'ariaLabel':
      return `<span class="opt">${input(attribute('aria-label', option.text))} ${text}</span>`;
    case 'ariaLabelledby': {
      const id = ids.next('ot');
      return `<span class="opt">${input(attribute('aria-labelledby', id))} <span id="${id}">${text}</span></span>`;
    }
  }
}

/** A group of members: in a fieldset with its legend, in a labelled ARIA group, or loose (or in an unlabelled container). */
function groupHtml(members: string, context: ControlContext, role: string, bare: 'fieldset' | 'group' | 'div'): string {
  if (context.legend !== undefined) return `<fieldset class="group"><legend>${context.legend}</legend>${members}</fieldset>`;
  if (context.attrs) return `<div role="${role}"${context.attrs} class="options">${members}</div>`;
  if (bare === 'fieldset') return `<fieldset class="group">${members}</fieldset>`;
  if (bare === 'group') return `<div role="group" class="options">${members}</div>`;
  return `<div class="options">${members}</div>`;
}

function datePartHtml(control: DatePartsControl, which: 'day' | 'month' | 'year', value: string, name: string, ids: Ids): string {
  const caption = { day: 'Day', month: 'Month', year: 'Year' }[which];
  const placeholder = { day: 'DD', month: 'MM', year: 'YYYY' }[which];
  const short = { day: 'dd', month: 'mm', year: 'yyyy' }[which];
  const id = ids.next('p');
  let hint = '';
  let before = '';
  let partName = `${name}${which[0]}`;
  switch (control.hint) {
    case 'label':
      before = `<label for="${id}">${caption}</label>`;
      break;
    case 'ariaLabel':
      hint = attribute('aria-label', caption);
      break;
    case 'placeholder':
      // A dropdown has no placeholder: it says what it is another way.
      hint = which === 'month' && control.monthSelect ? attribute('aria-label', caption) : attribute('placeholder', placeholder);
      break;
    case 'name':
      partName = `${name}-${which}`;
      break;
    case 'nameUnderscore':
      // As Mosaic's fields are named: dec_dd, dec_mm, dec_yyyy.
      partName = `${name}_${short}`;
      break;
  }
  if (which === 'month' && control.monthSelect) {
    const names = !/^\d*$/.test(value);
    const options = MONTHS.map((month, index) => {
      const text = names ? month : String(index + 1);
      return `<option value="${index + 1}"${text === value ? ' selected' : ''}>${text}</option>`;
    }).join('');
    return `<span class="part">${before}<select id="${id}"${attribute('name', partName)}${hint}><option value=""></option>${options}</select></span>`;
  }
  return `<span class="part">${before}<input type="text" id="${id}"${attribute('name', partName)}${hint}${attribute('value', value)}></span>`;
}

function cellHtml(cell: TableCellShown, name: string): string {
  switch (cell.kind) {
    case 'input':
      return `<td><input type="text"${attribute('name', name)}${attribute('value', cell.value)}></td>`;
    case 'dateInput':
      return `<td><input type="date"${attribute('name', name)}${attribute('value', cell.value)}></td>`;
    case 'textarea':
      return `<td><textarea${attribute('name', name)}>${escapeHtml(cell.value)}</textarea></td>`;
    case 'text':
      return `<td>${escapeHtml(cell.value)}</td>`;
  }
}

/** One control of a repeating section's entry. */
function entryControlHtml(cell: TableCellShown, attrs: string): string {
  switch (cell.kind) {
    case 'textarea':
      return `<textarea${attrs}>${escapeHtml(cell.value)}</textarea>`;
    case 'dateInput':
      return `<input type="date"${attrs}${attribute('value', cell.value)}>`;
    default:
      return `<input type="text"${attrs}${attribute('value', cell.value)}>`;
  }
}

type RepeatSectionControl = Extract<Control, { kind: 'repeatSection' }>;

/** The action plan as a repeating section: a block per measure, each control labelled by its column's name, and "Add another". */
function repeatSectionHtml(control: RepeatSectionControl, ids: Ids, name: string, context: ControlContext): string {
  const entries = control.entries.map((cells, index) => {
    const fields = cells
      .map((cell, column) => {
        const id = ids.next('c');
        const attrs = `${attribute('id', id)}${attribute('name', `${name}_${index}_${column}`)}`;
        const caption = escapeHtml(control.headers[column]!);
        return control.labelHow === 'for'
          ? `<div class="field"><label for="${id}">${caption}</label> ${entryControlHtml(cell, attrs)}</div>`
          : `<div class="field"><label>${caption} ${entryControlHtml(cell, attrs)}</label></div>`;
      })
      .join('\n');
    return control.entryWrap === 'fieldset'
      ? `<fieldset class="measure"><legend>Measure ${index + 1}</legend>\n${fields}\n</fieldset>`
      : `<div class="measure"><h4>Measure ${index + 1}</h4>\n${fields}\n</div>`;
  });
  const add = control.add === 'button' ? '<button type="button" class="add">Add another</button>' : '<input type="button" class="add" value="Add another measure">';
  const body = `${entries.join('\n')}\n${add}`;
  if (context.legend !== undefined) return `<fieldset class="repeat"><legend>${context.legend}</legend>\n${body}\n</fieldset>`;
  if (context.attrs) return `<div role="group" class="repeat"${context.attrs}>\n${body}\n</div>`;
  return `<div class="repeat">\n${body}\n</div>`;
}

/** The radios or checkboxes of a group, each on its own (to lay out in cells). */
function optionMembers(control: Control, ids: Ids): string[] {
  if (control.kind !== 'radios' && control.kind !== 'checkboxes') throw new Error(`${control.kind} has no options to lay out`);
  const name = ids.next('f');
  const type = control.kind === 'radios' ? 'radio' : 'checkbox';
  const checked = control.kind === 'radios' ? [control.checked] : control.checked;
  return control.options.map((option, index) => optionHtml(type, name, option, checked.includes(index), control.optionLabel, ids));
}

/** The control's markup (with its group's container, for radios, checkboxes and date boxes). */
function controlHtml(control: Control, ids: Ids, context: ControlContext = {}): string {
  const id = context.id ?? ids.next('c');
  const name = ids.next('f');
  const own = `${attribute('id', id)}${attribute('name', name)}${context.attrs ?? ''}`;
  switch (control.kind) {
    case 'input':
      return `<input type="text"${own}${attribute('value', control.value)}>`;
    case 'dateInput':
      return `<input type="date"${own}${attribute('value', control.value)}>`;
    case 'textarea':
      return `<textarea${own}>${escapeHtml(control.value)}</textarea>`;
    case 'editable':
      return `<div class="rich" contenteditable="true" role="textbox" aria-multiline="true"${attribute('id', id)}${context.attrs ?? ''}>${control.html ?? escapeHtml(control.value)}</div>`;
    case 'checkbox':
      return `<input type="checkbox"${own} value="Y"${control.checked ? ' checked' : ''}>`;
    case 'select':
    case 'multiSelect': {
      const selected = control.kind === 'select' ? [control.selected] : control.selected;
      const options = control.options
        .map((option, index) => `<option${attribute('value', option.value)}${selected.includes(index) ? ' selected' : ''}>${escapeHtml(option.text)}</option>`)
        .join('');
      return `<select${own}${control.kind === 'multiSelect' ? ` multiple size="${control.options.length}"` : ''}>${options}</select>`;
    }
    case 'radios':
    case 'checkboxes': {
      const type = control.kind === 'radios' ? 'radio' : 'checkbox';
      const checked = control.kind === 'radios' ? [control.checked] : control.checked;
      const members = control.options.map((option, index) => optionHtml(type, name, option, checked.includes(index), control.optionLabel, ids)).join('\n');
      return groupHtml(members, context, control.kind === 'radios' ? 'radiogroup' : 'group', 'div');
    }
    case 'dateParts': {
      const parts = (['day', 'month', 'year'] as const).map((which) => datePartHtml(control, which, control[which], name, ids)).join(' ');
      return groupHtml(parts, context, 'group', control.container);
    }
    case 'table': {
      const header = `<tr>${control.headers.map((text) => `<th scope="col">${escapeHtml(text)}</th>`).join('')}</tr>`;
      const rows = control.rows.map((cells, row) => `<tr>${cells.map((cell, column) => cellHtml(cell, `${name}_${row}_${column}`)).join('')}</tr>`).join('\n');
      const caption = context.caption !== undefined ? `<caption>${context.caption}</caption>` : '';
      const body = control.head === 'thead' ? `<thead>${header}</thead><tbody>${rows}</tbody>` : `<tbody>${header}${rows}</tbody>`;
      const table = `<table class="repeat"${attribute('id', id)}${context.attrs ?? ''}>${caption}${body}</table>`;
      return context.legend !== undefined ? `<fieldset class="group"><legend>${context.legend}</legend>${table}</fieldset>` : table;
    }
    case 'repeatSection':
      return repeatSectionHtml(control, ids, name, context);
    case 'view':
      throw new Error('A View answer is rendered with its layout');
  }
}

const HELP_BUTTONS = {
  text: '<button type="button" class="help">?</button>',
  ariaLabel: '<button type="button" class="help" aria-label="Help">?</button>',
  hiddenText: '<button type="button" class="help"><span aria-hidden="true">?</span><span class="visually-hidden">Help with this question</span></button>',
};

const CALENDAR_BUTTONS = {
  hiddenText: '<button type="button" class="calendar"><span class="visually-hidden">Choose date</span></button>',
  ariaLabel: '<button type="button" class="calendar" aria-label="Open calendar">\u{1f4c5}</button>',
  text: '<button type="button" class="calendar">Calendar</button>',
  image: '<button type="button" class="calendar"><img src="data:," alt="Select a date"></button>',
};

function hiddenSpan(how: 'hidden' | 'ariaHidden' | 'displayNone' | 'classNone', text: string): string {
  const shown = escapeHtml(text);
  switch (how) {
    case 'hidden':
      return `<span hidden>${shown}</span>`;
    case 'ariaHidden':
      return `<span aria-hidden="true">${shown}</span>`;
    case 'displayNone':
      return `<span style="display: none">${shown}</span>`;
    case 'classNone':
      return `<span class="js-hidden">${shown}</span>`;
  }
}

/** The inside of the label element: the question's words and what its decor adds (the calendar button goes after the control). */
function decoratedLabelHtml(label: LabelText, decor: Decor | null): string {
  const shown = labelHtml(label);
  if (!decor) return shown;
  switch (decor.shape) {
    case 'hintSpan':
      return `${shown} <${decor.tag} class="hint">${escapeHtml(decor.hint)}</${decor.tag}>`;
    case 'hintDiv':
      return `${shown}<div class="hint">${escapeHtml(decor.hint)}</div>`;
    case 'helpButton':
      return `${shown} ${HELP_BUTTONS[decor.how]}`;
    case 'calendarButton':
      return shown;
    case 'hiddenLabelText': {
      const span = hiddenSpan(decor.how, decor.text);
      return decor.before ? `${span} ${shown}` : `${shown} ${span}`;
    }
  }
}

/** A placement whose layout stands alone (not a row of a table or an entry of a list). */
function blockHtml(placement: Placement, ids: Ids): string {
  const { control, label, alt, decor } = placement;
  const shown = decoratedLabelHtml(label, decor);
  const labelAfter = control.kind === 'checkbox' && alt;
  switch (placement.layout) {
    case 'labelFor': {
      const id = ids.next('c');
      const labelElement = `<label for="${id}">${shown}</label>`;
      const html = controlHtml(control, ids, { id });
      return `<div class="field">${labelAfter ? `${html} ${labelElement}` : `${labelElement} ${html}`}</div>`;
    }
    case 'wrapLabel': {
      const html = controlHtml(control, ids);
      const calendar = decor?.shape === 'calendarButton' ? ` ${CALENDAR_BUTTONS[decor.how]}` : '';
      return `<div class="field"><label>${labelAfter ? `${html} ${shown}` : `${shown} ${html}${calendar}`}</label></div>`;
    }
    case 'ariaLabel': {
      // Perhaps the same words shown beside it too, hidden from assistive technology.
      const echo = alt ? `<div class="caption" aria-hidden="true">${shown}</div>` : '';
      return `<div class="field">${echo}${controlHtml(control, ids, { attrs: attribute('aria-label', labelString(label)) })}</div>`;
    }
    case 'ariaLabelledby':
    case 'ariaGroup': {
      if (placement.layout === 'ariaGroup' && alt) {
        return `<div class="field">${controlHtml(control, ids, { attrs: attribute('aria-label', labelString(label)) })}</div>`;
      }
      const id = ids.next('l');
      return `<div class="field"><span class="caption" id="${id}">${shown}</span> ${controlHtml(control, ids, { attrs: attribute('aria-labelledby', id) })}</div>`;
    }
    case 'legend':
      return `<div class="field">${controlHtml(control, ids, { legend: shown })}</div>`;
    case 'caption':
      return `<div class="field">${controlHtml(control, ids, { caption: shown })}</div>`;
    case 'textBefore':
      return alt
        ? `<p class="q">${shown}</p>\n${controlHtml(control, ids)}`
        : `<div class="qwrap"><div class="q">${shown}</div>\n${controlHtml(control, ids)}</div>`;
    case 'titleOnly':
      return `<div class="field">${controlHtml(control, ids, { attrs: attribute('title', labelString(label)) })}</div>`;
    case 'tableLeft':
    case 'tableAbove':
    case 'thGroup':
    case 'labelRow':
    case 'dtdd':
    case 'view':
      throw new Error(`${placement.layout} is rendered with its table or list`);
  }
}

interface RunItem {
  placement: Placement;
  label: string;
  /** The control's markup (table and list layouts but thGroup and labelRow). */
  control: string;
  /** Each radio or checkbox on its own (thGroup and labelRow). */
  members: string[];
}

/**
 * Table layouts in one table: a label to the left of its control, a label spanning the row
 * above its control, or (`alt`) two questions side by side, labels above; a group's options in
 * cells of their own, labelled by a header cell spanning their rows (thGroup) or a label row above
 * (labelRow).
 */
function tableRunHtml(items: RunItem[], parts?: Map<Placement, string>): string {
  if (items.length === 1 && items[0]!.placement.layout === 'tableAbove') {
    const [{ placement, label, control }] = items as [RunItem];
    const html = `<table class="form"><thead><tr><th>${label}</th></tr></thead><tbody><tr><td>${control}</td></tr></tbody></table>`;
    parts?.set(placement, html);
    return html;
  }
  const rows: string[] = [];
  for (let index = 0; index < items.length; index++) {
    const { placement, label, control, members } = items[index]!;
    const next = items[index + 1];
    const before = rows.length;
    if (placement.layout === 'tableLeft') {
      rows.push(`<tr><th>${label}</th><td>${control}</td></tr>`);
    } else if (placement.layout === 'thGroup') {
      const cells = members.map((member) => `<td>${member}</td>`);
      if (placement.alt) rows.push(`<tr><th scope="row">${label}</th>${cells.join('')}</tr>`);
      else rows.push(`<tr><th rowspan="${cells.length}">${label}</th>${cells[0]}</tr>`, ...cells.slice(1).map((cell) => `<tr>${cell}</tr>`));
    } else if (placement.layout === 'labelRow') {
      const cells = members.map((member) => `<td>${member}</td>`).join('');
      rows.push(placement.alt ? `<tr><td class="label">${label}</td></tr>` : `<tr><th colspan="${members.length}">${label}</th></tr>`, `<tr>${cells}</tr>`);
    } else if (next && next.placement.layout === 'tableAbove' && next.placement.alt) {
      rows.push(`<tr><th>${label}</th><th>${next.label}</th></tr>`, `<tr><td>${control}</td><td>${next.control}</td></tr>`);
      parts?.set(next.placement, rows.slice(before).join('\n'));
      index++;
    } else {
      rows.push(`<tr><th colspan="2">${label}</th></tr>`, `<tr><td colspan="2">${control}</td></tr>`);
    }
    parts?.set(placement, rows.slice(before).join('\n'));
  }
  return `<table class="form">\n${rows.join('\n')}\n</table>`;
}

function listRunHtml(items: RunItem[], parts?: Map<Placement, string>): string {
  return `<dl>\n${items
    .map(({ placement, label, control }) => {
      const html = `<dt>${label}</dt><dd>${control}</dd>`;
      parts?.set(placement, html);
      return html;
    })
    .join('\n')}\n</dl>`;
}

// ---------------------------------------------------------------------------------------------
// View pages

/** A View answer's text: escaped, its line breaks perhaps as `<br>`. */
function viewTextHtml(text: string, breaks: boolean): string {
  return breaks ? text.split('\n').map(escapeHtml).join('<br>') : escapeHtml(text);
}

function viewTableHtml(shown: Extract<ViewShown, { kind: 'table' }>): string {
  const header = `<tr>${shown.headers.map((text) => `<th>${escapeHtml(text)}</th>`).join('')}</tr>`;
  const rows = shown.rows.map((cells) => `<tr>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('');
  return `<table class="answers">${shown.head === 'thead' ? `<thead>${header}</thead><tbody>${rows}</tbody>` : `<tbody>${header}${rows}</tbody>`}</table>`;
}

/**
 * The element holding a View answer, or '' when the answer shows nothing at all. `tag` with
 * `attrs` is the element; a table is always in a block (a `<p>` cannot hold one).
 */
function viewValueHtml(shown: ViewShown, tag: string, attrs = ''): string {
  const element = (inner: string, name = tag) => `<${name}${attrs}>${inner}</${name}>`;
  switch (shown.kind) {
    case 'text':
      return element(viewTextHtml(shown.text, shown.breaks));
    case 'table':
      return element(viewTableHtml(shown), tag === 'p' || tag === 'span' ? 'div' : tag);
    case 'empty':
      switch (shown.how) {
        case 'none':
          return '';
        case 'element':
          return element('');
        case 'emDash':
          return element('\u2014');
        case 'hyphen':
          return element('-');
      }
  }
}

const viewShown = (placement: Placement): ViewShown => {
  if (placement.control.kind !== 'view') throw new Error('Not a View placement');
  return placement.control.shown;
};

/** The question's words in lower case, as GOV.UK's hidden text after "Change" has them. */
const changeText = (label: LabelText) => collapseWhiteSpace(label.text).toLowerCase();

/** One section's (or part of a section's) questions in its View layout. */
function viewRunHtml(layout: ViewLayout, items: Placement[], style: ViewStyle, parts?: Map<Placement, string>): string {
  const pair = (placement: Placement, html: string) => {
    parts?.set(placement, html);
    return html;
  };
  switch (layout) {
    case 'grid': {
      const labelTag = style.gridLabel;
      const valueTag = style.gridValue;
      const pairs = items.map((placement) => {
        const inner = `<${labelTag} class="label">${labelHtml(placement.label)}</${labelTag}>${viewValueHtml(viewShown(placement), valueTag, ' class="value"')}`;
        return pair(placement, style.gridFlat ? inner : `<div class="row">${inner}</div>`);
      });
      return `<div class="view-grid">\n${pairs.join('\n')}\n</div>`;
    }
    case 'stacked': {
      const pairs = items.map((placement) => {
        const label = labelHtml(placement.label);
        const heading =
          style.stackedLabel === 'h4' ? `<h4>${label}</h4>` : style.stackedLabel === 'strong' ? `<strong>${label}</strong>` : `<p class="q">${label}</p>`;
        const inner = `${heading}${viewValueHtml(viewShown(placement), style.stackedValue, ' class="answer"')}`;
        return pair(placement, style.stackedWrap ? `<div class="question">${inner}</div>` : inner);
      });
      return `<div class="view-stacked">\n${pairs.join('\n')}\n</div>`;
    }
    case 'dl':
      return `<dl class="view">\n${items.map((placement) => pair(placement, `<dt>${labelHtml(placement.label)}</dt>${viewValueHtml(viewShown(placement), 'dd')}`)).join('\n')}\n</dl>`;
    case 'summaryList': {
      const rows = items.map((placement) => {
        const shown = viewShown(placement);
        // A summary list always has the value's <dd>, empty when unanswered.
        const value = viewValueHtml(shown.kind === 'empty' && shown.how === 'none' ? { kind: 'empty', how: 'element' } : shown, 'dd', ' class="govuk-summary-list__value"');
        const actions = placement.alt
          ? ''
          : `<dd class="govuk-summary-list__actions"><a class="govuk-link" href="#">Change<span class="govuk-visually-hidden"> ${escapeHtml(changeText(placement.label))}</span></a></dd>`;
        const rowClass = placement.alt ? 'govuk-summary-list__row govuk-summary-list__row--no-actions' : 'govuk-summary-list__row';
        return pair(placement, `<div class="${rowClass}"><dt class="govuk-summary-list__key">${labelHtml(placement.label)}</dt>${value}${actions}</div>`);
      });
      return `<dl class="govuk-summary-list">\n${rows.join('\n')}\n</dl>`;
    }
    case 'table': {
      const rows = items.map((placement) => pair(placement, `<tr><th scope="row">${labelHtml(placement.label)}</th>${viewValueHtml(viewShown(placement), 'td')}</tr>`));
      return `<table class="view"><tbody>\n${rows.join('\n')}\n</tbody></table>`;
    }
  }
}

function viewBlocks(page: GeneratedPage, parts?: Map<Placement, string>): string[] {
  const style = page.view!;
  const blocks: string[] = [];
  let run: { layout: ViewLayout; items: Placement[] } | null = null;
  const flush = () => {
    if (run && run.items.length > 0) blocks.push(viewRunHtml(run.layout, run.items, style, parts));
    run = null;
  };
  let section = '';
  for (const placement of page.placements) {
    if (placement.section !== null && placement.section !== section) {
      flush();
      blocks.push(`<${page.headingTag}>${escapeHtml(placement.section)}</${page.headingTag}>`);
      section = placement.section;
    }
    if (placement.echo !== null) {
      flush();
      blocks.push(`<h3 class="subsection">${escapeHtml(placement.echo)}</h3>`);
    }
    if (placement.omitted) continue;
    const layout = style.layouts[section] ?? style.layouts['']!;
    const current = run as { layout: ViewLayout; items: Placement[] } | null;
    if (current && current.layout === layout) current.items.push(placement);
    else {
      flush();
      run = { layout, items: [placement] };
    }
  }
  flush();
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// The page's HTML

const PERSON = 'Sam Taylor (1234567)';

function editBlocks(page: GeneratedPage, parts?: Map<Placement, string>): string[] {
  const ids = new Ids();
  const blocks: string[] = [];
  let run: { family: 'table' | 'list'; items: RunItem[] } | null = null;
  const flush = () => {
    if (run) blocks.push(run.family === 'table' ? tableRunHtml(run.items, parts) : listRunHtml(run.items, parts));
    run = null;
  };
  const block = (placement: Placement, html: string) => {
    parts?.set(placement, html);
    blocks.push(html);
  };
  let section: string | null = null;
  for (const placement of page.placements) {
    if (page.sections && placement.section !== null && placement.section !== section) {
      flush();
      blocks.push(`<${page.headingTag}>${escapeHtml(placement.section)}</${page.headingTag}>`);
      section = placement.section;
    }
    if (placement.echo !== null) {
      flush();
      blocks.push(`<h3 class="subsection">${escapeHtml(placement.echo)}</h3>`);
    }
    if (placement.omitted) continue;
    const family =
      placement.layout === 'tableLeft' || placement.layout === 'tableAbove' || placement.layout === 'thGroup' || placement.layout === 'labelRow'
        ? 'table'
        : placement.layout === 'dtdd'
          ? 'list'
          : null;
    const item = (): RunItem => {
      const label = decoratedLabelHtml(placement.label, placement.decor);
      if (placement.layout === 'thGroup' || placement.layout === 'labelRow') return { placement, label, control: '', members: optionMembers(placement.control, ids) };
      return { placement, label, control: controlHtml(placement.control, ids), members: [] };
    };
    if (placement.hidden !== null) {
      // Hidden as Mosaic hides a conditional question: its own block, hidden.
      flush();
      const html = family === 'table' ? tableRunHtml([item()]) : family === 'list' ? listRunHtml([item()]) : blockHtml(placement, ids);
      block(placement, placement.hidden === 'attribute' ? `<div class="conditional" hidden>${html}</div>` : `<div class="conditional" style="display: none">${html}</div>`);
      continue;
    }
    if (family === null) {
      flush();
      block(placement, blockHtml(placement, ids));
      continue;
    }
    const current = run as { family: 'table' | 'list'; items: RunItem[] } | null;
    if (current && current.family === family && placement.join) current.items.push(item());
    else {
      flush();
      run = { family, items: [item()] };
    }
  }
  flush();
  return blocks;
}

/** The page's HTML: Mosaic's title bar, person bar and toolbar, then the form. */
export function renderPage(page: GeneratedPage): string {
  return renderPageParts(page).html;
}

/** The page's HTML, and the markup of each placement shown (its block, row or pair), to show a failing question. */
export function renderPageParts(page: GeneratedPage): { html: string; parts: Map<Placement, string> } {
  const parts = new Map<Placement, string>();
  const blocks = page.mode === 'view' ? viewBlocks(page, parts) : editBlocks(page, parts);
  const { text, where } = page.title;
  const titleTag = where === 'title' || where === 'both' ? `${text} - ${PERSON}` : 'Mosaic';
  const bar = where === 'bar' ? `<div class="titlebar" id="stepTitle">${escapeHtml(`${text} - ${PERSON}`)}</div>` : '';
  const heading = where === 'heading' || where === 'both' ? `<h1>${escapeHtml(text)}</h1>` : '';
  const toolbar =
    page.mode === 'view'
      ? '<div class="toolbar"><button type="button">Close</button> <button type="button">Print</button> <span class="mode">View only - this step is completed</span></div>'
      : '<div class="toolbar"><button type="button">Save</button> <button type="button">Finish</button></div>';
  const content = page.mode === 'view' ? `<div class="content">\n${blocks.join('\n')}\n</div>` : `<form id="stepForm" action="#" autocomplete="off">\n${blocks.join('\n')}\n</form>`;
  const html = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${escapeHtml(titleTag)}</title>
<style>
  body { font: 12px/1.4 Verdana, sans-serif; }
  .field, .qwrap { margin: 8px 0; }
  .req { color: #c00; }
  .hint { color: #505a5f; }
  .js-hidden { display: none; }
  .visually-hidden, .govuk-visually-hidden { position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important; padding: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; clip-path: inset(50%) !important; border: 0 !important; white-space: nowrap !important; }
  table.form th, table.form td { border: 1px solid #ccc; padding: 3px; }
  .view-grid { display: grid; grid-template-columns: 320px 1fr; gap: 4px 16px; }
  .view-grid .row { display: contents; }
  .govuk-summary-list__row { display: table-row; }
</style>
</head>
<body>
${bar}
<div class="identity" id="personIdentityBar"><span class="name">Sam Taylor</span> <span>Born 02/02/2012</span> <span>Mosaic ID: 1234567</span></div>
${toolbar}
<main>
${heading}
${content}
</main>
</body>
</html>`;
  return { html, parts };
}
