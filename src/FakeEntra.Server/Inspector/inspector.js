// FakeEntra's token inspector. Decoding happens here, in the browser; a token is sent to the server (/inspect/verify) only
// when its issuer is this FakeEntra, so tokens from anywhere else never leave the page.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('inspector-data').textContent);
  const result = document.getElementById('result');
  const times = new Set(['iat', 'nbf', 'exp', 'auth_time', 'xms_tcdt']);

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    for (const child of children) node.append(child);
    return node;
  }

  function base64UrlJson(segment) {
    let base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
    while (base64.length % 4) base64 += '=';
    const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  function decode(token) {
    const parts = token.trim().split('.');
    if (parts.length !== 3) throw new Error('A JWT has three base64url parts separated by dots; this has ' + parts.length + '.');
    return { header: base64UrlJson(parts[0]), claims: base64UrlJson(parts[1]) };
  }

  function show(name, value) {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return times.has(name) && typeof value === 'number' ? text + ' (' + new Date(value * 1000).toISOString() + ')' : text;
  }

  function table(caption, values, meanings) {
    const body = el('tbody');
    for (const [name, value] of Object.entries(values)) {
      body.append(el('tr', { 'data-claim': name }, el('th', { scope: 'row' }, name), el('td', { class: 'value' }, show(name, value)),
        el('td', {}, meanings[name] || 'Not a claim Entra documents.')));
    }
    return el('table', {}, el('caption', {}, caption),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Claim'), el('th', { scope: 'col' }, 'Value'), el('th', { scope: 'col' }, 'Meaning'))), body);
  }

  function line(className, text) { return el('div', {}, el('span', { class: className }, text)); }

  function tenant(t) { return t.displayName + ' (' + t.id + ')'; }

  function localVerdict(claims) {
    const verdict = el('div', { class: 'verdict' },
      line('', 'Not issued by this FakeEntra (iss ' + (claims.iss || 'missing') + '): decoded in this browser only, never sent; its signature is not checked.'));
    if (typeof claims.exp === 'number') {
      verdict.append(claims.exp * 1000 <= Date.now() ? line('bad', 'Expired (by this computer\'s clock).') : line('good', 'Not expired (by this computer\'s clock).'));
    }
    return verdict;
  }

  async function serverVerdict(token) {
    const verdict = el('div', { class: 'verdict' }, 'Checking with FakeEntra…');
    const response = await fetch('/inspect/verify', { method: 'POST', body: new URLSearchParams({ token: token }) });
    const answer = await response.json();
    verdict.replaceChildren();
    if (!answer.signatureValid) {
      verdict.append(line('bad', 'Signature not valid: not signed by this FakeEntra\'s keys for the tenant its issuer names.'));
      return verdict;
    }
    verdict.append(line('good', 'Signature valid (' + answer.issuingTenant.displayName + '\'s signing keys).'));
    verdict.append(answer.expired ? line('bad', 'Expired (by FakeEntra\'s clock).')
      : answer.notYetValid ? line('bad', 'Not yet valid (by FakeEntra\'s clock).') : line('good', 'Not expired (by FakeEntra\'s clock).'));
    verdict.append(line('', 'Issuing tenant: ' + tenant(answer.issuingTenant)));
    if (answer.homeTenant) {
      const cross = answer.homeTenant.id !== answer.issuingTenant.id;
      verdict.append(line('', 'Home tenant: ' + tenant(answer.homeTenant) + (cross ? ' — a cross-tenant token' : '')));
    }
    if (answer.signIn) {
      const s = answer.signIn;
      verdict.append(line('', 'Sign-in ' + s.id + ' at ' + s.createdDateTime + ': ' + s.userPrincipalName + ', ' + s.crossTenantAccessType +
        ', ' + (s.status.errorCode === 0 ? 'success' : 'AADSTS' + s.status.errorCode)));
      verdict.append(el('div', {}, 'Decision trace:'), el('ol', { class: 'trace' }, ...s.fakeEntraDecisionTrace.map(step => el('li', {}, step))));
    } else {
      verdict.append(line('', 'No sign-in recorded for this token (app-only tokens and ID tokens have none).'));
    }
    return verdict;
  }

  async function inspect(label, token) {
    const section = el('section', { 'data-token': label }, el('h2', {}, label));
    result.append(section);
    let decoded;
    try {
      decoded = decode(token);
    } catch (e) {
      section.append(el('p', { class: 'error', role: 'alert' }, 'Not a JWT: ' + e.message));
      return;
    }
    const ours = typeof decoded.claims.iss === 'string' && decoded.claims.iss.startsWith(data.origin + '/');
    const verdict = ours ? el('div', { class: 'verdict' }, 'Checking with FakeEntra…') : localVerdict(decoded.claims);
    section.append(verdict, table('Header', decoded.header, data.header), table('Claims', decoded.claims, data.claims));
    if (ours) {
      try {
        verdict.replaceWith(await serverVerdict(token));
      } catch (e) {
        verdict.replaceChildren(line('bad', 'FakeEntra could not be asked: ' + e.message));
      }
    }
  }

  function inspectAll(values) {
    result.replaceChildren();
    if (values.error) result.append(el('p', { class: 'error', role: 'alert' }, values.error + ': ' + (values.error_description || '')));
    if (values.code) result.append(el('p', {}, 'An authorization code was returned too (redeem it at the token endpoint).'));
    for (const name of ['id_token', 'access_token']) if (values[name]) inspect(name, values[name]);
  }

  document.getElementById('inspect').addEventListener('click', () => {
    result.replaceChildren();
    inspect('token', document.getElementById('token').value);
  });

  function fromFragment() {
    if (location.hash.length <= 1) return;
    inspectAll(Object.fromEntries(new URLSearchParams(location.hash.substring(1))));
    // Keep tokens out of the address bar and history.
    history.replaceState(null, '', location.pathname);
  }

  window.addEventListener('hashchange', fromFragment);
  if (data.posted) inspectAll(data.posted);
  else fromFragment();
})();
