// Nodes and volumes: the storage pages.
import { del, get, nextLink, patch, post, put } from './api.js';
import { bar, el, errorBox, state, table } from './dom.js';

export async function nodes(view, session) {
  const list = await get('/backends');
  const writable = session.can('PRIVILEGE_BACKEND_WRITE');
  const problem = el('div');
  const toggle = (node) => async () => {
    problem.replaceChildren();
    try {
      await put(`/backends/${encodeURIComponent(node.persistentID)}`,
        { state: node.state === 'Maintenance' ? 'Available' : 'Maintenance' });
      await session.refresh();
    } catch (error) {
      problem.appendChild(errorBox(error));
    }
  };
  view.appendChild(el('h1', {}, 'Nodes'));
  view.appendChild(el('section', {}, problem, table(
    ['#', 'Name', 'Rack', 'Zone', 'Region', 'State', 'Used', 'Capacity', 'Portals', writable ? '' : null]
      .filter((h) => h !== null),
    list.map((n, i) => el('tr', { 'data-node': n.persistentID },
      el('td', {}, String(i + 1)), el('td', {}, n.name), el('td', {}, n.rack), el('td', {}, n.zone),
      el('td', {}, n.region), el('td', {}, state(n.state)),
      el('td', {}, bar(n.totalCapacity - n.availableCapacity, n.totalCapacity)),
      el('td', { class: 'num' }, `${n.availableCapacity} free of ${n.totalCapacity} GiB`),
      el('td', {}, n.portals.map((p) => el('div', {}, `${p.transport} ${p.ip}:${p.port}`))),
      writable && n.state !== 'Unavailable'
        ? el('td', {}, el('button', { type: 'button', 'data-write': '', onclick: toggle(n) },
          n.state === 'Maintenance' ? 'End maintenance' : 'Maintenance'))
        : (writable ? el('td', {}) : null))))));
  if (writable) {
    view.appendChild(registerForm(session));
  }
}

function registerForm(session) {
  const problem = el('div');
  const f = { name: el('input', { name: 'name' }), ip: el('input', { name: 'mgmtIp', required: true }),
    rack: el('input', { name: 'rack' }), zone: el('input', { name: 'zone' }),
    capacity: el('input', { name: 'capacity', type: 'number', min: '1', value: '3840' }) };
  return el('section', {}, el('h2', {}, 'Register a node'), el('form', { class: 'inline', onsubmit: async (e) => {
    e.preventDefault();
    problem.replaceChildren();
    try {
      await post('/backends', { mgmtIPs: [f.ip.value.trim()], name: f.name.value.trim(), rack: f.rack.value.trim(),
        zone: f.zone.value.trim(), totalCapacity: Number(f.capacity.value) });
      await session.refresh();
    } catch (error) {
      problem.appendChild(errorBox(error));
    }
  } }, el('label', {}, 'Name', f.name), el('label', {}, 'Management IP', f.ip), el('label', {}, 'Rack', f.rack),
  el('label', {}, 'Zone', f.zone), el('label', {}, 'Capacity (GiB)', f.capacity),
  el('button', { class: 'primary', type: 'submit', 'data-write': '' }, 'Register')), problem);
}

const PAGE = 50;

export async function volumes(view, session) {
  const tenants = await get('/tenants');
  const backends = await get('/backends');
  const byId = new Map(backends.map((b) => [b.persistentID, b]));
  const writable = session.can('PRIVILEGE_VOLUME_WRITE');
  const params = new URLSearchParams((location.hash.split('?')[1]) || '');
  const tenant = params.get('tenant') || session.me.tenant_id || '0';
  const prefix = tenant === '0' ? '' : `/${encodeURIComponent(tenant)}`;
  const problem = el('div');
  const listing = el('div');
  const pager = el('div', { class: 'pager' });

  const choose = el('select', { name: 'tenant', onchange: () => {
    location.hash = `#volumes?tenant=${encodeURIComponent(choose.value)}`;
  } }, tenants.map((t) => el('option', { value: t.tenantId, selected: t.tenantId === tenant },
    t.name ? `${t.name} (${t.tenantId})` : t.tenantId)));
  const alias = el('input', { name: 'alias', type: 'search', placeholder: 'alias' });
  const search = el('form', { class: 'inline', onsubmit: async (e) => {
    e.preventDefault();
    problem.replaceChildren();
    const wanted = alias.value.trim();
    if (!wanted) {
      await load(`${prefix}/volumes?limit=${PAGE}`, []);
      return;
    }
    try {
      show(await get(`${prefix}/volumes_by_alias/${encodeURIComponent(wanted)}`), null, []);
    } catch (error) {
      show([], null, []);
      problem.appendChild(errorBox(error.status === 404 ? new Error(`No volume is called ${wanted}.`) : error));
    }
  } }, el('label', {}, 'Tenant', choose), el('label', {}, 'Search by alias', alias),
  el('button', { type: 'submit' }, 'Search'));

  const act = (work) => async () => {
    problem.replaceChildren();
    try {
      await work();
      await session.refresh();
    } catch (error) {
      problem.appendChild(errorBox(error));
    }
  };

  function show(page, next, previous) {
    listing.replaceChildren(volumeTable(page), placementMap(page));
    pager.replaceChildren(
      previous.length > 0 ? el('button', { type: 'button', onclick: () => load(previous.at(-1), previous.slice(0, -1)) },
        'Previous') : null,
      next ? el('button', { type: 'button', onclick: () => load(next, [...previous, current]) }, 'Next') : null);
  }

  let current = `${prefix}/volumes?limit=${PAGE}`;
  async function load(path, previous) {
    current = path;
    const { json, headers } = await get(path, { withHeaders: true });
    show(json, nextLink(headers), previous);
  }

  function volumeTable(page) {
    return table(['Alias', 'UUID', 'Size', 'Type', 'Replicas', 'State', writable ? '' : null].filter((h) => h !== null),
      page.map((v) => el('tr', { 'data-volume': v.uuid },
        el('td', {}, v.alias), el('td', { class: 'muted' }, v.uuid), el('td', { class: 'num' }, `${v.capacity} GiB`),
        el('td', {}, v.provisioningType), el('td', { class: 'num' }, String(v.numReplicas)), el('td', {}, state(v.state)),
        writable ? el('td', {},
          el('button', { type: 'button', 'data-write': '', onclick: act(async () => {
            const size = prompt(`New size of ${v.alias} in GiB (larger than ${v.capacity})`);
            if (size) {
              await patch(`${prefix}/volumes/${encodeURIComponent(v.uuid)}`, { newCapacity: Number(size) });
            }
          }) }, 'Expand'), ' ',
          el('button', { type: 'button', class: 'danger', 'data-write': '', onclick: act(async () => {
            if (confirm(`Delete volume ${v.alias}?`)) {
              await del(`${prefix}/volumes/${encodeURIComponent(v.uuid)}`);
            }
          }) }, 'Delete')) : null)));
  }

  function placementMap(page) {
    const used = new Map();
    for (const v of page) {
      for (const r of v.location) {
        const node = byId.get(r.backend.persistentID);
        const key = r.backend.persistentID;
        used.set(key, node || { persistentID: key, name: key, rack: '' });
      }
    }
    const columns = [...used.values()].sort((a, b) => (a.rack + a.name).localeCompare(b.rack + b.name));
    if (columns.length === 0) {
      return el('p', { class: 'none' }, 'No volumes on this page.');
    }
    const racks = [];
    for (const c of columns) {
      const last = racks.at(-1);
      if (last && last.rack === c.rack) {
        last.count += 1;
      } else {
        racks.push({ rack: c.rack, count: 1 });
      }
    }
    return el('section', { class: 'map', id: 'placement' }, el('h2', {}, 'Placement: replicas × nodes'),
      el('table', {},
        el('thead', {},
          el('tr', {}, el('th', {}, 'Rack'), racks.map((r) => el('th', { colspan: r.count }, r.rack || '(none)'))),
          el('tr', {}, el('th', {}, 'Volume'), columns.map((c) => el('th', {}, c.name)))),
        el('tbody', {}, page.map((v) => el('tr', { 'data-volume': v.uuid }, el('td', {}, v.alias),
          columns.map((c) => {
            const replica = v.location.find((r) => r.backend.persistentID === c.persistentID);
            return el('td', { class: 'cell', 'data-node': c.persistentID },
              replica ? state(replica.replicaState) : '');
          }))))));
  }

  view.appendChild(el('h1', {}, 'Volumes'));
  view.appendChild(el('section', {}, search, problem, listing, pager));
  if (writable) {
    view.appendChild(createForm(prefix, session));
  }
  await load(current, []);
}

function createForm(prefix, session) {
  const problem = el('div');
  const f = { alias: el('input', { name: 'alias', required: true }),
    capacity: el('input', { name: 'capacity', type: 'number', min: '1', value: '10', required: true }),
    type: el('select', { name: 'provisioningType' }, el('option', {}, 'THICK'), el('option', {}, 'THIN')),
    replicas: el('input', { name: 'numReplicas', type: 'number', min: '1', max: '4', value: '2' }) };
  return el('section', {}, el('h2', {}, 'Create a volume'), el('form', { class: 'inline', onsubmit: async (e) => {
    e.preventDefault();
    problem.replaceChildren();
    try {
      await post(`${prefix}/volumes`, { alias: f.alias.value.trim(), capacity: Number(f.capacity.value),
        provisioningType: f.type.value, storageClass: { numReplicas: Number(f.replicas.value) } });
      await session.refresh();
    } catch (error) {
      problem.appendChild(errorBox(error));
    }
  } }, el('label', {}, 'Alias', f.alias), el('label', {}, 'Size (GiB)', f.capacity),
  el('label', {}, 'Provisioning', f.type), el('label', {}, 'Replicas', f.replicas),
  el('button', { class: 'primary', type: 'submit', 'data-write': '' }, 'Create')), problem);
}
