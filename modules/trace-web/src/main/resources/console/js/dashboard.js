// The regulator's dashboard: counts as inline SVG bar charts (nothing from other hosts) and the lists behind them.
import { h, s, show } from './dom.js';
import { get } from './api.js';
import { t, name } from './i18n.js';
import * as data from './data.js';

/** A horizontal bar chart of [label, value] pairs. */
export function barChart(title, pairs) {
  const rowH = 26, labelW = 130, width = 420, max = Math.max(1, ...pairs.map(p => p[1]));
  const height = Math.max(1, pairs.length) * rowH + 8;
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title });
  if (!pairs.length) svg.append(s('text', { x: 4, y: 18, 'font-size': 13, fill: '#5d6b64', text: t('nothing') }));
  pairs.forEach(([label, value], i) => {
    const y = 4 + i * rowH;
    const w = Math.max(2, (width - labelW - 50) * value / max);
    svg.append(s('text', { x: labelW - 6, y: y + 16, 'text-anchor': 'end', 'font-size': 12, fill: '#1d2a24', text: label }),
      s('rect', { x: labelW, y: y + 3, width: w, height: rowH - 8, rx: 3, fill: '#2f6b4f' }),
      s('text', { x: labelW + w + 5, y: y + 16, 'font-size': 12, fill: '#1d2a24', text: String(value) }));
  });
  return h('section', { class: 'card' }, h('h2', { text: title }), svg);
}

function sum(rows, key, value) {
  const totals = new Map();
  rows.forEach(r => totals.set(r[key], (totals.get(r[key]) || 0) + Number(r[value])));
  return [...totals.entries()].sort((a, b) => b[1] - a[1]);
}

function list(title, rows, render, id, total = rows.length) {
  return h('section', { class: 'card', id }, h('h2', { text: `${title} (${total})` }),
    rows.length ? h('ul', {}, rows.slice(0, 20).map(r => h('li', {}, render(r)))) : h('p', { class: 'muted', text: t('nothing') }));
}

/** The words for a stored code (feedback category, certificate type), or the code itself when there are none. */
const word = (prefix, code) => { const key = prefix + String(code).toLowerCase(); const text = t(key); return text === key ? code : text; };

const lotLink = (id, code) => h('a', { href: `#/lots/${id}`, text: code || '#' + id });

export async function dashboardView(app) {
  const [board, commodities] = await Promise.all([get('/dashboard'), data.commodities()]);
  const commodityName = code => { const c = commodities.find(x => x.code === code); return c ? name(c.name) : code; };
  show(app, h('h1', { text: t('dashboardTitle') }), h('p', { class: 'muted', text: board.asOf }),
    h('div', { class: 'charts' },
      barChart(t('lotsByCommodity'), sum(board.lotsByCommodityAndCounty, 'commodity', 'lots').map(([k, v]) => [commodityName(k), v])),
      barChart(t('lotsByCounty'), sum(board.lotsByCommodityAndCounty, 'county', 'lots')),
      barChart(t('scansByRegion'), board.scansByRegion.map(r => [r.region || t('unknownRegion'), Number(r.scans)])),
      barChart(t('feedbackByCategory'), board.feedbackByCategory.map(r => [word('fb_', r.category), Number(r.reports)]))),
    list(t('recalls'), board.recalls, r => [lotLink(r.id, r.lotCode), ` · ${name({ zh: r.productZh, en: r.productEn })} · ${r.ownerName} · ${r.reason}`], 'dash-recalls'),
    list(t('certificatesExpiring'), board.certificatesExpiring, r => `${r.validTo} · ${word('cert_', r.type)} ${r.number} · ${r.ownerName}`, 'dash-certificates'),
    list(t('coldChainExcursions'), board.coldChainExcursions, r => [lotLink(r.lotId), ` · #${r.id} ${r.from.name} → ${r.to.name}`], 'dash-coldchain',
      board.coldChainBrokenShipments),
    list(t('suspiciousCodes'), board.suspiciousCodes, r => [lotLink(r.lotId, r.lotCode), ` /21/${r.serial} · ${r.scans} ${t('scans')} · ${r.regions} ${t('regions')}`], 'dash-suspicious'),
    list(t('feedback'), board.feedback, r => [lotLink(r.lotId, r.lotCode), ` · ${word('fb_', r.category)} · ${r.text}`], 'dash-feedback'));
}
