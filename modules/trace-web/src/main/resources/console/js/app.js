// The console's shell: who is signed in, the menu for their role, and one view per #/route.
import { h, show } from './dom.js';
import { api, get } from './api.js';
import { t, lang, setLang } from './i18n.js';
import { apiForm, field, input } from './form.js';
import { lotsView, harvestView, lotView } from './lots.js';
import { processView, shipView, receiveView, readingsView, labView } from './flows.js';
import { packView } from './packing.js';
import { traceView } from './trace.js';
import { dashboardView } from './dashboard.js';
import { peopleView } from './people.js';
import { forget } from './data.js';

const app = document.getElementById('app');
export const state = { session: null };
let generation = 0;

const ROUTES = [
  [/^#\/lots$/, lotsView], [/^#\/harvest$/, harvestView], [/^#\/lots\/(\d+)$/, lotView],
  [/^#\/process$/, processView], [/^#\/pack(?:\/(\d+))?$/, packView], [/^#\/ship$/, shipView], [/^#\/receive$/, receiveView],
  [/^#\/readings$/, readingsView], [/^#\/lab$/, labView],
  [/^#\/trace\/(\d+)(?:\/(backward|forward))?$/, traceView], [/^#\/dashboard$/, dashboardView], [/^#\/people$/, peopleView]
];

// What each kind of party does: producers harvest, process, pack and ship; a processor does all but harvest; a
// retailer receives, ships on and logs its stores; a carrier uploads its shipments' logger readings; a lab records
// results. The API decides what is allowed; the menu only leaves out what a party of that kind never does.
const LOTS = ['#/lots', 'navLots'], HARVEST = ['#/harvest', 'navHarvest'], PROCESS = ['#/process', 'navProcess'],
  PACK = ['#/pack', 'navPack'], SHIP = ['#/ship', 'navShip'], RECEIVE = ['#/receive', 'navReceive'],
  READINGS = ['#/readings', 'navReadings'], LAB = ['#/lab', 'navLab'];
const PRODUCER = [LOTS, HARVEST, PROCESS, PACK, SHIP, RECEIVE, READINGS, LAB];
const BY_KIND = {
  cooperative: PRODUCER, enterprise: PRODUCER,
  processor: [LOTS, PROCESS, PACK, SHIP, RECEIVE, READINGS, LAB],
  retailer: [LOTS, RECEIVE, SHIP, READINGS, LAB],
  carrier: [READINGS, LOTS],
  lab: [LAB, LOTS]
};

function menu() {
  const caller = state.session && state.session.caller;
  if (!caller) return [];
  const people = caller.scope === 'manage' && caller.partyId ? [['#/people', 'navPeople']] : [];
  if (caller.role !== 'party') return [['#/dashboard', 'navDashboard'], LOTS, ...people];
  if (caller.scope === 'read') return [LOTS];
  const user = state.session.user;
  return [...(BY_KIND[user && user.partyKind] || PRODUCER), ...people];
}

function chrome() {
  document.title = t('brand') + ' · ' + t('console');
  document.getElementById('brand').textContent = t('brand');
  document.getElementById('lang').textContent = t('otherLang');
  const out = document.getElementById('signout');
  out.textContent = t('signOut');
  out.hidden = !state.session;
  const user = state.session && state.session.user;
  document.getElementById('who').textContent = user ? user.name + (user.partyName ? ' · ' + user.partyName : '') : '';
  show(document.getElementById('nav'), menu().map(([href, key]) =>
    h('a', { href, class: location.hash.startsWith(href) ? 'active' : undefined, text: t(key) })));
}

/** The first thing the menu offers: the dashboard, the lots, or a carrier's readings and a lab's results. */
function home() {
  const first = menu()[0];
  return first ? first[0] : '#/lots';
}

async function route() {
  if (!state.session) {
    try { state.session = await get('/session'); } catch (e) { state.session = null; }
  }
  chrome();
  if (!state.session || !state.session.user) {
    if (location.hash !== '#/signin') { location.hash = '#/signin'; return; }
    generation++;
    return signInView();
  }
  if (location.hash === '#/signin' || location.hash === '' || location.hash === '#/') { location.hash = home(); return; }
  for (const [pattern, view] of ROUTES) {
    const match = location.hash.match(pattern);
    if (match) {
      // each view renders off-page and is shown only if no other route started meanwhile (e.g. a sign-out)
      const mine = ++generation;
      const target = h('section', { class: 'view' });
      show(app, h('p', { class: 'muted', text: t('loading') }));
      try {
        await view(target, ...match.slice(1));
      } catch (error) {
        show(target, h('p', { class: 'alert', text: t('failed', error.message) }));
      }
      if (mine === generation) {
        show(app, target);
        app.focus({ preventScroll: true });
      }
      return;
    }
  }
  location.hash = home();
}

function signInView() {
  const form = apiForm([
    field('login', t('login'), input('text', { autocomplete: 'username', autocapitalize: 'none', required: true })),
    field('password', t('password'), input('password', { autocomplete: 'current-password', required: true }))
  ], t('signIn'), async f => api('POST', '/session', { login: f.login.value, password: f.password.value }),
  answer => { forget(); state.session = answer; location.hash = home(); });
  form.id = 'signin-form';
  show(app, h('section', { class: 'signin' }, h('h1', { text: t('signInTitle') }), form,
    h('p', { class: 'muted', text: t('demoHint') })));
}

document.getElementById('lang').addEventListener('click', () => { setLang(lang === 'en' ? 'zh' : 'en'); route(); });
document.getElementById('signout').addEventListener('click', async () => {
  try { await api('DELETE', '/session'); } finally {
    forget();
    state.session = null;
    if (location.hash === '#/signin') route(); else location.hash = '#/signin';
  }
});
window.addEventListener('hashchange', route);
setLang(lang);
route();
