// The cluster at a glance: faults first, then capacity, nodes by zone and rack, tenants.
import { bytes, get, post } from './api.js';
import { bar, el, errorBox, state, table } from './dom.js';

export async function dashboard(view, session) {
  const s = await get('/v1/cluster/summary');
  view.appendChild(el('h1', {}, 'Dashboard'));
  if (s.counts.nodes === 0) {
    view.appendChild(firstRun(session));
  }
  view.appendChild(faults(s));
  view.appendChild(capacity(s));
  if (s.nodes.length > 0) {
    view.appendChild(nodeBars(s));
  }
  view.appendChild(el('section', { id: 'tenants-budgets' }, el('h2', {}, 'Tenants against budgets'),
    table(['Tenant', 'Consumed', 'Budget', ''], s.tenants.map((t) => el('tr', { 'data-tenant': t.id },
      el('td', {}, t.name ? `${t.name} (${t.id})` : t.id),
      el('td', { class: 'num' }, bytes(t.consumed_bytes)),
      el('td', { class: 'num' }, bytes(t.capacity_bytes)),
      el('td', {}, bar(t.consumed_bytes, t.capacity_bytes)))))));
}

function faults(s) {
  const byNode = new Map(s.nodes.map((n) => [n.uuid, n]));
  const items = [];
  for (const v of s.faults.degraded_volumes) {
    items.push(el('li', { 'data-fault': 'volume', 'data-volume': v.uuid },
      state('Degraded'), ' volume ', el('b', {}, v.alias), ` (tenant ${v.tenant}): `,
      v.replicas.map((r, i) => {
        const node = byNode.get(r.node_uuid);
        return [i > 0 ? '; ' : '', 'replica on ', node ? node.name : r.node_uuid, ' is ', state(r.state),
          ' since ', new Date(r.since).toLocaleString()];
      })));
  }
  for (const id of s.faults.unavailable_nodes) {
    const node = byNode.get(id);
    items.push(el('li', { 'data-fault': 'node' }, state('Unavailable'), ' node ',
      el('b', {}, node ? node.name : id), node ? ` (rack ${node.rack || '—'}, zone ${node.zone || '—'})` : ''));
  }
  for (const h of s.faults.offline_hosts) {
    items.push(el('li', { 'data-fault': 'host' }, state('Offline'), ' host ', el('b', {}, h.name || h.id),
      ` (${h.nqn}): no probe within twice its interval`));
  }
  for (const f of s.faults.failed_subsystems) {
    const node = byNode.get(f.node_id);
    items.push(el('li', { 'data-fault': 'subsystem' }, state('Failed'), ' subsystem ', el('code', {}, f.nqn),
      ' on ', el('b', {}, node ? node.name : f.node_id), ': ', f.reason || 'no reason given',
      ' (reported ', new Date(f.reported_at).toLocaleString(), ')'));
  }
  const more = s.faults.degraded_volume_count - s.faults.degraded_volumes.length;
  return el('section', { id: 'faults' }, el('h2', {}, 'Faults'),
    items.length === 0 ? el('p', { class: 'none' }, 'Nothing is broken.') : el('ul', { class: 'faults' }, items),
    more > 0 ? el('p', { class: 'muted' }, `… and ${more} more degraded volumes.`) : null);
}

function figure(id, value, label) {
  return el('div', { class: 'figure', 'data-figure': id }, el('b', {}, value), el('span', {}, label));
}

function capacity(s) {
  const c = s.capacity;
  return el('section', { id: 'capacity' }, el('h2', {}, 'Capacity'),
    el('div', { class: 'figures' },
      figure('total', bytes(c.total_bytes), 'total'),
      figure('allocated', bytes(c.allocated_bytes), 'allocated'),
      figure('free', bytes(c.free_bytes), 'free'),
      figure('thin', `${bytes(c.provisioned_bytes)} / ${bytes(c.thin_limit_bytes)}`,
        `promised / limit (overcommit ×${c.thin_overcommit})`),
      figure('nodes', String(s.counts.nodes), `nodes (${s.counts.unavailable_nodes} unavailable, `
        + `${s.counts.maintenance_nodes} in maintenance)`),
      figure('volumes', String(s.counts.volumes), `volumes (${s.counts.degraded_volumes} degraded)`),
      figure('hosts', String(s.counts.hosts), `hosts (${s.counts.offline_hosts} offline)`),
      figure('tenants', String(s.counts.tenants), 'tenants')),
    el('div', {}, bar(c.allocated_bytes, c.total_bytes)));
}

function nodeBars(s) {
  const zones = new Map();
  for (const n of s.nodes) {
    if (!zones.has(n.zone)) {
      zones.set(n.zone, new Map());
    }
    const racks = zones.get(n.zone);
    if (!racks.has(n.rack)) {
      racks.set(n.rack, []);
    }
    racks.get(n.rack).push(n);
  }
  const rackTotals = new Map(s.racks.map((r) => [r.name, r]));
  const zoneTotals = new Map(s.zones.map((z) => [z.name, z]));
  const blocks = [];
  for (const zone of [...zones.keys()].sort()) {
    const zt = zoneTotals.get(zone);
    blocks.push(el('h3', { 'data-zone': zone }, `Zone ${zone || '(none)'}`,
      zt ? ` — ${bytes(zt.allocated_bytes)} of ${bytes(zt.total_bytes)} allocated` : ''));
    const racks = zones.get(zone);
    for (const rack of [...racks.keys()].sort()) {
      const rt = rackTotals.get(rack);
      blocks.push(el('div', { class: 'rack', 'data-rack': rack },
        el('div', { class: 'muted' }, `Rack ${rack || '(none)'}`,
          rt ? ` — ${bytes(rt.free_bytes)} free of ${bytes(rt.total_bytes)}` : ''),
        el('div', { class: 'nodes' }, racks.get(rack).map((n) => el('div', { class: 'node', 'data-node': n.uuid },
          el('span', {}, n.name), state(n.state),
          bar(n.allocated_bytes, n.total_bytes),
          el('span', { class: 'muted' }, `${bytes(n.allocated_bytes)} used`),
          el('span', { class: 'muted' }, `${bytes(n.free_bytes)} free`))))));
    }
  }
  return el('section', { id: 'node-bars' }, el('h2', {}, 'Nodes by zone and rack'), blocks);
}

function firstRun(session) {
  if (!session.can('PRIVILEGE_BACKEND_WRITE')) {
    return el('section', { id: 'first-run' }, el('h2', {}, 'An empty cluster'),
      el('p', {}, 'No storage node is registered yet; an administrator can register the first one here.'));
  }
  const problem = el('div');
  const f = {
    name: el('input', { name: 'name', required: true }),
    mgmtIp: el('input', { name: 'mgmtIp', required: true, placeholder: '10.0.0.11' }),
    rack: el('input', { name: 'rack' }),
    zone: el('input', { name: 'zone' }),
    capacity: el('input', { name: 'capacity', type: 'number', min: '1', required: true, value: '3840' }),
    portal: el('input', { name: 'portal', placeholder: 'ip:port (TCP), defaults to the management IP' }),
  };
  const form = el('form', { class: 'inline', onsubmit: async (event) => {
    event.preventDefault();
    problem.replaceChildren();
    const body = { mgmtIPs: [f.mgmtIp.value.trim()], name: f.name.value.trim(), rack: f.rack.value.trim(),
      zone: f.zone.value.trim(), totalCapacity: Number(f.capacity.value) };
    const portal = f.portal.value.trim();
    if (portal) {
      const [ip, port] = portal.split(':');
      body.portals = [{ ip, port: Number(port || 4420), transport: 'TCP' }];
    }
    try {
      await post('/backends', body);
      await session.refresh();
    } catch (error) {
      problem.appendChild(errorBox(error));
    }
  } },
  el('label', {}, 'Name', f.name), el('label', {}, 'Management IP', f.mgmtIp),
  el('label', {}, 'Rack', f.rack), el('label', {}, 'Zone', f.zone),
  el('label', {}, 'Capacity (GiB)', f.capacity), el('label', {}, 'Portal', f.portal),
  el('button', { class: 'primary', type: 'submit', 'data-write': '' }, 'Register the first node'));
  return el('section', { id: 'first-run' }, el('h2', {}, 'Register the first storage node'),
    el('p', {}, 'The cluster is empty. Declare the first node; more can be added from the Nodes page.'),
    form, problem);
}
