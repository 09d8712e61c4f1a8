// Builds elements; every string goes in as text (textContent), never as markup.
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key.startsWith('on')) {
      node.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      node.className = value;
    } else if (value === true) {
      node.setAttribute(key, '');
    } else {
      node.setAttribute(key, String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(node, child);
    } else if (child instanceof Node) {
      node.appendChild(child);
    } else {
      node.appendChild(document.createTextNode(String(child)));
    }
  }
}

export function clear(node) {
  while (node.firstChild) {
    node.removeChild(node.firstChild);
  }
  return node;
}

export function state(text) {
  return el('span', { class: `state ${text}` }, text);
}

/** A used/free bar; `data-used` carries the percentage for tests and tooltips. */
export function bar(used, total) {
  const u = Number(used);
  const t = Number(total);
  const pct = t > 0 ? Math.min(100, (u / t) * 100) : 0;
  const kind = pct >= 99.95 ? 'bar full' : pct >= 80 ? 'bar high' : 'bar';
  const fill = el('div', { class: 'used' });
  fill.style.width = `${pct.toFixed(2)}%`;
  return el('div', { class: kind, 'data-used': pct.toFixed(1), role: 'img',
    'aria-label': `${pct.toFixed(1)}% used` }, fill);
}

export function table(headers, rows) {
  return el('table', {},
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows));
}

export function errorBox(error) {
  return el('p', { class: 'error', role: 'alert' }, error && error.message ? error.message : String(error));
}
