// The console's only way to the server: the public API, with the session token kept in
// sessionStorage (never in a URL) and sent as a Bearer header.
const KEY = 'strata.token';

export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.description ? body.description : `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

export function token() {
  return sessionStorage.getItem(KEY);
}

export function setToken(value) {
  if (value) {
    sessionStorage.setItem(KEY, value);
  } else {
    sessionStorage.removeItem(KEY);
  }
}

export async function call(method, path, body, { withHeaders = false } = {}) {
  const headers = { Accept: 'application/json' };
  const bearer = token();
  if (bearer) {
    headers.Authorization = `Bearer ${bearer}`;
  }
  const init = { method, headers, credentials: 'omit', cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch (e) {
      json = null;
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, json);
  }
  return withHeaders ? { json, headers: response.headers } : json;
}

export const get = (path, options) => call('GET', path, undefined, options);
export const post = (path, body) => call('POST', path, body === undefined ? {} : body);
export const put = (path, body) => call('PUT', path, body);
export const patch = (path, body) => call('PATCH', path, body);
export const del = (path) => call('DELETE', path);

/** The path of the next page from a `Link: <…>; rel="next"` header, or null. */
export function nextLink(headers) {
  const link = headers.get('Link');
  if (!link) {
    return null;
  }
  const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(link);
  if (!match) {
    return null;
  }
  const url = new URL(match[1], location.origin);
  return url.origin === location.origin ? url.pathname + url.search : null;
}

export const GIB = 1024 ** 3;

export function bytes(value) {
  const n = Number(value);
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${v >= 100 || i === 0 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}
