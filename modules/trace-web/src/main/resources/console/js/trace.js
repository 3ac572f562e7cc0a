// A lot's genealogy drawn as an SVG graph: columns by processing depth, raw lots on the left, products on the
// right; each lot is a link that opens it.
import { h, s, show } from './dom.js';
import { get } from './api.js';
import { t, name } from './i18n.js';

const W = 200, H = 64, GAP_X = 70, GAP_Y = 18, PAD = 16;

/** Column and row of each lot: the root's column is 0; inputs one column before their output, outputs one after. */
export function layout(trace) {
  const depth = new Map([[trace.root, 0]]);
  const step = trace.direction === 'backward' ? -1 : 1;
  let changed = true;
  for (let round = 0; changed && round < trace.lots.length + 1; round++) {
    changed = false;
    for (const link of trace.links) {
      const [from, to] = step < 0 ? [link.output, link.input] : [link.input, link.output];
      if (depth.has(from)) {
        const next = depth.get(from) + step;
        if (!depth.has(to) || Math.abs(next) > Math.abs(depth.get(to))) { depth.set(to, next); changed = true; }
      }
    }
  }
  const columns = new Map();
  for (const lot of trace.lots) {
    const d = depth.get(lot.id) ?? 0;
    if (!columns.has(d)) columns.set(d, []);
    columns.get(d).push(lot);
  }
  const keys = [...columns.keys()].sort((a, b) => a - b);
  const places = new Map();
  keys.forEach((key, column) => columns.get(key).forEach((lot, row) => places.set(lot.id, { column, row })));
  return { places, columns: keys.length, rows: Math.max(1, ...[...columns.values()].map(c => c.length)) };
}

/** The graph; `vertical` (phones) puts the columns one under another, raw lots on top. */
export function traceGraph(trace, vertical = false) {
  const { places, columns, rows } = layout(trace);
  const stepAcross = vertical ? H + GAP_X / 2 : W + GAP_X;
  const stepAlong = vertical ? W + GAP_Y : H + GAP_Y;
  const width = vertical ? PAD * 2 + rows * W + (rows - 1) * GAP_Y : PAD * 2 + columns * W + (columns - 1) * GAP_X;
  const height = vertical ? PAD * 2 + columns * H + (columns - 1) * GAP_X / 2 : PAD * 2 + rows * H + (rows - 1) * GAP_Y;
  const at = id => {
    const p = places.get(id);
    return vertical ? { x: PAD + p.row * stepAlong, y: PAD + p.column * stepAcross }
      : { x: PAD + p.column * stepAcross, y: PAD + p.row * stepAlong };
  };
  const svg = s('svg', { class: 'trace', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': t('trace') },
    s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto' },
      s('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#5d6b64' }))));
  for (const link of trace.links) {
    if (!places.has(link.input) || !places.has(link.output)) continue;
    const [a, b] = [at(link.input), at(link.output)].sort((p, q) => (vertical ? p.y - q.y : p.x - q.x));
    const [x1, y1, x2, y2] = vertical ? [a.x + W / 2, a.y + H, b.x + W / 2, b.y] : [a.x + W, a.y + H / 2, b.x, b.y + H / 2];
    const path = vertical ? `M${x1},${y1} C${x1},${(y1 + y2) / 2} ${x2},${(y1 + y2) / 2} ${x2},${y2}`
      : `M${x1},${y1} C${(x1 + x2) / 2},${y1} ${(x1 + x2) / 2},${y2} ${x2},${y2}`;
    svg.append(s('path', { d: path, fill: 'none', stroke: '#5d6b64', 'stroke-width': 1.5, 'marker-end': 'url(#arrow)' }),
      s('text', { x: (x1 + x2) / 2 + (vertical ? 6 : 0), y: (y1 + y2) / 2 - 4, 'text-anchor': vertical ? 'start' : 'middle',
        'font-size': 11, fill: '#5d6b64', text: String(link.quantity) }));
  }
  // lots name their product and owner by id; the trace lists each once
  const products = new Map((trace.products || []).map(p => [p.id, p]));
  const parties = new Map((trace.parties || []).map(p => [p.id, p]));
  for (const lot of trace.lots) {
    const { x, y } = at(lot.id);
    const product = products.get(lot.productId);
    const owner = parties.get(lot.ownerId);
    const bad = lot.recalled || lot.coldChainBroken;
    const marks = [lot.recalled ? '⚠ ' + t('recalled') : '', lot.coldChainBroken ? '❄✗' : ''].filter(Boolean).join(' ');
    svg.append(s('a', { href: `#/lots/${lot.id}`, class: 'trace-lot', 'data-lot': lot.id },
      s('title', { text: `${lot.lotCode} · ${name(product && product.name)} · ${owner ? owner.name : ''}` }),
      s('rect', { x, y, width: W, height: H, rx: 6, fill: lot.id === trace.root ? '#e7f2ec' : '#fff',
        stroke: bad ? '#a4260f' : '#2f6b4f', 'stroke-width': lot.id === trace.root ? 2.5 : 1.5 }),
      s('text', { x: x + 8, y: y + 18, 'font-size': 13, 'font-weight': 700, fill: '#1d2a24', text: lot.lotCode }),
      s('text', { x: x + 8, y: y + 35, 'font-size': 12, fill: '#1d2a24', text: clip(name(product && product.name), 16) }),
      s('text', { x: x + 8, y: y + 53, 'font-size': 11, fill: bad ? '#a4260f' : '#5d6b64',
        text: marks || clip(owner ? owner.name : '', 17) })));
  }
  return svg;
}

const short = time => (time || '').slice(0, 16).replace('T', ' ');

function clip(text, max) {
  const chars = [...(text || '')];
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : chars.join('');
}

export async function traceView(app, id, direction = 'backward') {
  const trace = await get(`/lots/${id}/trace?direction=${direction}`);
  const root = trace.lots.find(l => l.id === trace.root);
  const other = direction === 'backward' ? 'forward' : 'backward';
  show(app, h('h1', { text: t('traceTitle', root ? root.lotCode : id) }),
    h('p', {}, h('strong', { text: t(direction) }), ' · ', h('a', { href: `#/trace/${id}/${other}`, text: t(other) }), ' · ',
      h('a', { href: `#/lots/${id}`, text: t('back') })),
    h('p', { class: 'muted', text: t('traceHint') }),
    h('div', { class: 'trace-wrap' }, traceGraph(trace, window.innerWidth < 600)),
    trace.shipments.length ? h('div', { class: 'card table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, [t('shipment'), t('from'), t('to'), t('shippedAt'), t('receivedAt'), '❄'].map(x => h('th', { text: x })))),
      h('tbody', {}, trace.shipments.map(sh => h('tr', {}, h('td', { text: '#' + sh.id }), h('td', { text: sh.from.name }),
        h('td', { text: sh.to.name }), h('td', { text: short(sh.shippedAt) }), h('td', { text: short(sh.receivedAt) }),
        h('td', {}, h('span', { class: sh.coldChain && sh.coldChain.held === false ? 'tag bad' : 'tag',
          text: sh.coldChain ? (sh.coldChain.held === false ? '✗' : '✓') + ' ' + (sh.coldChain.readings ?? 0) : '' }))))))) : null);
}
