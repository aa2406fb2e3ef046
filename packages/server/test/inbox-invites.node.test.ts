/**
 * The team's invites and roles. In Chromium: an admin invites by email from the
 * Team tab, the link in the real email sets a password in another browser and
 * lands in the inbox as an agent, who is offered no invite form; an expired and
 * a used link are refused. Through the API: an agent cannot invite, the last
 * admin stays one, and removing an agent ends their sessions and live stream.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { AddressObject, ParsedMail } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../bench/lib/browser.mjs';
import { inviteUrl } from '../src/services/email.js';
import { AGENT, openStream, startTestServer, type TestServer } from './helpers.js';
import { axeViolations, signedInInbox } from './inbox-page.js';
import { agentSession, anotherAgent, cookieOf, loginForm } from './inbox-session.js';
import { startSmtp, type TestSmtp } from './smtp.js';
import { until } from './until.js';

let smtp: TestSmtp;
let server: TestServer;
let browser: Browser;
before(async () => {
  smtp = await startSmtp();
  server = await startTestServer({ smtpUrl: smtp.url });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.stop();
});

const app = 'sf-inbox-app';
const recipient = (mail: ParsedMail) => (mail.to as AddressObject).value[0]?.address;
const address = () => `${randomUUID().slice(0, 8)}@example.org`;

async function inviteLinkIn(email: string): Promise<string> {
  await until(() => smtp.mails.some((mail) => recipient(mail) === email), `the invite to ${email}`);
  const mail = smtp.mails.find((candidate) => recipient(candidate) === email)!;
  assert.equal(mail.subject, `Sam invited you to the ${server.shop!.name} inbox`);
  return /https?:\/\/\S+\/inbox\/invite\?\S+/.exec(mail.text ?? '')![0];
}

const showTeam = async (page: Page) => {
  await page.locator(app).getByRole('tab', { name: 'Team' }).click();
  await page.locator(`${app} #team-heading`).waitFor();
};

describe('invites in the inbox', () => {
  it('an admin invites by email; the link sets a password and signs in as an agent, who cannot invite', async () => {
    const email = address();
    const sam = await signedInInbox(browser, server.url);
    await showTeam(sam);
    const form = sam.locator(`${app} form[aria-labelledby=invite-heading]`);
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Name').fill('Kim');
    await form.getByLabel('Role').selectOption('agent');
    assert.deepEqual(await axeViolations(sam, app), []);
    await form.getByRole('button', { name: 'Send invite' }).click();
    await sam.locator(`${app} [role=status]`, { hasText: `Invited ${email}` }).waitFor();
    await sam.locator(`${app} ul[aria-label=Invites] li`, { hasText: email }).waitFor();

    const link = await inviteLinkIn(email);
    const kimContext = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const kim = await kimContext.newPage();
    const opened = await kim.goto(link);
    assert.equal(opened?.status(), 200);
    assert.equal(opened?.headers()['referrer-policy'], 'same-origin');
    await kim.getByText(`You were invited as an agent, with ${email}`).waitFor();
    assert.equal(await kim.getByLabel('Your name').inputValue(), 'Kim', 'the name the admin typed');
    assert.deepEqual(await axeViolations(kim, 'main'), []);
    // A mistake first: the page says what, keeps the name, and takes the corrected form.
    await kim.getByLabel('Your name').fill('Kim Lee');
    await kim.getByLabel('Password', { exact: true }).fill('a long enough password');
    await kim.getByLabel('Password again').fill('a different password');
    await kim.getByRole('button', { name: 'Join the inbox' }).click();
    await kim.getByRole('alert').filter({ hasText: 'The two passwords differ.' }).waitFor();
    assert.equal(await kim.getByLabel('Your name').inputValue(), 'Kim Lee');
    assert.deepEqual(await axeViolations(kim, 'main'), []);
    await kim.getByLabel('Password', { exact: true }).fill('a long enough password');
    await kim.getByLabel('Password again').fill('a long enough password');
    await kim.getByRole('button', { name: 'Join the inbox' }).click();
    await kim.waitForURL(`${server.url}/inbox`);
    await kim.locator(`${app} header`, { hasText: 'Kim Lee' }).waitFor();

    await showTeam(kim);
    await kim.locator(app).getByText('Only an admin can invite people or change the team.').waitFor();
    assert.equal(await kim.locator(`${app} form[aria-labelledby=invite-heading]`).count(), 0);
    assert.equal(await kim.locator(`${app} ul[aria-label=Agents] select`).count(), 0, 'no role to change');
    await kim.locator(`${app} ul[aria-label=Agents] li`, { hasText: 'Kim Lee (you)' }).waitFor();
    assert.deepEqual(await axeViolations(kim, app), []);

    // Sam's open Team tab has Kim now, live, as an agent, and no invite left for her.
    await sam.locator(`${app} ul[aria-label=Agents] li`, { hasText: 'Kim Lee' }).getByLabel('Role of Kim Lee').waitFor();
    assert.equal(
      await sam.locator(`${app} ul[aria-label=Agents] li`, { hasText: 'Kim Lee' }).getByLabel('Role of Kim Lee').inputValue(),
      'agent',
    );
    await sam.locator(`${app} ul[aria-label=Invites]`).waitFor({ state: 'detached' });

    // The link worked once.
    const again = await kim.goto(link);
    assert.equal(again?.status(), 410);
    await kim.getByText('This invite link was already used or withdrawn.').waitFor();

    // An expired link says so, and how to get another.
    const shop = server.shop!;
    const old = await server.storage.agents.invite({
      shopId: shop.id,
      email: address(),
      name: 'Late',
      role: 'agent',
      invitedBy: undefined,
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const expired = await kim.goto(inviteUrl(shop, server.url, old));
    assert.equal(expired?.status(), 410);
    await kim.getByText('This invite link has expired. Ask an admin of the shop for a new one.').waitFor();
    assert.equal(await kim.locator('form').count(), 0);
    assert.deepEqual(await axeViolations(kim, 'main'), []);
    await Promise.all([sam.context().close(), kimContext.close()]);
  });

  it('refuses a tampered, withdrawn or expired link, posted as well as opened', async () => {
    const admin = await agentSession(server);
    const email = address();
    const created = await admin.api('/invites', { method: 'POST', body: { email, name: 'Noor', role: 'admin' } });
    assert.equal(created.status, 201);
    const { invite } = (await created.json()) as { invite: { id: string; role: string; expired: boolean } };
    assert.deepEqual([invite.role, invite.expired], ['admin', false]);
    const link = await inviteLinkIn(email);

    const tampered = link.replace(/token=([\w-]+)\.([\w-]+)/, (_all, data: string, mac: string) => `token=${data}.${mac.slice(1)}A`);
    const refused = await fetch(tampered);
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /This invite link is not valid/);

    // Posted after the admin withdrew it: the form's token is right, the invite is gone.
    const { cookie, csrf } = await loginForm(server);
    const params = new URL(link).searchParams;
    const post = () =>
      fetch(`${server.url}/inbox/invite`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          csrf,
          shop: params.get('shop')!,
          token: params.get('token')!,
          name: 'Noor',
          password: 'long password',
          confirm: 'long password',
        }),
      });
    assert.equal((await admin.api(`/invites/${invite.id}`, { method: 'DELETE' })).status, 200);
    assert.equal((await admin.api(`/invites/${invite.id}`, { method: 'DELETE' })).status, 404);
    const withdrawn = await post();
    assert.equal(withdrawn.status, 410);
    assert.equal(cookieOf(withdrawn, 'sf_inbox'), undefined, 'nobody is signed in');
    assert.equal(await server.storage.agents.byEmail(email), undefined);

    // From another site, the form is refused before the link is looked at.
    const crossSite = await fetch(`${server.url}/inbox/invite`, {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf }),
    });
    assert.equal(crossSite.status, 403);
  });
});

describe('roles', () => {
  it('only an admin invites or changes the team; bad input names the field', async () => {
    const lee = await anotherAgent(server, 'Lee');
    const agent = await agentSession(server, lee);
    const refused = await agent.api('/invites', { method: 'POST', body: { email: address(), name: 'Zed', role: 'agent' } });
    assert.equal(refused.status, 403);
    assert.match(((await refused.json()) as { error: { message: string } }).error.message, /Only an admin can invite people/);
    assert.equal((await agent.api(`/agents/${lee.id}/role`, { method: 'PUT', body: { role: 'admin' } })).status, 403);
    const team = (await (await agent.api('/team')).json()) as { agents: Array<{ name: string; role: string }>; invites?: unknown };
    assert.equal(team.invites, undefined, 'agents do not see invites');
    assert.deepEqual(team.agents.find((member) => member.name === 'Sam')?.role, 'admin');
    // An invite's link in the outbox is for admins' eyes only.
    const outbox = (await (await agent.api('/outbox')).json()) as { emails: Array<{ kind: string; text: string }> };
    const invites = outbox.emails.filter((email) => email.kind === 'invite');
    assert.ok(invites.length > 0);
    assert.ok(invites.every((email) => !email.text.includes('/inbox/invite')));

    const admin = await agentSession(server);
    const bad = await admin.api('/invites', { method: 'POST', body: { email: 'not an address', name: 'Zed', role: 'owner' } });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { error: { message: string } }).error.message, /email|role/);
    const existing = await admin.api('/invites', { method: 'POST', body: { email: lee.email.toUpperCase(), name: 'Lee', role: 'agent' } });
    assert.equal(existing.status, 409);
  });

  it("keeps the shop's last admin, and removing an agent signs them out at once", async () => {
    const admin = await agentSession(server);
    const me = (await (await admin.api('/me')).json()) as { agent: { id: string; role: string } };
    assert.equal(me.agent.role, 'admin');
    assert.equal((await admin.api(`/agents/${me.agent.id}/role`, { method: 'PUT', body: { role: 'agent' } })).status, 409);
    assert.equal((await admin.api(`/agents/${me.agent.id}`, { method: 'DELETE' })).status, 409);
    assert.equal((await admin.api(`/agents/${randomUUID()}`, { method: 'DELETE' })).status, 404);

    const ren = await anotherAgent(server, 'Ren');
    const promoted = await admin.api(`/agents/${ren.id}/role`, { method: 'PUT', body: { role: 'admin' } });
    assert.equal(promoted.status, 200);
    assert.equal(((await promoted.json()) as { agent: { role: string } }).agent.role, 'admin');
    const renSession = await agentSession(server, ren);
    // With two admins, either may step down; Ren does.
    assert.equal((await renSession.api(`/agents/${ren.id}/role`, { method: 'PUT', body: { role: 'agent' } })).status, 200);
    assert.equal((await renSession.api('/invites', { method: 'POST', body: { email: address(), name: 'X', role: 'agent' } })).status, 403);

    const [renStream, samStream] = await Promise.all([
      openStream(`${server.url}/inbox/api/events`, { cookie: renSession.cookie }),
      openStream(`${server.url}/inbox/api/events`, { cookie: admin.cookie }),
    ]);
    await Promise.all([renStream.next((event) => event.data !== undefined), samStream.next((event) => event.data !== undefined)]);
    assert.equal((await admin.api(`/agents/${ren.id}`, { method: 'DELETE' })).status, 200);
    // Ren's open inbox is told and its stream ends; everyone else's hears that the team changed.
    await renStream.end();
    assert.deepEqual(renStream.messages().at(-1)?.data, { type: 'team', removed: ren.id });
    await samStream.next((event) => event.data === JSON.stringify({ type: 'team', removed: ren.id }));
    assert.equal(samStream.ended, false);
    samStream.close();
    assert.equal((await renSession.api('/me')).status, 401, 'signed out at once');
    assert.equal((await fetch(`${server.url}/inbox/api/events`, { headers: { cookie: renSession.cookie } })).status, 401);
    assert.equal(
      (await fetch(`${server.url}/inbox`, { headers: { cookie: renSession.cookie }, redirect: 'manual' })).headers.get('location'),
      '/inbox/login',
    );
    const names = ((await (await admin.api('/team')).json()) as { agents: Array<{ name: string }> }).agents.map((agent) => agent.name);
    assert.ok(!names.includes('Ren'));
    assert.ok(names.includes(AGENT.name));
  });
});
