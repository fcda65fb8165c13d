/** A CSS selector that finds an element again, so that a snapshot stays plain data. */

function escapeIdent(value: string): string {
  return /^[A-Za-z_][\w-]*$/.test(value) ? value : '';
}

export function locatorFor(element: Element): string {
  const doc = element.ownerDocument;
  const parts: string[] = [];
  for (let current: Element | null = element; current && current !== doc.documentElement; current = current.parentElement) {
    const id = current.id ? escapeIdent(current.id) : '';
    if (id && doc.querySelectorAll(`#${id}`).length === 1) {
      parts.unshift(`#${id}`);
      return parts.join(' > ');
    }
    const parent: Element | null = current.parentElement;
    if (!parent) {
      parts.unshift(current.tagName.toLowerCase());
      break;
    }
    const index = Array.prototype.indexOf.call(parent.children, current) + 1;
    parts.unshift(`${current.tagName.toLowerCase()}:nth-child(${index})`);
  }
  return parts.join(' > ');
}

export function findByLocator(doc: Document, locator: string): Element | null {
  try {
    return doc.querySelector(locator);
  } catch {
    return null;
  }
}
