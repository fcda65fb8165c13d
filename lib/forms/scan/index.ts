/**
 * Scanning a page into a snapshot, in named stages: the titles the page shows (titles.ts); the
 * profiles prepared once (prepare.ts); the label index of this scan (label-index.ts); every place
 * an answer can be, with its labels (collect.ts); which of them answers which question, or which
 * text does in View (match.ts); and each answer read (read.ts). The best match, if the page shows
 * the form's title and at least one of its questions, becomes the snapshot. The scanner knows no
 * rule.
 */
import type { FormKind, FormProfile } from '../profile';
import type { FieldSnapshot, FieldValue, FormSnapshot } from '../snapshot';
import { locatorFor } from '../locator';
import { findPersonId, personIdInDocument } from '../person';
import { collectPage } from './collect';
import { buildLabelIndex, type LabelIndex } from './label-index';
import { isShown, matchCandidates, matchView, type Match } from './match';
import { codeFilterFor, labelFilterFor, prepareProfiles, type PreparedProfile } from './prepare';
import { isReadOnlyControl, readCandidate, readView } from './read';
import { shownTitles } from './titles';

export { collectPage, type Candidate, type PageCollection } from './collect';
export { buildLabelIndex, type LabelIndex } from './label-index';
export { isShown } from './match';
export { codeMatches, prepareProfiles, profileFilters } from './prepare';
export { shownTitles } from './titles';

/**
 * How many of a form's questions must be found, beside its title, for the page to be that form:
 * one, since a form that shows one section at a time may show a section of a single question
 * (the decision record's Placement), so long as it is a question no other of the forms has. A
 * work list or step summary that names the form shows none.
 */
export const MIN_QUESTIONS_FOUND = 1;

export interface ScanResult {
  snapshot: FormSnapshot;
  /** The element of each field found, by field name (not part of the plain snapshot). */
  elements: Map<string, Element>;
  /**
   * The documents of rich-text editors in frames of their own (CKEditor 4): typing there is not
   * heard in this document, so the guard listens to them too.
   */
  editorDocuments: Document[];
  /**
   * The snapshot with the answers of the questions these controls belong to read again, after
   * typing or a choice (a control that answers none of the form's questions changes nothing).
   * Changes to the page's structure need a new scan instead; so does an answer that cannot be
   * read (null).
   */
  reread(controls: readonly Element[]): FormSnapshot | null;
}

export interface ScanOptions {
  /** The window the document belongs to, to read the person ID from frames around it. */
  win?: Window;
}

/**
 * Recognises one of the profiles' forms in the document and reads it into a snapshot, or returns
 * null when the document holds none of them: the form's title (or an alias) must be shown, and at
 * least MIN_QUESTIONS_FOUND of its questions found, one of them a question no other form has.
 */
export function scanDocument(doc: Document, profiles: readonly FormProfile[], options: ScanOptions = {}): ScanResult | null {
  const preparedProfiles = prepareProfiles(profiles);
  const titles = shownTitles(doc, preparedProfiles.flatMap((prepared) => prepared.titles));
  if (titles.size === 0) return null;
  const mayBeLabel = labelFilterFor(preparedProfiles);
  return scanWithIndex(doc, buildLabelIndex(doc, mayBeLabel), preparedProfiles, titles, mayBeLabel, options);
}

function scanWithIndex(
  doc: Document,
  index: LabelIndex,
  preparedProfiles: PreparedProfile[],
  titles: Set<string>,
  mayBeLabel: (text: string) => boolean,
  options: ScanOptions,
): ScanResult | null {
  const page = collectPage(doc, index, mayBeLabel, codeFilterFor(preparedProfiles));
  let best: { prepared: PreparedProfile; title: string; matches: Map<string, Match>; readOnly: boolean; score: number } | null = null;

  for (const prepared of preparedProfiles) {
    const title = prepared.titles.find((candidate) => titles.has(candidate));
    if (!title) continue;
    let matches = matchCandidates(page, prepared);
    const answerControls = [...matches.values()].filter((match) => match.candidate.kind !== 'table');
    // Read-only (View): no control holds an answer (tables of text aside), or every one is disabled.
    const readOnly = answerControls.every((match) => isReadOnlyControl(match.candidate.element));
    if (answerControls.length === 0) matches = new Map([...matchView(page, prepared, mayBeLabel), ...matches]);
    const found = matches.size;
    // One of them a question no other form has: a page that mentions the form's title and shows
    // questions it shares with another form (a review naming its agreement) is not that form.
    const distinctive = [...matches.keys()].filter((name) => prepared.distinctive.has(name)).length;
    if (found < MIN_QUESTIONS_FOUND || distinctive === 0) continue;
    const score = (found + distinctive) / prepared.profile.questions.length;
    if (!best || score > best.score) best = { prepared, title, matches, readOnly, score };
  }
  if (!best) return null;

  const { profile } = best.prepared;
  const fields: Record<string, FieldSnapshot> = {};
  const elements = new Map<string, Element>();
  const missing: string[] = [];
  const unreadable: Record<string, string> = {};
  for (const question of profile.questions) {
    const match = best.matches.get(question.name);
    if (!match) {
      missing.push(question.name);
      continue;
    }
    let value: FieldValue;
    try {
      value = match.foundBy === 'view' ? readView(question, match.answer) : readCandidate(question, match.candidate);
    } catch (error) {
      // Found, but its answer cannot be read: the rules that need it report it, never a pass.
      missing.push(question.name);
      unreadable[question.name] = error instanceof Error ? error.message : String(error);
      continue;
    }
    elements.set(question.name, match.candidate.element);
    fields[question.name] = {
      name: question.name,
      type: question.type,
      label: question.label,
      hidden: match.hidden,
      value,
      locator: locatorFor(match.candidate.element),
      foundBy: match.foundBy,
    };
  }

  // Each control, and the question it answers: to read again only what the worker changed.
  const owners = new Map<Element, string>();
  for (const [name, match] of best.matches) {
    if (match.foundBy === 'view') continue;
    for (const member of match.candidate.members) owners.set(member, name);
    owners.set(match.candidate.element, name);
  }
  const ownerOf = (control: Element): string | undefined => {
    for (let current: Element | null = control; current; current = current.parentElement) {
      const owner = owners.get(current);
      if (owner) return owner;
    }
    return undefined;
  };

  const win = options.win ?? doc.defaultView;
  const allTitles = preparedProfiles.flatMap((p) => p.titles);
  const personId = win ? findPersonId(win, allTitles) : personIdInDocument(doc, allTitles);

  // The procedure's questions the council's profile says its form does not ask: not found either.
  const notAsked = best.prepared.notAsked.map(([name]) => name);
  missing.push(...notAsked);

  let snapshot: FormSnapshot = {
    kind: profile.kind as FormKind,
    profileId: profile.id,
    title: best.title,
    personId,
    readOnly: best.readOnly,
    fields,
    missing,
    ...(Object.keys(unreadable).length > 0 ? { unreadable } : {}),
    ...(notAsked.length > 0 ? { notAsked } : {}),
    labels: Object.fromEntries([
      ...profile.questions.map((question) => [question.name, question.label]),
      ...best.prepared.notAsked,
    ]),
    sections: Object.fromEntries(profile.questions.flatMap((question) => (question.section ? [[question.name, question.section]] : []))),
  };
  const reread = (controls: readonly Element[]): FormSnapshot | null => {
    const names = new Set<string>();
    for (const control of controls) {
      const name = ownerOf(control);
      if (name) names.add(name);
    }
    if (names.size === 0) return snapshot;
    const fieldsNow = { ...snapshot.fields };
    for (const name of names) {
      // An answer that could not be read before, or cannot be read now: read the whole page again.
      if (!fieldsNow[name]) return null;
      const match = best!.matches.get(name)!;
      try {
        fieldsNow[name] = { ...fieldsNow[name]!, value: readCandidate(match.question, match.candidate) };
      } catch {
        return null;
      }
    }
    snapshot = { ...snapshot, fields: fieldsNow };
    return snapshot;
  };
  const editorDocuments: Document[] = [];
  for (const match of best.matches.values()) {
    const editor = match.candidate.editor;
    if (editor?.tagName !== 'IFRAME') continue;
    try {
      const inner = (editor as HTMLIFrameElement).contentDocument;
      if (inner) editorDocuments.push(inner);
    } catch {
      // Another origin's editor: its text area is read at Save and Finish.
    }
  }
  return { snapshot, elements, reread, editorDocuments };
}
