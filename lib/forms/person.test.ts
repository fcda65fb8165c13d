import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { normaliseLabel } from './normalise';
import { findPersonId, personIdInDocument } from './person';

const titles = ['Internet monitoring: written agreement', 'Monitoring agreement'].map(normaliseLabel);

function doc(body: string, title = '') {
  return new JSDOM(`<!doctype html><title>${title}</title><body>${body}`).window.document;
}

describe('person ID', () => {
  it('reads the title bar', () => {
    expect(personIdInDocument(doc('<div class="bar">Internet monitoring: written agreement - Sam Taylor (1234567)</div>'), titles)).toBe('1234567');
  });
  it('reads the title bar with the brackets in their own element and buttons after it', () => {
    expect(
      personIdInDocument(doc('<div><span>Internet monitoring: written agreement - Sam Taylor</span> <span>(1234567)</span><button>Close</button></div>'), titles),
    ).toBe('1234567');
  });
  it('reads the window title', () => {
    expect(personIdInDocument(doc('', 'Internet monitoring: written agreement - Sam Taylor (7654321)'), titles)).toBe('7654321');
  });
  it.each([
    ['Mosaic ID: 2345678', '2345678'],
    ['ID 2345678', '2345678'],
    ['Person ID: 2345678', '2345678'],
    ['<span>Mosaic ID:</span> <strong>2345678</strong>', '2345678'],
  ])('reads the identity bar %j', (bar, id) => {
    expect(personIdInDocument(doc(`<header>Sam Taylor · DOB 12/03/2010 · ${bar}</header>`), titles)).toBe(id);
  });
  it('never takes a date of birth, a phone or an NHS number', () => {
    const page = doc(
      '<header>Sam Taylor <span>Date of birth: 12/03/2010</span> <span>Tel: 01632 960123</span> <span>NHS No: 943 476 5919</span> <span>(01632) 960123</span></header>' +
        '<h1>Internet monitoring: written agreement</h1>',
    );
    expect(personIdInDocument(page, titles)).toBeNull();
  });
  it('does not read a number in brackets on a line without the form title', () => {
    expect(personIdInDocument(doc('<p>Placement plan - Sam Taylor (1234567)</p>'), titles)).toBeNull();
  });
  it('looks in the page around a frame', () => {
    const dom = new JSDOM('<!doctype html><body><header>Mosaic ID: 3456789</header><iframe></iframe>', { url: 'http://localhost/' });
    const frame = dom.window.document.querySelector('iframe')!.contentWindow!;
    frame.document.body.innerHTML = '<h1>Internet monitoring: written agreement</h1>';
    expect(findPersonId(frame as unknown as Window, titles)).toBe('3456789');
  });
});
