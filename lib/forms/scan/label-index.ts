/**
 * The scan's label index: the page's `label[for]` elements by the id they name, gathered once
 * for a whole scan (asking each control for its `.labels` makes the browser search the document
 * each time, which on a long form costs more than everything else the scan does), with the
 * scan's quick test for texts that may be a question's label. Every stage that reads labels is
 * given it as an argument.
 */
export interface LabelIndex {
  doc: Document;
  byFor: Map<string, Element[]>;
  /** The quick test (see labelPrefilter): a text that fails it can be no question's label. */
  mayBeLabel?: (text: string) => boolean;
}

export function buildLabelIndex(doc: Document, mayBeLabel?: (text: string) => boolean): LabelIndex {
  const byFor = new Map<string, Element[]>();
  for (const label of Array.from(doc.querySelectorAll('label[for]'))) {
    const id = label.getAttribute('for')!;
    const list = byFor.get(id);
    if (list) list.push(label);
    else byFor.set(id, [label]);
  }
  return { doc, byFor, mayBeLabel };
}
