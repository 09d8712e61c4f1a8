// Hosts, tenants, users/roles/access tokens and the audit log.
import { del, get, post } from './api.js';
import { bar, el, errorBox, state, table } from './dom.js';

function acting(session, problem) {
  return (work) => async (event) => {
    if (event) {
      event.preventDefault();
    }
    problem.replaceChildren();
    try {
      await work();
      await session.refresh();
    } catch (error) {
      problem.appendChild(errorBox(error));
    }
  };
}

export async function hosts(view, session) {
  const list = await get('/hosts');
  const problem = el('div');
  const act = acting(session, problem);
  const writable = session.can('PRIVILEGE_HOST_WRITE');
  view.appendChild(el('h1', {}, 'Hosts'));
  const rows = [];
  for (const h of list) {
    const targets = await get(`/targets?hostId=${encodeURIComponent(h.uuid)}`);
    rows.push(el('tr', { 'data-host': h.uuid }, el('td', {}, h.name), el('td', { class: 'muted' }, h.nqn),
      el('td', {}, state(h.state)), el('td', {}, new Date(h.lastProbeTime).toLocaleString()),
      el('td', {}, targets.length === 0 ? el('span', { class: 'none' }, 'nothing published')
        : targets.map((t) => el('div', {}, `${t.targetName || t.nqn || ''} `,
          (t.namespaces || []).map((n) => el('span', { class: 'muted' }, ` ${n.volumeAlias || n.volumeId || n.uuid || ''}`))))),
      writable ? el('td', {}, el('button', { type: 'button', class: 'danger', 'data-write': '',
        onclick: act(() => del(`/hosts/${encodeURIComponent(h.uuid)}`)) }, 'Remove')) : null));
  }
  view.appendChild(el('section', {}, problem,
    list.length === 0 ? el('p', { class: 'none' }, 'No host has probed yet.')
      : table(['Name', 'NQN', 'State', 'Last probe', 'Published', writable ? '' : null].filter((x) => x !== null),
        rows)));
}

export async function tenants(view, session) {
  const list = await get('/tenants');
  const problem = el('div');
  const act = acting(session, problem);
  const writable = session.can('PRIVILEGE_TENANT_WRITE');
  view.appendChild(el('h1', {}, 'Tenants'));
  view.appendChild(el('section', {}, problem, table(
    ['Id', 'Name', 'Consumed', 'Budget (GiB)', '', writable ? '' : null].filter((x) => x !== null),
    list.map((t) => el('tr', { 'data-tenant': t.tenantId }, el('td', {}, t.tenantId), el('td', {}, t.name),
      el('td', { class: 'num' }, String(t.consumedCapacity)), el('td', { class: 'num' }, String(t.capacity)),
      el('td', {}, bar(t.consumedCapacity, t.capacity)),
      writable ? el('td', {}, t.tenantId === '0' ? '' : el('button', { type: 'button', class: 'danger',
        'data-write': '', onclick: act(() => del(`/tenants/${encodeURIComponent(t.tenantId)}`)) }, 'Delete'))
        : null)))));
  if (writable) {
    const id = el('input', { name: 'tenantId', required: true });
    const name = el('input', { name: 'name' });
    const capacity = el('input', { name: 'capacity', type: 'number', min: '0', value: '100', required: true });
    view.appendChild(el('section', {}, el('h2', {}, 'Create a tenant'), el('form', { class: 'inline',
      onsubmit: act(() => post('/tenants', { tenantId: id.value.trim(), name: name.value.trim(),
        capacity: Number(capacity.value) })) },
    el('label', {}, 'Id', id), el('label', {}, 'Name', name), el('label', {}, 'Budget (GiB)', capacity),
    el('button', { class: 'primary', type: 'submit', 'data-write': '' }, 'Create'))));
  }
}

export async function access(view, session) {
  const problem = el('div');
  const act = acting(session, problem);
  view.appendChild(el('h1', {}, 'Users, roles and access tokens'));
  view.appendChild(problem);
  const users = await get('/v1/users/');
  const usersWritable = session.can('PRIVILEGE_LOCAL_USER_WRITE');
  view.appendChild(el('section', {}, el('h2', {}, 'Users'), table(
    ['Id', 'Name', 'Roles', 'Tenant', 'Enabled', usersWritable ? '' : null].filter((x) => x !== null),
    users.map((u) => el('tr', { 'data-user': u.id }, el('td', {}, u.id), el('td', {}, u.name),
      el('td', {}, u.roles.join(', ')), el('td', {}, u.tenant_id || ''), el('td', {}, u.enabled ? 'yes' : 'no'),
      usersWritable ? el('td', {}, u.id === session.me.id ? '' : el('button', { type: 'button', class: 'danger',
        'data-write': '', onclick: act(() => del(`/v1/users/${encodeURIComponent(u.id)}`)) }, 'Delete')) : null)))));
  if (usersWritable) {
    const name = el('input', { name: 'name', required: true });
    const password = el('input', { name: 'password', type: 'password', required: true, autocomplete: 'new-password' });
    const role = el('input', { name: 'role', placeholder: 'monitor' });
    view.appendChild(el('section', {}, el('h2', {}, 'Add a user'), el('form', { class: 'inline',
      onsubmit: act(() => post('/v1/users/', { name: name.value.trim(), password: password.value,
        roles: role.value.trim() ? [role.value.trim()] : [] })) },
    el('label', {}, 'Name', name), el('label', {}, 'Password', password), el('label', {}, 'Role', role),
    el('button', { class: 'primary', type: 'submit', 'data-write': '' }, 'Add'))));
  }
  if (session.can('PRIVILEGE_ROLE_READ')) {
    const roles = await get('/v1/auth/roles/');
    view.appendChild(el('section', {}, el('h2', {}, 'Roles'), table(['Role', 'Description', 'Privileges'],
      Object.entries(roles).map(([name, r]) => el('tr', { 'data-role': name }, el('td', {}, name),
        el('td', {}, r.description), el('td', { class: 'muted' }, r.privileges.join(', ')))))));
  }
  if (session.can('PRIVILEGE_ACCESS_TOKENS_READ')) {
    const tokens = await get('/v1/auth/access-tokens/?limit=100');
    const writable = session.can('PRIVILEGE_ACCESS_TOKENS_WRITE');
    view.appendChild(el('section', {}, el('h2', {}, 'Access tokens'), table(
      ['Id', 'User', 'Created', 'Expires', 'Enabled', writable ? '' : null].filter((x) => x !== null),
      tokens.entries.map((t) => el('tr', { 'data-token': t.id }, el('td', {}, t.id),
        el('td', {}, t.user && t.user.name ? t.user.name : ''), el('td', {}, t.creation_time),
        el('td', {}, t.expiration_time || 'never'), el('td', {}, t.enabled ? 'yes' : 'no'),
        writable ? el('td', {}, el('button', { type: 'button', class: 'danger', 'data-write': '',
          onclick: act(() => del(`/v1/auth/access-tokens/${encodeURIComponent(t.id)}`)) }, 'Revoke')) : null)))));
  }
}

export async function audit(view) {
  const body = el('tbody');
  const more = el('div', { class: 'pager' });
  view.appendChild(el('h1', {}, 'Audit log'));
  view.appendChild(el('section', {}, el('table', {}, el('thead', {}, el('tr', {},
    ['Time', 'User', 'Method', 'Source', 'Action', 'Target', 'Outcome'].map((h) => el('th', {}, h)))), body), more));
  async function load(path) {
    const page = await get(path);
    for (const e of page.entries) {
      body.appendChild(el('tr', {}, el('td', {}, e.time), el('td', {}, e.user), el('td', {}, e.auth_method),
        el('td', {}, e.source_ip), el('td', {}, e.action), el('td', {}, e.target), el('td', {}, e.outcome)));
    }
    more.replaceChildren(page.paging && page.paging.next
      ? el('button', { type: 'button', onclick: () => load(page.paging.next) }, 'More') : '');
  }
  await load('/v1/audit?limit=100');
}
