// The Strata web console: plain ES modules, no build step. A client of the public API only.
import { ApiError, get, post, setToken, token } from './api.js';
import { clear, el, errorBox } from './dom.js';
import { dashboard } from './dashboard.js';
import { nodes, volumes } from './storage.js';
import { access, audit, hosts, tenants } from './admin.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
const signout = document.getElementById('signout');

const pages = { dashboard, nodes, volumes, hosts, tenants, access, audit };

/** What the caller may do, from who-am-i. */
const session = { me: null, can: (privilege) => !!session.me && session.me.privileges.includes(privilege),
  refresh: () => route() };

async function signIn(mode) {
  clear(main);
  const problem = el('div');
  const oidc = mode === 'OPEN_IDC';
  const user = el('input', { name: 'username', autocomplete: 'username', required: !oidc });
  const password = el('input', { name: 'password', type: 'password', autocomplete: 'current-password',
    required: !oidc });
  const pasted = el('input', { name: 'token', type: 'password', autocomplete: 'off', required: oidc });
  const form = el('form', { onsubmit: async (event) => {
    event.preventDefault();
    clear(problem);
    try {
      if (oidc) {
        setToken(pasted.value.trim());
      } else {
        const answer = await post('/v1/session/login', { username: user.value, password: password.value });
        setToken(answer.bearer_token);
      }
      await start();
    } catch (error) {
      setToken(null);
      problem.appendChild(errorBox(error instanceof ApiError && error.status === 401
        ? new Error('Wrong user name or password.') : error));
    }
  } },
  oidc ? el('label', {}, 'Bearer token from your identity provider', pasted)
    : [el('label', {}, 'User name', user), el('label', {}, 'Password', password)],
  el('button', { class: 'primary', type: 'submit' }, 'Sign in'));
  main.appendChild(el('section', { class: 'signin' }, el('h1', {}, 'Sign in to Strata'), form, problem));
  (oidc ? pasted : user).focus();
}

async function start() {
  let info;
  try {
    info = await get('/info');
  } catch (error) {
    clear(main).appendChild(errorBox(error));
    return;
  }
  if (!token() && info.authenticationMode !== 'NONE') {
    nav.hidden = true;
    signout.hidden = true;
    who.textContent = '';
    await signIn(info.authenticationMode);
    return;
  }
  try {
    session.me = await get('/v1/session/who-am-i');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setToken(null);
      await signIn(info.authenticationMode);
      return;
    }
    clear(main).appendChild(errorBox(error));
    return;
  }
  session.mode = info.authenticationMode;
  who.textContent = session.me.name;
  nav.hidden = false;
  signout.hidden = info.authenticationMode === 'NONE';
  for (const link of nav.querySelectorAll('a[data-needs]')) {
    link.hidden = !session.can(link.dataset.needs);
  }
  await route();
}

async function route() {
  if (!session.me) {
    return;
  }
  const name = (location.hash || '#dashboard').slice(1).split('?')[0];
  const page = pages[name] || dashboard;
  for (const link of nav.querySelectorAll('a')) {
    link.classList.toggle('current', link.getAttribute('href') === `#${name}`);
  }
  const view = el('div', { 'data-page': name });
  clear(main).appendChild(view);
  try {
    await page(view, session);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setToken(null);
      session.me = null;
      await start();
      return;
    }
    view.appendChild(errorBox(error));
  }
  document.body.dataset.ready = name;
}

signout.addEventListener('click', async () => {
  try {
    await post('/v1/session/logout');
  } catch (error) {
    // The session may be gone already; signing out locally is what matters now.
  }
  setToken(null);
  session.me = null;
  location.hash = '';
  await start();
});

window.addEventListener('hashchange', () => {
  document.body.dataset.ready = '';
  route();
});


start();
