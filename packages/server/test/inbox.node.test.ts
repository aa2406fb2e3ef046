import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { AGENT, SHOP, openStream, startTestServer, type TestServer } from './helpers.js';
import { agentSession as agentSessionOf, cookieOf, login as loginAs, loginForm as loginFormOf } from './inbox-session.js';

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.stop());

const loginForm = (target: TestServer = server) => loginFormOf(target);
const login = (email = AGENT.email, password = AGENT.password, target: TestServer = server, headers: Record<string, string> = {}) =>
  loginAs(target, email, password, headers);
const agentSession = () => agentSessionOf(server);

describe('inbox login', () => {
  it('sends signed-out agents to the login page, which cannot be framed', async () => {
    const inbox = await fetch(`${server.url}/inbox`, { redirect: 'manual' });
    assert.equal(inbox.status, 303);
    assert.equal(inbox.headers.get('location'), '/inbox/login');
    const page = await fetch(`${server.url}/inbox/login`);
    assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    assert.equal(page.headers.get('x-frame-options'), 'DENY');
    assert.match(cookieOf(page, 'sf_login') ?? '', /^sf_login=/);
    assert.match(page.headers.getSetCookie()[0]!, /HttpOnly/i);
  });

  it('signs in with an HttpOnly, SameSite=Strict session cookie', async () => {
    const response = await login();
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/inbox');
    const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith('sf_inbox='))!;
    assert.match(session, /HttpOnly/i);
    assert.match(session, /SameSite=Strict/i);
    assert.match(session, /Path=\/inbox/i);
    const shell = await fetch(`${server.url}/inbox`, { headers: { cookie: cookieOf(response, 'sf_inbox')! } });
    assert.equal(shell.status, 200);
    const html = await shell.text();
    assert.match(html, /<sf-inbox-app>/);
    assert.doesNotMatch(html, /<script>(?!<)/, 'no inline script');
    assert.match(shell.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  });

  it('refuses a wrong password, a missing form token and another origin', async () => {
    assert.equal((await login(AGENT.email, 'wrong password')).status, 401);
    assert.equal((await login('nobody@example.com', AGENT.password)).status, 401);
    const { cookie } = await loginForm();
    const noToken = await fetch(`${server.url}/inbox/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: AGENT.email, password: AGENT.password, csrf: 'forged' }),
    });
    assert.equal(noToken.status, 403);
    const { cookie: cookie2, csrf } = await loginForm();
    const crossSite = await fetch(`${server.url}/inbox/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookie2, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: AGENT.email, password: AGENT.password, csrf }),
    });
    assert.equal(crossSite.status, 403);
  });

  it('limits failed logins from one address with 429 and Retry-After; successes do not count', async () => {
    const limited = await startTestServer({ rateLimits: { loginsPerIp: 2, loginWindowMs: 60_000 } });
    try {
      for (let i = 0; i < 4; i++) assert.equal((await login(AGENT.email, AGENT.password, limited)).status, 303, 'signing in again');
      assert.equal((await login(AGENT.email, 'bad-1', limited)).status, 401);
      assert.equal((await login(AGENT.email, 'bad-2', limited)).status, 401);
      const refused = await login(AGENT.email, AGENT.password, limited);
      assert.equal(refused.status, 429);
      assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    } finally {
      await limited.stop();
    }
  });

  it('does not lock the agent out when someone elsewhere guesses their password', async () => {
    const limited = await startTestServer({ trustProxy: 1, rateLimits: { loginsPerIp: 2, loginWindowMs: 60_000 } });
    try {
      const from = (address: string) => ({ 'x-forwarded-for': address });
      for (let i = 0; i < 2; i++) assert.equal((await login(AGENT.email, `guess-${i}`, limited, from('203.0.113.66'))).status, 401);
      assert.equal((await login(AGENT.email, 'guess-3', limited, from('203.0.113.66'))).status, 429, 'the guesser is refused');
      assert.equal((await login(AGENT.email, AGENT.password, limited, from('198.51.100.7'))).status, 303, 'the agent signs in');
    } finally {
      await limited.stop();
    }
  });
});

describe('inbox API', () => {
  it('needs a session, and the CSRF token from the same origin for writes', async () => {
    assert.equal((await fetch(`${server.url}/inbox/api/conversations`)).status, 401);
    const { cookie, csrf } = await agentSession();
    const write = (headers: Record<string, string>) =>
      fetch(`${server.url}/inbox/api/me/availability`, {
        method: 'PUT',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ availability: 'auto' }),
      });
    assert.equal((await write({})).status, 403);
    assert.equal((await write({ 'x-csrf-token': 'forged' })).status, 403);
    assert.equal((await write({ 'x-csrf-token': csrf, origin: 'https://evil.example' })).status, 403);
    assert.equal((await write({ 'x-csrf-token': csrf, 'sec-fetch-site': 'cross-site' })).status, 403);
    assert.equal((await write({ 'x-csrf-token': csrf, origin: server.url })).status, 200);
  });

  it('lists open conversations and replies into them; the shopper sees the reply', async () => {
    const { api } = await agentSession();
    const conversation = (await server.json('/chat/conversations', { method: 'POST', body: '{"name":"Grace"}' })).body;
    const stream = await openStream(`${server.url}/api/v1/chat/conversations/${conversation.id}/events?shop=${SHOP}&lastEventId=0`);
    await server.json(`/chat/conversations/${conversation.id}/messages`, {
      method: 'POST',
      body: JSON.stringify({ clientId: randomUUID(), body: 'Is the mug microwave safe?' }),
    });
    const list = await (await api('/conversations')).json();
    const summary = list.conversations.find((item: { id: string }) => item.id === conversation.id);
    assert.equal(summary.visitorName, 'Grace');
    assert.equal(summary.lastMessage.body, 'Is the mug microwave safe?');
    const reply = await api(`/conversations/${conversation.id}/messages`, {
      method: 'POST',
      body: { clientId: randomUUID(), body: 'Yes, it is!' },
    });
    assert.equal(reply.status, 201);
    const event = await stream.next((candidate) => candidate.id === '2');
    const message = JSON.parse(event.data!).message;
    assert.deepEqual([message.author, message.authorName, message.body], ['agent', 'Sam', 'Yes, it is!']);
    stream.close();
    const history = await server.json(`/chat/conversations/${conversation.id}/messages`);
    assert.deepEqual(
      history.body.messages.map((item: { author: string }) => item.author),
      ['visitor', 'agent'],
    );
  });

  it('tells the shopper when the agent types and has read', async () => {
    const { api } = await agentSession();
    const conversation = (await server.json('/chat/conversations', { method: 'POST', body: '{}' })).body;
    await server.json(`/chat/conversations/${conversation.id}/messages`, {
      method: 'POST',
      body: JSON.stringify({ clientId: randomUUID(), body: 'Anyone?' }),
    });
    const stream = await openStream(`${server.url}/api/v1/chat/conversations/${conversation.id}/events?shop=${SHOP}`);
    await stream.next((event) => event.data?.includes('"status"') === true);
    assert.equal((await api(`/conversations/${conversation.id}/typing`, { method: 'POST', body: { active: true } })).status, 200);
    const typing = await stream.next((event) => event.data?.includes('"typing"') === true);
    assert.deepEqual(JSON.parse(typing.data!), { type: 'typing', active: true, authorName: 'Sam' });
    assert.equal((await api(`/conversations/${conversation.id}/read`, { method: 'POST', body: { seq: 1 } })).status, 200);
    const read = await stream.next((event) => event.data?.includes('"read"') === true);
    assert.deepEqual(JSON.parse(read.data!), { type: 'read', seq: 1 });
    stream.close();
  });

  it('counts an agent present while the inbox holds its live connection, unless away', async () => {
    const { api } = await agentSession();
    assert.equal((await server.json('/chat/status')).body.state, 'away');
    const events = await fetch(`${server.url}/inbox/api/events`, { headers: { cookie: (await agentSession()).cookie } });
    const reader = events.body!.getReader();
    await reader.read();
    assert.equal((await server.json('/chat/status')).body.state, 'online');
    await api('/me/availability', { method: 'PUT', body: { availability: 'away' } });
    assert.equal((await server.json('/chat/status')).body.state, 'away');
    await api('/me/availability', { method: 'PUT', body: { availability: 'auto' } });
    assert.equal((await server.json('/chat/status')).body.state, 'online');
    await reader.cancel();
    for (let i = 0; i < 100 && (await server.json('/chat/status')).body.state !== 'away'; i++)
      await new Promise((resolve) => setImmediate(resolve));
    assert.equal((await server.json('/chat/status')).body.state, 'away');
  });

  it('shows emails left while away', async () => {
    const { api } = await agentSession();
    await server.json('/chat/email', { method: 'POST', body: JSON.stringify({ email: 'later@example.com', message: '<b>not bold</b>' }) });
    const { emails } = await (await api('/emails')).json();
    assert.equal(emails[0].email, 'later@example.com');
    assert.equal(emails[0].message, '<b>not bold</b>');
  });

  it('closes a conversation', async () => {
    const { api } = await agentSession();
    const conversation = (await server.json('/chat/conversations', { method: 'POST', body: '{}' })).body;
    await server.json(`/chat/conversations/${conversation.id}/messages`, {
      method: 'POST',
      body: JSON.stringify({ clientId: randomUUID(), body: 'hi' }),
    });
    assert.equal((await api(`/conversations/${conversation.id}/status`, { method: 'POST', body: { status: 'closed' } })).status, 200);
    const list = await (await api('/conversations')).json();
    assert.ok(!list.conversations.some((item: { id: string }) => item.id === conversation.id));
  });

  it('moderates reviews: approve, reject, reply as the shop', async () => {
    const { api } = await agentSession();
    const pending = await server.json('/reviews', {
      method: 'POST',
      body: JSON.stringify({ productId: 'prod-6', rating: 3, title: 'Hmm', body: 'Fine soap.', name: 'Zed' }),
    });
    assert.equal(pending.body.status, 'pending');
    const queue = await (await api('/reviews?status=pending')).json();
    assert.ok(queue.reviews.some((review: { id: string }) => review.id === pending.body.review.id));
    const approve = await api(`/reviews/${pending.body.review.id}/status`, { method: 'POST', body: { status: 'published' } });
    assert.equal(approve.status, 200);
    const reply = await api(`/reviews/${pending.body.review.id}/reply`, { method: 'POST', body: { body: 'Thanks, Zed!' } });
    assert.equal(reply.status, 200);
    const page = await server.json('/products/prod-6/reviews?limit=50');
    const published = page.body.reviews.find((review: { id: string }) => review.id === pending.body.review.id);
    assert.equal(published.reply.body, 'Thanks, Zed!');
    assert.equal(published.reply.authorName, 'Harbour & Co.');
    await api(`/reviews/${pending.body.review.id}/status`, { method: 'POST', body: { status: 'rejected' } });
    const after = await server.json('/products/prod-6/reviews?limit=50');
    assert.ok(!after.body.reviews.some((review: { id: string }) => review.id === pending.body.review.id));
    assert.equal((await api('/reviews/nope/status', { method: 'POST', body: { status: 'published' } })).status, 404);
    const bad = await api(`/reviews/${pending.body.review.id}/status`, { method: 'POST', body: { status: 'deleted' } });
    assert.equal(bad.status, 400);
  });

  it('signs out', async () => {
    const { api, cookie } = await agentSession();
    assert.equal((await api('/logout', { method: 'POST' })).status, 200);
    assert.equal((await fetch(`${server.url}/inbox/api/me`, { headers: { cookie } })).status, 401);
  });

  it('serves the inbox script', async () => {
    const script = await fetch(`${server.url}/inbox/app.js`);
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type') ?? '', /javascript/);
    assert.match(await script.text(), /sf-inbox-app/);
  });
});
