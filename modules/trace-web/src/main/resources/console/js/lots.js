// Cooperative screens: the lots (list and search), registering a harvest from the commodity's profile,
// and one lot with its QR code, pack codes, label sheets, trace and recall.
import { h, show } from './dom.js';
import { get, post, withOffset, nowLocal } from './api.js';
import { t, name, lang } from './i18n.js';
import { apiForm, field, input, select, values } from './form.js';
import * as data from './data.js';
import { state } from './app.js';

const qty = q => (q ? `${q.value} ${q.unit}` : '');

export async function lotsView(app) {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const list = h('div', { class: 'table-wrap' });
  const commodities = await data.commodities();
  const code = input('search', { value: params.get('lotCode') || '', placeholder: 'TEA-260502-K7QM' });
  const kind = select([{ value: '', label: t('all') }, ...commodities.map(c => ({ value: c.code, label: name(c.name) }))]);
  const search = h('form', { class: 'card row', role: 'search' },
    field('lotCode', t('lotCodeFilter'), code), field('commodity', t('commodity'), kind),
    h('div', {}, h('button', { class: 'primary', type: 'submit', text: t('search') })));
  search.addEventListener('submit', event => { event.preventDefault(); load(); });
  async function load() {
    const query = new URLSearchParams({ limit: '100' });
    if (code.value.trim()) query.set('lotCode', code.value.trim());
    if (kind.value) query.set('commodity', kind.value);
    const page = await get('/lots?' + query);
    const products = new Map((await data.products().catch(() => [])).map(p => [p.id, p]));
    show(list, page.items.length === 0 ? h('p', { class: 'muted', text: t('noLots') }) : h('table', {},
      h('thead', {}, h('tr', {}, [t('lotCodeFilter'), t('product'), t('quantity'), t('harvestedAt')].map(x => h('th', { text: x })))),
      h('tbody', {}, page.items.map(lot => h('tr', {},
        h('td', {}, h('a', { href: `#/lots/${lot.id}`, text: lot.lotCode })),
        h('td', { text: products.has(lot.productId) ? name(products.get(lot.productId).name) : '#' + lot.productId }),
        h('td', { text: qty(lot.quantity) }), h('td', { text: (lot.harvestedAt || '').slice(0, 16).replace('T', ' ') }))))));
  }
  show(app, h('h1', { text: t('lotsTitle') }), search, list);
  await load();
}

export async function harvestView(app) {
  const [products, sites, commodities] = await Promise.all([data.products(), data.sites(), data.commodities()]);
  const product = select(products.map(p => ({ value: p.id, label: `${name(p.name)} (${p.gtin})` })), { 'data-kind': 'number' });
  const site = select(sites.map(s => ({ value: s.id, label: s.name })), { 'data-kind': 'number' });
  const unit = select([], {});
  const attributes = h('fieldset', { class: 'attributes' });
  function profile() {
    const chosen = products.find(p => String(p.id) === product.value);
    const c = chosen && commodities.find(x => x.code === chosen.commodity);
    const keptUnit = unit.value || (chosen && chosen.unit);
    show(unit, (c ? c.units : []).map(u => h('option', { value: u, selected: u === keptUnit || undefined, text: u })));
    const kept = values(attributes, withOffset).attributes || {};
    show(attributes, h('legend', { text: t('attributes') + (c ? ' · ' + name(c.name) : '') }),
      (c ? c.attributes : []).map(a => field('attributes.' + a.name, name(a.label) + (a.required ? ' *' : ''), attributeControl(a, kept[a.name]))));
  }
  product.addEventListener('change', profile);
  const form = apiForm([
    field('productId', t('product'), product), field('siteId', t('site'), site),
    h('div', { class: 'row' }, field('quantity.value', t('quantity'), input('number', { step: 'any', min: '0', 'data-kind': 'number' })),
      field('quantity.unit', t('unit'), unit)),
    field('harvestedAt', t('harvestedAt'), input('datetime-local', { value: nowLocal(), 'data-kind': 'offset' })),
    attributes
  ], t('register'), f => post('/lots', values(f, withOffset)), (lot, f, result) => {
    result.append(t('registered', lot.lotCode), ' ', h('a', { href: `#/lots/${lot.id}`, text: t('open') }));
  });
  form.id = 'harvest-form';
  profile();
  show(app, h('h1', { text: t('harvestTitle') }), form);
}

function attributeControl(attribute, kept) {
  if (attribute.type === 'enum') {
    return select([{ value: '', label: '—' }, ...attribute.values.map(v => ({ value: v, label: v, selected: v === kept }))]);
  }
  if (attribute.type === 'number') {
    return input('number', { step: 'any', min: attribute.min, max: attribute.max, value: kept, 'data-kind': 'number' });
  }
  if (attribute.type === 'date') return input('date', { value: kept });
  if (attribute.type === 'datetime') return input('datetime-local', { 'data-kind': 'offset' });
  return input('text', { maxlength: '200', value: kept });
}

export async function lotView(app, id) {
  const lot = await get(`/lots/${id}`);
  const caller = state.session.caller;
  const mine = caller.role === 'party' && caller.partyId === lot.partyId;
  const [products, commodities, trace, packing, batches] = await Promise.all([data.products().catch(() => []), data.commodities(),
    get(`/lots/${id}/trace?direction=backward`).catch(() => null), get(`/lots/${id}/packing`).catch(() => null),
    mine ? get(`/lots/${id}/code-batches`).then(answer => answer.items).catch(() => []) : []]);
  const traced = trace && trace.lots.find(l => l.id === lot.id);
  lot.recalled = traced ? traced.recalled : false;
  lot.recallReason = traced ? traced.recallReason : null;
  const product = products.find(p => p.id === lot.productId);
  const facts = h('dl', { class: 'facts' },
    h('dt', { text: t('product') }), h('dd', { text: product ? name(product.name) : '#' + lot.productId }),
    h('dt', { text: t('quantity') }), h('dd', { text: qty(lot.quantity) }),
    h('dt', { text: t('harvestedAt') }), h('dd', { text: lot.harvestedAt }),
    h('dt', { text: t('digitalLink') }), h('dd', {}, h('a', { href: lot.digitalLink, text: lot.digitalLink })),
    Object.entries(lot.attributes || {}).map(([k, v]) => [h('dt', { text: attributeLabel(commodities, product, k) }), h('dd', { text: String(v) })]));
  const sections = [
    h('h1', { text: t('lotTitle', lot.lotCode) }),
    lot.recalled ? h('p', { class: 'alert', id: 'recalled', text: t('recalled') + (lot.recallReason ? ': ' + lot.recallReason : '') }) : null,
    h('div', { class: 'card' }, facts),
    h('div', { class: 'card' }, h('h2', { text: t('qr') }),
      h('img', { class: 'qr', src: `/api/v1/lots/${lot.id}/qr.svg?size=360`, alt: lot.digitalLink, width: 180, height: 180 }),
      // same-origin GETs carry the session cookie, so plain download links work
      h('p', { id: 'qr-downloads' },
        h('a', { href: `/api/v1/lots/${lot.id}/qr.png?size=1024&ec=Q`, download: `qr-${lot.lotCode}.png`, text: t('qrPng') }), ' · ',
        h('a', { href: `/api/v1/lots/${lot.id}/qr.svg?ec=Q`, download: `qr-${lot.lotCode}.svg`, text: t('qrSvg') }))),
    packing && (packing.codes || packing.cases.length) ? h('div', { class: 'card', id: 'lot-packing' }, h('h2', { text: t('casesTitle') }),
      h('p', { text: t('packedCount', packing.packed, packing.codes, packing.cases.length) }),
      mine && caller.scope !== 'read' ? h('a', { class: 'button', href: `#/pack/${lot.id}`, text: t('packThisLot') }) : null) : null,
    h('p', {}, h('a', { class: 'button', href: `#/trace/${lot.id}/backward`, text: t('trace') }), ' ',
      h('a', { href: `/api/v1/lots/${lot.id}/history.csv`, text: t('history') }))
  ];
  if (mine && caller.scope !== 'read') sections.push(codesForm(lot, batches));
  else if (mine && batches.length) sections.push(h('div', { class: 'card' }, h('h2', { text: t('codeBatches') }), batchList(lot, batches)));
  if ((mine && caller.scope !== 'read') || caller.role === 'regulator') sections.push(recallForm(lot));
  show(app, sections);
}

function attributeLabel(commodities, product, key) {
  const c = product && commodities.find(x => x.code === product.commodity);
  const a = c && c.attributes.find(x => x.name === key);
  return a ? name(a.label) : key;
}

// Codes are issued in batches of at most one label sheet file each, so the bar shows real progress and
// every batch's labels download as one PDF.
const CODES_PER_BATCH = 10000;
const MAX_CODES = 100000;

function codesForm(lot, earlier) {
  const links = batchList(lot, earlier);
  const progress = h('progress', { max: 1, value: 0, hidden: true });
  const status = h('p', { class: 'muted', 'aria-live': 'polite' });
  const form = apiForm([h('h2', { text: t('issueCodes') }),
    field('count', t('count'), input('number', { min: '1', max: String(MAX_CODES), step: '1', value: '100', 'data-kind': 'number' })),
    progress, status, links],
  t('issue'), async f => {
    const total = values(f).count;
    if (!Number.isInteger(total) || total < 1 || total > MAX_CODES) return [await post(`/lots/${lot.id}/codes`, { count: total })];
    const batches = [];
    progress.hidden = false;
    progress.max = total;
    for (let issued = 0; issued < total;) {
      const count = Math.min(CODES_PER_BATCH, total - issued);
      status.textContent = t('issuing', issued, total, Math.floor(100 * issued / total));
      const batch = await post(`/lots/${lot.id}/codes`, { count });
      batches.push(batch);
      links.prepend(batchLinks(lot, batch));
      issued += count;
      progress.value = issued;
    }
    progress.hidden = true;
    status.textContent = '';
    return batches;
  }, (batches, f, result) => {
    result.textContent = t('issued', batches.reduce((sum, b) => sum + b.count, 0));
  });
  form.id = 'codes-form';
  return form;
}

/** The lot's code batches, newest first, each with its label sheet and CSV downloads (same-origin GETs: the cookie goes along). */
function batchList(lot, batches) {
  return h('ul', { class: 'batches', id: 'code-batches' }, batches.map(batch => batchLinks(lot, batch)));
}

function batchLinks(lot, batch) {
  return h('li', {}, t('batchCodes', batch.count, new Date(batch.createdAt).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN')), ' ',
    h('a', { href: batch.links.labels, download: `labels-${lot.lotCode}-${batch.id}.pdf`, text: t('labels') }), ' · ',
    h('a', { href: batch.links.csv, download: `codes-${lot.lotCode}-${batch.id}.csv`, text: t('codesCsv') }));
}

function recallForm(lot) {
  const form = apiForm([h('h2', { text: t('recallTitle') }), field('reason', t('reason'), h('textarea', { rows: 2, maxlength: 500 }))],
    t('recall'), f => post(`/lots/${lot.id}/recall`, values(f)), (answer, f, result) => {
      result.className = 'form-result alert';
      result.textContent = t('recallDone', (answer.lots || []).length || 1);
    });
  form.id = 'recall-form';
  form.querySelector('button[type=submit]').className = 'danger';
  return form;
}
