/**
 * `<sf-loyalty-badge>` against the real reference server (issue 6): Chromium,
 * the RestAdapter with a customer signed by the shop's secret, the seeded demo
 * member (Amelia) in SQLite. Balances are checked against what the server
 * answers to a plain fetch as that customer.
 */
import { expect, html } from '@open-wc/testing';
import { store, type Customer, type LoyaltyMember, type Reward } from '@shopfront/core';
import '@shopfront/loyalty-badge/define.js';
import { mount, unmountAll, until } from '../helpers/mount.js';
import { $, $$, type Badge, openPopover, selectTab, textOf } from '../../packages/loyalty-badge/test/helpers.js';
import { demoCustomer, resetServer, restAdapter, serverGet, type TestServerInfo } from '../helpers/server.js';

let server: TestServerInfo;

const points = async (customer: Customer) => (await serverGet<LoyaltyMember & { points: number }>('/loyalty/member', customer)).points;

async function mountBadge(customer: Customer | null): Promise<Badge> {
  const el = await mount<Badge>(html`<sf-loyalty-badge placement="inline"></sf-loyalty-badge>`, {
    adapter: await restAdapter({ customer }),
    customer,
    currency: 'EUR',
  });
  await until(() => $(el, '[part~=trigger]') || $(el, '[role=alert]'), 'the badge');
  return el;
}

/** Redeems the reward at `index` through the popover: Redeem, then Confirm. */
async function redeem(el: Badge, index: number): Promise<void> {
  await selectTab(el, 'redeem');
  await until(() => $(el, `#reward-${index}-redeem`), 'the rewards');
  $(el, `#reward-${index}-redeem`)!.click();
  await until(() => $(el, `#reward-${index}-confirm`), 'the confirm button');
  $(el, `#reward-${index}-confirm`)!.click();
  await until(() => $(el, '#code') || $(el, `#panel-redeem [role=alert]`), 'the answer');
}

describe('<sf-loyalty-badge> on the reference server', function () {
  this.timeout(30_000);

  before(async () => {
    server = await resetServer();
  });
  beforeEach(() => store.clear());
  afterEach(() => unmountAll());

  it('shows the signed-in member’s balance and tier as the server has them', async () => {
    const amelia = await demoCustomer();
    const member = await serverGet<LoyaltyMember & { points: number; tier: { name: string } }>('/loyalty/member', amelia);
    const el = await mountBadge(amelia);
    await until(() => textOf($(el, '[part~=trigger]')).startsWith(`${member.points} points`), 'the balance');
    expect(textOf($(el, '[part~=trigger]'))).to.equal(`${member.points} points ${member.tier.name}`);
    await expect(el).to.be.accessible();
  });

  it('redeems a reward for a single-use code; the badge, History and the server agree on the new balance', async () => {
    const amelia = await demoCustomer();
    const { rewards } = await serverGet<{ rewards: Reward[] }>('/loyalty/rewards', amelia);
    const before = await points(amelia);
    const el = await mountBadge(amelia);
    await openPopover(el);
    await redeem(el, 0);
    const code = $<HTMLInputElement>(el, '#code')!.value;
    expect(code).to.match(/\S{6,}/);
    const after = before - rewards[0]!.cost;
    expect(await points(amelia)).to.equal(after);
    await until(() => textOf($(el, '[part~=trigger]')).startsWith(`${after} points`), 'the new balance on the badge');

    await selectTab(el, 'history');
    await until(() => $$(el, '[part~=activity]').length > 0, 'the history');
    expect(textOf($$(el, '[part~=activity]')[0]!.querySelector('.amount'))).to.equal(`-${rewards[0]!.cost}`);
    expect(textOf($$(el, '[part~=activity]')[0])).to.contain(rewards[0]!.name);
  });

  it('never lets two redemptions at once spend the same points', async () => {
    await resetServer();
    const amelia = await demoCustomer();
    const { rewards } = await serverGet<{ rewards: Reward[] }>('/loyalty/rewards', amelia);
    const balance = await points(amelia);
    // The dearest reward Amelia can afford once but not twice.
    const reward = [...rewards].reverse().find((candidate) => candidate.cost <= balance && candidate.cost * 2 > balance)!;
    const [a, b] = [await restAdapter({ customer: amelia }), await restAdapter({ customer: amelia })];
    const results = await Promise.allSettled([a.loyalty.redeem(reward.id), b.loyalty.redeem(reward.id)]);
    expect(results.filter((result) => result.status === 'fulfilled')).to.have.length(1);
    const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as { status?: number }).status).to.equal(409);
    expect(await points(amelia)).to.equal(balance - reward.cost);
  });

  it('says there are not enough points, and shows the balance the server has, when another tab spent them', async () => {
    await resetServer();
    const amelia = await demoCustomer();
    const el = await mountBadge(amelia);
    await openPopover(el);
    await selectTab(el, 'redeem');
    const { rewards } = await serverGet<{ rewards: Reward[] }>('/loyalty/rewards', amelia);
    const balance = await points(amelia);
    const index = rewards.findIndex((reward) => reward.cost <= balance);
    // Another tab spends the points behind this one's back.
    const other = await restAdapter({ customer: amelia });
    while ((await points(amelia)) >= rewards[index]!.cost) await other.loyalty.redeem(rewards[index]!.id);
    await redeem(el, index);
    expect(textOf($(el, '#panel-redeem [role=alert]'))).to.equal("You don't have enough points for this reward any more.");
    const now = await points(amelia);
    await until(() => textOf($(el, '[part~=trigger]')).startsWith(`${now} points`), 'the server’s balance on the badge');
    expect($<HTMLButtonElement>(el, `#reward-${index}-redeem`)!.disabled).to.equal(true);
  });

  it('shows the error state, never someone’s points, when the signature does not match', async () => {
    const forged = { id: 'demo-customer-1', signature: `${Math.floor(Date.now() / 1000)}.${'0'.repeat(64)}` };
    const el = await mountBadge(forged);
    await until(() => $(el, '[role=alert]'), 'the error state');
    expect(el.shadowRoot!.textContent).to.not.match(/\d+ points/);
  });

  it('offers a guest the way to join, with the shop’s sign-up link', async () => {
    const el = await mountBadge(null);
    await until(() => textOf($(el, '[part~=trigger]')) === 'Join & earn rewards', 'the join button');
    await openPopover(el);
    const links = $$<HTMLAnchorElement>(el, '#popover a');
    expect(links.map((link) => new URL(link.href).origin)).to.include(new URL(server.url).origin);
  });
});
