// Packing: a lot's pack codes into a case (its SSCC), cases onto a pallet, and taking them out again. Each submit is
// one packing or unpacking event; the lot's cases and pallets are listed below the form as the API reports them.
import { h, show } from './dom.js';
import { get, post, withOffset } from './api.js';
import { t } from './i18n.js';
import { apiForm, field, input, select, values } from './form.js';
import { lotOptions, when } from './flows.js';
import * as data from './data.js';

/** The GS1 mod-10 check digit of the digits given (everything but the check digit). */
export function checkDigit(digits) {
  const sum = [...digits].reverse().reduce((total, d, i) => total + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - sum % 10) % 10;
}

/** An SSCC as typed or scanned: "(00)" or a Digital Link's /00/ dropped; 17 digits get their check digit. */
export function sscc(typed) {
  const link = typed.match(/\/00\/(\d+)/);
  const digits = (link ? link[1] : typed).replace(/\s|^\(00\)/g, '');
  return /^\d{17}$/.test(digits) ? digits + checkDigit(digits) : digits;
}

/** Serials pasted or scanned one a line: a serial, or a pack's Digital Link (its /21/ part). */
export function serials(text) {
  return text.split(/\r?\n/).map(line => line.trim()).filter(Boolean).map(line => {
    const link = line.match(/\/21\/([^/?#]+)/);
    if (!link) return line;
    try { return decodeURIComponent(link[1]); } catch (e) { return link[1]; }
  });
}

/** "24 pack codes · 2 cases", leaving out what is none. */
const contents = (packs, cases) => [packs ? t('nPacks', packs) : '', cases ? t('nCases', cases) : ''].filter(Boolean).join(' · ');
const lines = text => text.split(/\r?\n/).map(line => line.trim()).filter(Boolean);

export async function packView(app, chosen) {
  const holdings = await data.holdings();
  const lot = select(lotOptions(holdings).map(o => ({ ...o, selected: String(o.value) === chosen })), { 'data-kind': 'number' });
  const type = select([{ value: 'packing', label: t('packIn') }, { value: 'unpacking', label: t('packOut') }]);
  const parent = input('text', { inputmode: 'numeric', autocomplete: 'off', placeholder: '00695123400000001' });
  const full = h('p', { class: 'muted', id: 'sscc-full', 'aria-live': 'polite' });
  parent.addEventListener('input', () => {
    const typed = parent.value.trim();
    full.textContent = typed && sscc(typed) !== typed.replace(/\s/g, '') ? t('ssccFull', sscc(typed)) : '';
  });
  const codes = h('textarea', { rows: 6, autocomplete: 'off', spellcheck: 'false' });
  const cases = h('textarea', { rows: 3, autocomplete: 'off', spellcheck: 'false' });
  const count = input('number', { min: '1', max: '10000', step: '1', value: '24', id: 'next-count' });
  const fillStatus = h('p', { class: 'error', 'aria-live': 'polite' });
  const fill = h('button', { class: 'secondary', type: 'button', id: 'fill-next', text: t('fillNext') });
  fill.addEventListener('click', async () => {
    fillStatus.textContent = '';
    const listed = new Set(serials(codes.value));
    const wanted = Math.max(1, Math.min(10000, Number(count.value) || 0));
    try {
      const answer = await get(`/lots/${lot.value}/packing?next=${Math.min(10000, wanted + listed.size)}`);
      const added = answer.next.filter(serial => !listed.has(serial)).slice(0, wanted);
      codes.value = [...lines(codes.value), ...added].join('\n');
      if (added.length < wanted) fillStatus.textContent = t('fewerUnpacked', added.length);
    } catch (error) {
      fillStatus.textContent = error.message;
    }
  });
  const sscField = field('sscc', t('sscc'), parent);
  sscField.append(full);
  const list = h('div', { class: 'card', id: 'cases' });
  const form = apiForm([
    field('lotId', t('lot'), lot),
    field('type', t('packAction'), type),
    sscField,
    field('serials', t('packCodes'), codes),
    h('div', { class: 'row' }, h('label', { class: 'field', for: count.id }, h('span', { text: t('nextCount') }), count),
      h('div', { class: 'field' }, fill)), fillStatus,
    field('ssccs', t('packCases'), cases),
    when()
  ], t('record'), f => {
    const body = values(f, withOffset);
    body.sscc = sscc(parent.value.trim());
    body.serials = serials(codes.value);
    body.ssccs = lines(cases.value).map(sscc);
    for (const key of ['sscc', 'serials', 'ssccs']) if (!body[key].length) delete body[key];
    return post('/events', body).then(answer => ({ answer, body }));
  }, ({ body }, f, result) => {
    result.textContent = t(body.type === 'packing' ? 'packedDone' : 'unpackedDone', body.sscc,
      contents((body.serials || []).length, (body.ssccs || []).length));
    for (const typed of [parent, codes, cases]) typed.value = '';
    full.textContent = '';
    casesOf(list, lot.value, fillForUnpacking);
  });
  form.id = 'pack-form';
  function fillForUnpacking(found) {
    type.value = 'unpacking';
    parent.value = found.sscc;
    full.textContent = '';
    codes.value = found.serials.join('\n');
    cases.value = found.ssccs.join('\n');
    form.scrollIntoView({ block: 'start' });
  }
  lot.addEventListener('change', () => casesOf(list, lot.value, fillForUnpacking));
  show(app, h('h1', { text: t('packTitle') }),
    holdings.length ? h('div', { class: 'split' }, form, list) : h('p', { class: 'muted', text: t('noHoldings') }));
  if (holdings.length) await casesOf(list, lot.value, fillForUnpacking);
}

/**
 * The lot's cases and pallets (the newest ones, or the one {@code only} names, found by its SSCC however old), each
 * with a button that fills the form to take its contents out.
 */
async function casesOf(list, lotId, takeOut, only) {
  list.dataset.lot = String(lotId);
  const find = input('text', { inputmode: 'numeric', autocomplete: 'off', id: 'find-case', value: only || '', placeholder: '00695123400000001' });
  const findError = h('p', { class: 'error', 'aria-live': 'polite' });
  let answer;
  try {
    answer = await get(`/lots/${lotId}/packing` + (only ? `?sscc=${encodeURIComponent(only)}` : ''));
  } catch (error) {
    if (!only) throw error;
    answer = null;
    findError.textContent = error.message;
  }
  if (list.dataset.lot !== String(lotId)) return; // another lot was chosen meanwhile
  const findForm = h('form', { class: 'row', id: 'find-case-form', onsubmit: event => {
    event.preventDefault();
    casesOf(list, lotId, takeOut, find.value.trim() ? sscc(find.value.trim()) : null);
  } }, h('label', { class: 'field', for: find.id }, h('span', { text: t('findCase') }), find, findError),
    h('div', { class: 'field' }, h('button', { class: 'secondary', type: 'submit', text: only ? t('findAgain') : t('find') })));
  if (!answer) {
    show(list, h('h2', { text: t('casesTitle') }), findForm);
    return;
  }
  show(list, h('h2', { text: t('casesTitle') }), h('p', { class: 'muted', text: t('packedCount', answer.packed, answer.codes, answer.casesTotal)
      + (!only && answer.casesTotal > answer.cases.length ? ' · ' + t('casesListed', answer.cases.length) : '') }), findForm,
    answer.cases.length === 0 ? h('p', { class: 'muted', text: t(only ? 'caseNotFound' : 'noCases') }) : h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, [t('ssccShort'), t('contents'), t('time'), ''].map(x => h('th', { text: x })))),
      h('tbody', {}, answer.cases.map(found => h('tr', { 'data-sscc': found.sscc },
        h('td', {}, found.sscc, found.pallet ? h('div', { class: 'muted', text: t('onPallet', found.pallet) }) : null),
        h('td', { text: contents(found.serials.length, found.ssccs.length) }),
        h('td', { text: found.packedAt.slice(0, 16).replace('T', ' ') }),
        h('td', {}, h('button', { class: 'secondary', type: 'button', text: t('takeOut'), onclick: () => takeOut(found) }))))))));
}
