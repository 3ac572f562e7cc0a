// The JSON API with the session cookie. Writes carry X-Plateau-Console: 1 (the server's CSRF check).

/** An RFC 9457 problem answered by the API: detail, and the field at fault when one is. */
export class Problem extends Error {
  constructor(status, body) {
    super((body && body.detail) || ('HTTP ' + status));
    this.status = status;
    this.field = (body && body.field) || null;
    this.body = body || {};
  }
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-Plateau-Console'] = '1';
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch('/api/v1' + path, {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body)
  });
  if (response.status === 204) return null;
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  if (!response.ok) {
    if (response.status === 401 && path !== '/session') location.hash = '#/signin';
    throw new Problem(response.status, json || { detail: text });
  }
  return json;
}

export const get = path => api('GET', path);
export const post = (path, body) => api('POST', path, body);

/** Every item of a paged list (up to `max`). */
export async function all(path, max = 2000) {
  const items = [];
  let next = '/api/v1' + path;
  while (next && items.length < max) {
    const page = await get(next.replace(/^\/api\/v1/, ''));
    items.push(...page.items);
    next = page.next;
  }
  return items;
}

/** A time typed in a datetime-local input, with the browser's UTC offset (2026-05-02T08:00:00+08:00). */
export function withOffset(local) {
  if (!local) return local;
  const date = new Date(local);
  if (isNaN(date)) return local;
  const minutes = -date.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  const pad = n => String(n).padStart(2, '0');
  return (local.length === 16 ? local + ':00' : local) + sign + pad(Math.floor(abs / 60)) + ':' + pad(abs % 60);
}

/** Now as a datetime-local value. */
export function nowLocal() {
  const d = new Date(Date.now() - new Date().getTimezoneOffset() * 60000);
  return d.toISOString().slice(0, 16);
}
