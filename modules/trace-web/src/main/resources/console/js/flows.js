// Processor and carrier screens: a processing batch in one form, shipping, receiving, logger readings from a
// CSV file (read in the browser, sent in chunks with a progress bar) and lab results. Each is one POST /events.
import { h, show } from './dom.js';
import { get, post, withOffset, nowLocal, Problem } from './api.js';
import { t, name } from './i18n.js';
import { apiForm, field, input, select, values } from './form.js';
import * as data from './data.js';
import { state } from './app.js';

export const when = () => field('time', t('time'), input('datetime-local', { value: nowLocal(), 'data-kind': 'offset' }));
export const lotOptions = lots => lots.map(l => ({ value: l.id, label: `${l.lotCode} · ${name({ zh: l.productZh, en: l.productEn })} (${l.held} ${l.unit})` }));
const event = (type, f) => post('/events', { type, ...values(f, withOffset) });

export async function processView(app) {
  const [holdings, products, sites, commodities] = await Promise.all([data.holdings(), data.products(), data.sites(), data.commodities()]);
  const inputs = h('div', { class: 'inputs' });
  let rows = 0;
  function addInput() {
    const i = rows++;
    const held = select(lotOptions(holdings), { 'data-kind': 'number' });
    const unit = input('text', { value: holdings[0] ? holdings[0].unit : 'kg' });
    held.addEventListener('change', () => { const l = holdings.find(x => String(x.id) === held.value); if (l) unit.value = l.unit; });
    const row = h('div', { class: 'row' }, field(`inputs[${i}].lotId`, t('inputLot'), held),
      field(`inputs[${i}].quantity.value`, t('quantity'), input('number', { step: 'any', min: '0', 'data-kind': 'number' })),
      field(`inputs[${i}].quantity.unit`, t('unit'), unit),
      h('div', {}, h('button', { class: 'secondary', type: 'button', text: t('remove'), onclick: () => row.remove() })));
    inputs.append(row);
  }
  addInput();
  const output = select(products.map(p => ({ value: p.id, label: `${name(p.name)} (${p.gtin})` })), { 'data-kind': 'number' });
  const steps = h('div', { class: 'checks' });
  const outUnit = input('text', { value: products[0] ? products[0].unit : 'kg' });
  function profile() {
    const p = products.find(x => String(x.id) === output.value);
    const c = p && commodities.find(x => x.code === p.commodity);
    const kept = new Set([...steps.querySelectorAll('input:checked')].map(x => x.value));
    if (p) outUnit.value = p.unit;
    show(steps, (c ? c.processSteps : []).map(step => h('label', {},
      h('input', { type: 'checkbox', name: 'steps', 'data-list': '1', value: step, checked: kept.has(step) }), step)));
  }
  output.addEventListener('change', profile);
  profile();
  const form = apiForm([
    field('siteId', t('processingSite'), select(sites.map(s => ({ value: s.id, label: s.name })), { 'data-kind': 'number' })),
    when(),
    h('h2', { text: t('inputs') }), inputs,
    h('p', {}, h('button', { class: 'secondary', type: 'button', text: t('addInput'), onclick: addInput })),
    h('h2', { text: t('output') }),
    field('outputs[0].productId', t('outputProduct'), output),
    h('div', { class: 'row' }, field('outputs[0].quantity.value', t('quantity'), input('number', { step: 'any', min: '0', 'data-kind': 'number' })),
      field('outputs[0].quantity.unit', t('unit'), outUnit)),
    h('label', { class: 'field', 'data-field': 'steps' }, h('span', { text: t('steps') }), steps, h('p', { class: 'error' })),
    field('process', t('processNote'), input('text', { maxlength: '200' }))
  ], t('record'), f => event('processing', f), (answer, f, result) => {
    const lot = (answer.lots || [])[0];
    if (lot) result.append(t('processed', lot.lotCode), ' ', h('a', { href: `#/lots/${lot.id}`, text: t('open') }));
  });
  form.id = 'process-form';
  show(app, h('h1', { text: t('processTitle') }), form);
}

export async function shipView(app) {
  const [holdings, sites, parties] = await Promise.all([data.holdings(), data.sites(), data.parties()]);
  const unit = input('text', { value: holdings[0] ? holdings[0].unit : 'kg' });
  const lot = select(lotOptions(holdings), { 'data-kind': 'number' });
  lot.addEventListener('change', () => { const l = holdings.find(x => String(x.id) === lot.value); if (l) unit.value = l.unit; });
  const partyOptions = list => list.map(p => ({ value: p.id, label: `${p.name} (${p.kind})` }));
  const toParty = select(partyOptions(parties.filter(p => p.kind !== 'regulator')), { 'data-kind': 'number' });
  const toSite = select([], { 'data-kind': 'number' });
  const loadToSites = async () => {
    const chosen = toParty.value;
    const found = chosen ? await data.partySites(chosen) : [];
    if (toParty.value !== chosen) return;
    toSite.replaceChildren(...[{ value: '', label: t('none') }, ...found.map(s => ({ value: s.id, label: `${s.name} · ${s.county}` }))]
      .map(o => h('option', { value: o.value, text: o.label })));
  };
  toParty.addEventListener('change', loadToSites);
  await loadToSites();
  const form = apiForm([
    field('lotId', t('lot'), lot),
    h('div', { class: 'row' }, field('quantity.value', t('quantity'), input('number', { step: 'any', min: '0', 'data-kind': 'number' })),
      field('quantity.unit', t('unit'), unit)),
    field('fromSiteId', t('fromSite'), select(sites.map(s => ({ value: s.id, label: s.name })), { 'data-kind': 'number' })),
    field('toPartyId', t('toParty'), toParty),
    field('toSiteId', t('toSite'), toSite),
    field('carrierPartyId', t('carrier'), select([{ value: '', label: t('none') }, ...partyOptions(parties.filter(p => p.kind === 'carrier'))],
      { 'data-kind': 'number' })),
    when()
  ], t('ship'), f => event('shipping', f), (answer, f, result) => { result.textContent = t('shipped', answer.shipmentId); });
  form.id = 'ship-form';
  show(app, h('h1', { text: t('shipTitle') }), form);
}

export async function receiveView(app) {
  const [shipments, sites] = await Promise.all([get('/shipments?direction=incoming').then(r => r.items), data.sites()]);
  const open = shipments.filter(s => !s.receivedAt);
  const cards = open.map(shipment => {
    const form = apiForm([
      h('h2', { text: `#${shipment.id} · ${shipment.lotCode}` }),
      h('p', { text: `${name({ zh: shipment.productZh, en: shipment.productEn })} · ${shipment.quantity} ${shipment.unit} · ${t('from')}: ${shipment.fromName}` }),
      h('p', { class: 'muted', text: `${t('shippedAt')}: ${shipment.shippedAt}` }),
      h('input', { type: 'hidden', name: 'shipmentId', value: shipment.id, 'data-kind': 'number' }),
      field('siteId', t('atSite'), select(sites.map(s => ({ value: s.id, label: s.name, selected: s.id === shipment.toSiteId })), { 'data-kind': 'number' })),
      when()
    ], t('receive'), f => event('receiving', f), (answer, f, result) => {
      result.textContent = t('received');
      f.querySelector('button[type=submit]').disabled = true;
    });
    form.classList.add('receive-form');
    form.dataset.shipment = shipment.id;
    return form;
  });
  show(app, h('h1', { text: t('receiveTitle') }), h('h2', { text: t('incoming') }),
    cards.length ? cards : h('p', { class: 'muted', text: t('noIncoming') }));
}

/** Reads `time,value[,measure[,device]]` lines (a header line is skipped); refuses a bad line by its number. */
export function parseReadings(text) {
  const readings = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const cells = line.split(/[,;\t]/).map(c => c.trim().replace(/^"|"$/g, ''));
    if (!line.trim() || (index === 0 && isNaN(Number(cells[1])))) return;
    const value = Number(cells[1]);
    if (!cells[0] || isNaN(value)) throw new Error(`line ${index + 1}: expected time,value but read "${line.slice(0, 60)}"`);
    const reading = { time: cells[0], value, measure: cells[2] || 'temperature' };
    if (cells[3]) reading.device = cells[3];
    readings.push(reading);
  });
  return readings;
}

export async function readingsView(app) {
  const lists = await Promise.all(['carried', 'outgoing', 'incoming'].map(d => get('/shipments?direction=' + d).then(r => r.items)));
  const seen = new Set();
  const shipments = lists.flat().filter(s => !seen.has(s.id) && seen.add(s.id));
  const shipment = select(shipments.map(s => ({ value: s.id, label: `#${s.id} · ${s.lotCode} · ${s.fromName} → ${s.toName}` })), { 'data-kind': 'number' });
  const file = input('file', { accept: '.csv,text/csv,text/plain', name: 'readings' });
  const progress = h('progress', { max: 1, value: 0, hidden: true });
  const status = h('p', { class: 'muted', 'aria-live': 'polite' });
  const CHUNK = 2000;
  const form = apiForm([field('shipmentId', t('shipment'), shipment), field('readings', t('csvFile'), file), progress, status],
    t('upload'), async f => {
      if (!file.files[0]) throw new Problem(400, { detail: t('noCsvChosen'), field: 'readings' });
      const readings = parseReadings(await file.files[0].text());
      status.textContent = t('parsed', readings.length);
      progress.hidden = false;
      progress.max = readings.length;
      progress.value = 0;
      for (let i = 0; i < readings.length; i += CHUNK) {
        const chunk = readings.slice(i, i + CHUNK);
        try {
          await post('/events', { type: 'sensor_reporting', shipmentId: Number(shipment.value), readings: chunk });
        } catch (error) {
          if (error.field && error.field.startsWith('readings[')) {
            error.body.detail = `line ~${i + Number(error.field.match(/\d+/)[0]) + 2}: ${error.body.detail}`;
            error.field = 'readings';
          }
          throw error;
        }
        progress.value = i + chunk.length;
        status.textContent = t('uploading', i + chunk.length, readings.length);
      }
      return readings.length;
    }, (count, f, result) => { result.textContent = t('uploaded', count); });
  form.id = 'readings-form';
  show(app, h('h1', { text: t('readingsTitle') }), form);
}

const TESTS = ['pesticide_residue', 'veterinary_drug_residue', 'quarantine', 'moisture', 'heavy_metals', 'microbiology', 'other'];

export async function labView(app) {
  const [holdings, parties] = await Promise.all([data.holdings(), data.parties()]);
  const labs = parties.filter(p => p.kind === 'lab');
  // a lab holds no lots: it scans (or pastes) the QR code its sample came labelled with, and records as itself
  const self = state.session.caller.partyId;
  const lot = holdings.length ? field('lotId', t('lot'), select(lotOptions(holdings), { 'data-kind': 'number' }))
    : field('lot', t('sampleLink'), input('text', { maxlength: '2048', inputmode: 'url', placeholder: 'https://…/01/…/10/…' }));
  const form = apiForm([
    lot,
    field('labPartyId', t('labParty'), select(labs.map(p => ({ value: p.id, label: p.name, selected: p.id === self })), { 'data-kind': 'number' })),
    field('reportNumber', t('reportNumber'), input('text', { maxlength: '100' })),
    field('test', t('test'), select(TESTS.map(x => ({ value: x, label: t('test_' + x) })))),
    field('result', t('result'), input('text', { maxlength: '200' })),
    h('label', { class: 'field', 'data-field': 'passed' }, h('span', { text: t('passed') }),
      h('input', { type: 'checkbox', name: 'passed', checked: true }), h('p', { class: 'error' })),
    when()
  ], t('record'), f => event('inspection', f), (answer, f, result) => { result.textContent = t('labDone'); });
  form.id = 'lab-form';
  show(app, h('h1', { text: t('labTitle') }), form);
}
