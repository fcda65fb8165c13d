/**
 * Sections that leave the page (forms.md): some councils' forms show one section at a time and
 * take the others out of the page. The answers read while a section was shown stand until it is
 * shown again (the worker cannot change them while it is away); a section never shown is never
 * read, and the snapshot says so, so that the form is never called complete.
 *
 * Kept in the page's memory only, for one form in one document: nothing is stored.
 */
import type { FieldSnapshot, FormSnapshot } from '../forms/snapshot';

/** What was read of each form in this document, by form (profile and person). */
export class SectionMemory {
  private readonly forms = new Map<string, Map<string, FieldSnapshot>>();

  /**
   * The snapshot with the answers of the sections not in the page now taken from when they were
   * last shown; `unreadSections` names the sections of which nothing was ever read. A question
   * gone from a section still shown (a conditional question taken away) is forgotten: it is not
   * on the form now.
   */
  recall(snapshot: FormSnapshot): FormSnapshot {
    const sections = snapshot.sections ?? {};
    // Without a person ID two people's forms could not be told apart: nothing is remembered.
    const key = `${snapshot.profileId}|${snapshot.personId}|${snapshot.readOnly ? 'view' : 'edit'}`;
    let remembered = snapshot.personId === null ? new Map<string, FieldSnapshot>() : this.forms.get(key);
    if (!remembered) this.forms.set(key, (remembered = new Map()));

    const shown = new Set<string>();
    for (const name of Object.keys(snapshot.fields)) {
      const section = sections[name];
      if (section) shown.add(section);
    }
    for (const [name, field] of Object.entries(snapshot.fields)) remembered.set(name, field);

    const fields = { ...snapshot.fields };
    const missing: string[] = [];
    const recalled: string[] = [];
    for (const name of snapshot.missing) {
      const section = sections[name];
      const before = remembered.get(name);
      if (section && !shown.has(section) && before && !snapshot.unreadable?.[name]) {
        fields[name] = before;
        recalled.push(name);
      } else {
        if (section && shown.has(section)) remembered.delete(name);
        missing.push(name);
      }
    }
    // A section is unread when none of its questions is in the page or remembered.
    const present = new Set([...shown, ...recalled.map((name) => sections[name]!)]);
    const unreadSections = [...new Set(missing.map((name) => sections[name]).filter((section): section is string => !!section))].filter(
      (section) => !present.has(section),
    );
    if (recalled.length === 0 && unreadSections.length === 0) return snapshot;
    return {
      ...snapshot,
      fields,
      missing,
      ...(recalled.length > 0 ? { recalled } : {}),
      ...(unreadSections.length > 0 ? { unreadSections } : {}),
    };
  }

  /** Forget everything (the form went away and another person's may come). */
  clear(): void {
    this.forms.clear();
  }
}
