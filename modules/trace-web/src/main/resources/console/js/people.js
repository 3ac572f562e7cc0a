// A party's administrator sees the party's people and adds more (POST /api/v1/users).
import { h, show } from './dom.js';
import { get, post } from './api.js';
import { t } from './i18n.js';
import { apiForm, field, input, select, values } from './form.js';
import { state } from './app.js';

const ROLES = ['operator', 'viewer', 'party_admin'];

export async function peopleView(app) {
  const caller = state.session.caller;
  const list = h('div', { class: 'card table-wrap', id: 'people-list' });
  async function load() {
    const people = (await get('/users')).items;
    show(list, h('table', {},
      h('thead', {}, h('tr', {}, [t('login'), t('personName'), t('role')].map(x => h('th', { text: x })))),
      h('tbody', {}, people.map(p => h('tr', {}, h('td', { text: p.login }), h('td', { text: p.name }), h('td', { text: t('role_' + p.role) }))))));
  }
  const roles = caller.role === 'regulator' ? ['regulator', 'viewer', 'party_admin'] : ROLES;
  const form = apiForm([
    h('h2', { text: t('addPerson') }),
    h('input', { type: 'hidden', name: 'partyId', value: caller.partyId, 'data-kind': 'number' }),
    field('login', t('login'), input('text', { autocomplete: 'off', autocapitalize: 'none', maxlength: '64' })),
    field('name', t('personName'), input('text', { maxlength: '100' })),
    field('role', t('role'), select(roles.map(r => ({ value: r, label: t('role_' + r) })))),
    field('password', t('password'), input('password', { autocomplete: 'new-password', minlength: '10', maxlength: '128' }))
  ], t('addPerson'), f => post('/users', values(f)), (person, f, result) => {
    result.textContent = t('personAdded', person.login);
    f.querySelector('[name=password]').value = '';
    load();
  });
  form.id = 'people-form';
  show(app, h('h1', { text: t('navPeople') }), list, caller.scope === 'manage' ? form : null);
  await load();
}
