// Forms whose inputs are named by the API's JSON paths (quantity.value, inputs[0].lotId, attributes.teaType).
// A refused submit shows the problem's detail next to the field it names; nothing typed is lost.
import { h } from './dom.js';
import { Problem } from './api.js';
import { t } from './i18n.js';

/** A labelled control with a place for its error. */
export function field(path, label, control) {
  if (!control.getAttribute('name')) control.setAttribute('name', path);
  control.id = control.id || 'f-' + path.replace(/[^a-zA-Z0-9]/g, '-');
  return h('label', { class: 'field', 'data-field': path, for: control.id },
    h('span', { text: label }), control, h('p', { class: 'error', 'aria-live': 'polite' }));
}

export function input(type, attrs = {}) {
  return h('input', { type, ...attrs });
}

export function select(options, attrs = {}) {
  return h('select', attrs, options.map(o => h('option', { value: o.value, selected: o.selected || undefined, text: o.label })));
}

/** The form's values as the API's JSON body: data-kind number | bool | offset (a local time + offset) | text. */
export function values(form, withOffset) {
  const body = {};
  for (const el of form.querySelectorAll('[name]')) {
    if (el.disabled || el.type === 'file') continue;
    const kind = el.dataset.kind || 'text';
    let value;
    if (el.type === 'checkbox') {
      if (el.dataset.list) {
        if (!el.checked) continue;
        put(body, el.name, [...(get(body, el.name) || []), el.value]);
        continue;
      }
      value = el.checked;
    } else {
      value = el.value;
      if (value === '' || value === undefined) continue;
      if (kind === 'number') value = Number(value);
      else if (kind === 'offset') value = withOffset(value);
    }
    put(body, el.name, value);
  }
  return compact(body);
}

/** Drops the holes that removed rows leave in arrays (inputs[0], inputs[2] → two inputs). */
function compact(node) {
  if (Array.isArray(node)) return node.filter(x => x !== undefined).map(compact);
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, compact(v)]));
  return node;
}

function parts(path) {
  return path.split(/\.|\[(\d+)\]/).filter(p => p !== undefined && p !== '').map(p => (/^\d+$/.test(p) ? Number(p) : p));
}

function get(target, path) {
  return parts(path).reduce((o, k) => (o == null ? undefined : o[k]), target);
}

function put(target, path, value) {
  const keys = parts(path);
  let node = target;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) node[key] = value;
    else node = node[key] ??= (typeof keys[i + 1] === 'number' ? [] : {});
  });
}

/** Shows a problem at the field it names (or the closest enclosing one), else at the form's top. */
export function showProblem(form, error) {
  const detail = error instanceof Problem ? error.body.detail || error.message : String(error.message || error);
  let path = error instanceof Problem ? error.field : null;
  let place = null;
  while (path && !place) {
    place = form.querySelector(`[data-field="${CSS.escape(path)}"]`);
    const shorter = path.replace(/(\.[^.\[]*|\[\d+\])$/, '');
    if (shorter === path) break;
    path = shorter;
  }
  const target = place ? place.querySelector('.error') : form.querySelector('.form-error');
  if (place) place.classList.add('invalid');
  target.textContent = detail;
  (place ? place.querySelector('input,select,textarea') : target)?.focus?.();
}

export function clearProblems(form) {
  form.querySelectorAll('.error').forEach(e => { e.textContent = ''; });
  form.querySelectorAll('.invalid').forEach(e => e.classList.remove('invalid'));
  form.querySelectorAll('.form-result').forEach(e => { e.textContent = ''; e.className = 'form-result'; });
}

/** A form that submits with `send(form)`; `done(answer, form)` shows success. */
export function apiForm(children, submitLabel, send, done) {
  const button = h('button', { class: 'primary', type: 'submit', text: submitLabel });
  const form = h('form', { class: 'card', novalidate: true },
    h('p', { class: 'error form-error', 'aria-live': 'polite' }), children, button, h('p', { class: 'form-result', 'aria-live': 'polite' }));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearProblems(form);
    button.disabled = true;
    try {
      const answer = await send(form);
      const result = form.querySelector('.form-result');
      result.className = 'form-result notice';
      result.textContent = '';
      done(answer, form, result);
    } catch (error) {
      showProblem(form, error);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
