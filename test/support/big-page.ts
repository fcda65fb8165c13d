/**
 * Large Mosaic-like pages made for measuring: one of our forms (the reference written agreement,
 * answered) among many other questions in many sections, as a council's long step would be.
 */

const OTHER_LABELS = [
  'Placement address', "Carer's name", 'Contact arrangements', 'School or college', 'Health needs',
  'Dentist', 'Hobbies and interests', 'Allowances', 'Delegated authority', 'Missing from care history',
  'Education plan', 'Religion', 'First language', 'Interpreter needed?', 'Independent visitor',
  'Sibling contact', 'Life story work', 'Personal education plan date', 'GP surgery', 'Immunisations up to date?',
];

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function otherQuestion(index: number): string {
  const label = `${OTHER_LABELS[index % OTHER_LABELS.length]} (${index + 1})`;
  const id = `other_${index}`;
  switch (index % 5) {
    case 0:
      return `<div class="q"><label for="${id}">${label}</label><input id="${id}" value="Answer ${index}"></div>`;
    case 1:
      return `<div class="q"><label for="${id}">${label}</label><textarea id="${id}">Longer answer ${index}</textarea></div>`;
    case 2:
      return `<div class="q"><label for="${id}">${label}</label><select id="${id}"><option value="">-- Select --</option><option selected>Yes</option><option>No</option></select></div>`;
    case 3:
      return `<div class="q"><label for="${id}">${label}</label><input id="${id}" value="0${(index % 9) + 1}/03/2026"></div>`;
    default:
      return `<div class="q"><input type="checkbox" id="${id}" checked><label for="${id}">${label}</label></div>`;
  }
}

const AGREEMENT_QUESTIONS = [
  '<label for="ma1">Date of decision to monitor</label><input id="ma1" value="20/03/2026">',
  '<label for="ma2">Monitoring measures agreed</label><textarea id="ma2" class="long">Filtering software on the phone.</textarea>',
  '<label for="ma3">Agreement start date</label><input id="ma3" value="01/04/2026">',
  '<label for="ma4">Agreement end date</label><input id="ma4" value="30/09/2026">',
  '<label for="ma5">Is the young person Gillick competent to agree to this?</label><select id="ma5"><option></option><option selected>Yes</option><option>No</option></select>',
  '<label for="ma6">Gillick competence assessed by</label><input id="ma6" value="A. Social Worker">',
  '<label for="ma7">Date Gillick competence assessed</label><input id="ma7" value="25/03/2026">',
  '<fieldset><legend>Agreement signed by</legend><label><input type="radio" name="ma8" checked> Young person</label><label><input type="radio" name="ma8"> Parent with parental responsibility</label></fieldset>',
  '<label for="ma9">Name of signatory</label><input id="ma9" value="">',
  '<label for="ma10">Date written agreement signed</label><input id="ma10" value="28/03/2026">',
  '<input type="checkbox" id="ma11" checked><label for="ma11">Signed agreement added to the young person\'s record?</label>',
  '<p>Positive measures to replace monitoring</p><table><thead><tr><th>Action</th><th>Who</th><th>By when</th></tr></thead><tbody><tr><td><input value="Online safety sessions"></td><td><input value="Carer"></td><td><input value="30/06/2026"></td></tr></tbody></table>',
  '<label for="ma13">How monitoring will be reduced over the agreed period</label><textarea id="ma13">Checks go from weekly to monthly.</textarea>',
  '<label for="ma14">Date of first review</label><input id="ma14" value="01/05/2026">',
  '<label for="ma15">Review frequency after the first review</label><select id="ma15"><option></option><option selected>Monthly</option></select>',
  '<fieldset><legend>Who will attend reviews?</legend><label><input type="checkbox" checked> Young person</label><label><input type="checkbox" checked> Family</label><label><input type="checkbox" checked> Carers</label></fieldset>',
];

export interface BigPageOptions {
  /** Questions that are not ours. */
  otherQuestions: number;
  sections: number;
  /** Leave our form out (the page without it, for comparison). */
  withoutForm?: boolean;
}

export function bigPage({ otherQuestions, sections, withoutForm = false }: BigPageOptions): string {
  const perSection = Math.ceil(otherQuestions / sections);
  const parts: string[] = [];
  let other = 0;
  for (let section = 0; section < sections; section++) {
    const questions: string[] = [];
    for (let i = 0; i < perSection && other < otherQuestions; i++) questions.push(otherQuestion(other++));
    if (!withoutForm) {
      // Our questions spread through the form, about one in each section.
      AGREEMENT_QUESTIONS.forEach((question, index) => {
        if (index % sections === section) questions.splice(Math.floor(questions.length / 2), 0, `<div class="q">${question}</div>`);
      });
    }
    parts.push(`<section><h2>Section ${section + 1}</h2>${questions.join('\n')}</section>`);
  }
  const title = withoutForm ? 'Placement plan' : 'Internet monitoring: written agreement';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:Arial,sans-serif;margin:0}.bar{background:#1d3c6e;color:#fff;padding:8px}.q{margin:8px 16px}label{display:block}textarea{width:40em;height:4em}</style></head>
<body><div class="bar">${escapeHtml(title)} - Sam Taylor (1234567)</div>
<div class="toolbar"><button type="button" id="save">Save</button> <button type="button" id="finish">Finish</button></div>
<form id="step">${parts.join('\n')}</form></body></html>`;
}
