/**
 * Whole form pages for the property test (test/unit/generated-pages.test.ts).
 *
 * A generated page is one of the three reference forms (its title shown, every question
 * present) with unrelated questions mixed in. Each question is a *placement*: where its label
 * sits (the layout), how the label is worded (forms.md's variations and the profile's aliases),
 * the control that holds the answer, and the answer the scanner must read back, in the plain
 * form of the fixture expectations (test/support/fixtures.ts).
 *
 * Only what the scanner supports is generated (lib/forms/labels.ts, lib/forms/scan.ts):
 * - label sources: `<label for>`, a wrapping `<label>`, aria-label, aria-labelledby, a fieldset
 *   legend or a labelled ARIA group (radios, checkboxes, day-month-year boxes), a table caption
 *   (repeating tables), the table cell to the left or above, `<dt>`/`<dd>`, the text just before;
 * - controls: text box, text area, rich text (contenteditable: it cannot have a `<label>`),
 *   date box (`type=date`), three day/month/year boxes, a yes/no checkbox (ticked or not: it
 *   cannot be unanswered), radios, a dropdown, a multiple-choice dropdown, a set of checkboxes,
 *   and a repeating table with header cells.
 */
import fc from 'fast-check';
import { collapseWhiteSpace } from '../../lib/forms/normalise';
import type { AnswerOption, FormKind, Question, QuestionType } from '../../lib/forms/profile';
import { builtInProfiles } from '../../lib/forms/profiles';
import type { ExpectedAnswer } from './fixtures';

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
  | 'textBefore'; // <div>Label</div><input>

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

export type Control =
  | { kind: 'input'; value: string }
  | { kind: 'textarea'; value: string }
  | { kind: 'editable'; value: string }
  | { kind: 'dateInput'; value: string }
  | { kind: 'dateParts'; day: string; month: string; year: string; monthSelect: boolean; hint: PartHint; container: 'fieldset' | 'group' }
  | { kind: 'checkbox'; checked: boolean }
  | { kind: 'select'; options: ShownOption[]; selected: number | null }
  | { kind: 'multiSelect'; options: ShownOption[]; selected: number[] }
  | { kind: 'radios'; options: ShownOption[]; checked: number | null; optionLabel: OptionLabel }
  | { kind: 'checkboxes'; options: ShownOption[]; checked: number[]; optionLabel: OptionLabel }
  | { kind: 'table'; headers: string[]; rows: TableCellShown[][]; head: 'thead' | 'firstRow' };

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
}

export interface TitleShown {
  text: string;
  where: 'title' | 'heading' | 'both' | 'bar';
}

export interface GeneratedPage {
  kind: FormKind;
  title: TitleShown;
  /** Show the form's section headings. */
  sections: boolean;
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

/** How many hostile texts the page holds. */
export function hostileInputs(page: GeneratedPage): number {
  return page.placements.reduce((sum, placement) => sum + (placement.omitted ? 0 : placement.hostile), 0);
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
}

function textAnswered(): fc.Arbitrary<Answered> {
  return fc.tuple(textPut, fc.constantFrom('input', 'textarea', 'editable')).map(([put, kind]) => {
    const value = kind === 'input' ? oneLine(put.text) : put.text;
    return { control: { kind, value }, answer: collapseWhiteSpace(value), hostile: put.hostile ? 1 : 0 };
  });
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
function tableAnswered(question: Question): fc.Arbitrary<Answered> {
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

function answeredArbitrary(question: Question): fc.Arbitrary<Answered> {
  switch (question.type) {
    case 'text':
      return textAnswered();
    case 'date':
      return dateAnswered();
    case 'yesno':
      return yesNoAnswered();
    case 'choice':
      return choiceAnswered(question);
    case 'multi':
      return multiAnswered(question);
    case 'table':
      return tableAnswered(question);
  }
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
    default:
      return STANDALONE;
  }
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

/** Section names: a question labelled as a section is headed ("Outcome") is not left out, or the heading would label the next control. */
const SECTIONS = new Set(builtInProfiles.flatMap((profile) => profile.questions.map((question) => question.section?.toLowerCase())));

function placementArbitrary(question: Question, field: string | null): fc.Arbitrary<Placement> {
  const mayHide = field !== null && CONDITIONAL.has(field);
  const mayOmit = field !== null && !SECTIONS.has(question.label.toLowerCase());
  return answeredArbitrary(question).chain(({ control, answer, hostile }) =>
    fc
      .record({
        label: labelArbitrary([question.label, ...(question.aliases ?? [])]),
        layout: fc.constantFrom(...layoutsFor(control)),
        join: fc.boolean(),
        alt: fc.boolean(),
        hidden: mayHide
          ? fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom<'attribute' | 'style'>('attribute', 'style') })
          : fc.constant(null),
        omitted: mayOmit ? fc.oneof({ weight: 30, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }) : fc.constant(false),
      })
      .map(({ label, layout, join, alt, hidden, omitted }): Placement => ({
        field,
        type: question.type,
        section: field === null ? null : (question.section ?? null),
        label,
        layout,
        control,
        answer,
        hostile,
        join,
        alt,
        hidden,
        omitted,
      })),
  );
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

const extrasArbitrary: fc.Arbitrary<Array<[Placement, number]>> = fc
  .shuffledSubarray(EXTRA_QUESTIONS, { maxLength: 4 })
  .chain((questions) => fc.tuple(...questions.map((question) => fc.tuple(placementArbitrary(question, null), fc.nat()))));

// ---------------------------------------------------------------------------------------------
// The page

/** A page of the form of this kind: its title shown, every question placed, unrelated ones mixed in. */
export function pageArbitrary(kind: FormKind): fc.Arbitrary<GeneratedPage> {
  const profile = builtInProfiles.find((candidate) => candidate.kind === kind)!;
  return fc
    .record({
      title: fc.record({
        text: fc.constantFrom(profile.title, ...(profile.titleAliases ?? [])).chain((text) => fc.constantFrom(text, text.toUpperCase())),
        where: fc.constantFrom<TitleShown['where']>('title', 'heading', 'both', 'bar'),
      }),
      sections: fc.boolean(),
      questions: fc.tuple(...profile.questions.map((question) => placementArbitrary(question, question.name))),
      extras: extrasArbitrary,
    })
    .map(({ title, sections, questions, extras }) => {
      const placements: Placement[] = [...questions];
      for (const [extra, at] of extras) placements.splice(at % (placements.length + 1), 0, extra);
      const page: GeneratedPage = { kind, title, sections, placements };
      // fast-check shows a failing page as its HTML (long texts cut short).
      Object.defineProperty(page, fc.toStringMethod, { value: () => shortHtml(renderPage(page)), enumerable: false });
      return page;
    });
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
      return `<div class="rich" contenteditable="true" role="textbox" aria-multiline="true"${attribute('id', id)}${context.attrs ?? ''}>${escapeHtml(control.value)}</div>`;
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
  }
}

/** A placement whose layout stands alone (not a row of a table or an entry of a list). */
function blockHtml(placement: Placement, ids: Ids): string {
  const { control, label, alt } = placement;
  const shown = labelHtml(label);
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
      return `<div class="field"><label>${labelAfter ? `${html} ${shown}` : `${shown} ${html}`}</label></div>`;
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
    case 'tableLeft':
    case 'tableAbove':
    case 'dtdd':
      throw new Error(`${placement.layout} is rendered with its table or list`);
  }
}

interface RunItem {
  placement: Placement;
  label: string;
  control: string;
}

/**
 * Table layouts in one two-column table: a label to the left of its control, a label spanning
 * the row above its control, or (`alt`) two questions side by side, labels above.
 */
function tableRunHtml(items: RunItem[]): string {
  if (items.length === 1 && items[0]!.placement.layout === 'tableAbove') {
    const [{ label, control }] = items as [RunItem];
    return `<table class="form"><thead><tr><th>${label}</th></tr></thead><tbody><tr><td>${control}</td></tr></tbody></table>`;
  }
  const rows: string[] = [];
  for (let index = 0; index < items.length; index++) {
    const { placement, label, control } = items[index]!;
    const next = items[index + 1];
    if (placement.layout === 'tableLeft') {
      rows.push(`<tr><th>${label}</th><td>${control}</td></tr>`);
    } else if (next && next.placement.layout === 'tableAbove' && next.placement.alt) {
      rows.push(`<tr><th>${label}</th><th>${next.label}</th></tr>`, `<tr><td>${control}</td><td>${next.control}</td></tr>`);
      index++;
    } else {
      rows.push(`<tr><th colspan="2">${label}</th></tr>`, `<tr><td colspan="2">${control}</td></tr>`);
    }
  }
  return `<table class="form">\n${rows.join('\n')}\n</table>`;
}

function listRunHtml(items: RunItem[]): string {
  return `<dl>\n${items.map(({ label, control }) => `<dt>${label}</dt><dd>${control}</dd>`).join('\n')}\n</dl>`;
}

const PERSON = 'Sam Taylor (1234567)';

/** The page's HTML: Mosaic's title bar, person bar and toolbar, then the form. */
export function renderPage(page: GeneratedPage): string {
  const ids = new Ids();
  const blocks: string[] = [];
  let run: { family: 'table' | 'list'; items: RunItem[] } | null = null;
  const flush = () => {
    if (run) blocks.push(run.family === 'table' ? tableRunHtml(run.items) : listRunHtml(run.items));
    run = null;
  };
  let section: string | null = null;
  for (const placement of page.placements) {
    if (placement.omitted) continue;
    if (page.sections && placement.section !== null && placement.section !== section) {
      flush();
      blocks.push(`<h2>${escapeHtml(placement.section)}</h2>`);
      section = placement.section;
    }
    const family = placement.layout === 'tableLeft' || placement.layout === 'tableAbove' ? 'table' : placement.layout === 'dtdd' ? 'list' : null;
    const item = () => ({ placement, label: labelHtml(placement.label), control: controlHtml(placement.control, ids) });
    if (placement.hidden !== null) {
      // Hidden as Mosaic hides a conditional question: its own block, hidden.
      flush();
      const html = family === 'table' ? tableRunHtml([item()]) : family === 'list' ? listRunHtml([item()]) : blockHtml(placement, ids);
      blocks.push(placement.hidden === 'attribute' ? `<div class="conditional" hidden>${html}</div>` : `<div class="conditional" style="display: none">${html}</div>`);
      continue;
    }
    if (family === null) {
      flush();
      blocks.push(blockHtml(placement, ids));
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

  const { text, where } = page.title;
  const titleTag = where === 'title' || where === 'both' ? `${text} - ${PERSON}` : 'Mosaic';
  const bar = where === 'bar' ? `<div class="titlebar" id="stepTitle">${escapeHtml(`${text} - ${PERSON}`)}</div>` : '';
  const heading = where === 'heading' || where === 'both' ? `<h1>${escapeHtml(text)}</h1>` : '';
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${escapeHtml(titleTag)}</title>
<style>
  body { font: 12px/1.4 Verdana, sans-serif; }
  .field, .qwrap { margin: 8px 0; }
  .req { color: #c00; }
  table.form th, table.form td { border: 1px solid #ccc; padding: 3px; }
</style>
</head>
<body>
${bar}
<div class="identity" id="personIdentityBar"><span class="name">Sam Taylor</span> <span>Born 02/02/2012</span> <span>Mosaic ID: 1234567</span></div>
<div class="toolbar"><button type="button">Save</button> <button type="button">Finish</button></div>
<main>
${heading}
<form id="stepForm" action="#" autocomplete="off">
${blocks.join('\n')}
</form>
</main>
</body>
</html>`;
}
