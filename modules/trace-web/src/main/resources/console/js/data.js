// Reference data the forms offer (fetched once per page load, except what changes with each event).
import { get, all } from './api.js';

const cache = new Map();

function once(key, load) {
  if (!cache.has(key)) cache.set(key, load().catch(error => { cache.delete(key); throw error; }));
  return cache.get(key);
}

export const commodities = () => once('commodities', () => get('/commodities'));
export const products = () => once('products', () => all('/products?limit=500'));
export const sites = () => once('sites', () => all('/sites?limit=500'));
export const parties = () => once('parties', () => all('/parties?limit=500'));
export const partySites = id => once('party-sites-' + id, () => all(`/parties/${id}/sites?limit=500`));
export const holdings = () => get('/holdings').then(r => r.items);

export async function commodity(code) {
  return (await commodities()).find(c => c.code === code);
}

/** Forgets everything fetched (on sign-in and sign-out: another person sees other data). */
export function forget() {
  cache.clear();
}
