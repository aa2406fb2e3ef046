import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import {
  AdapterError,
  MemoryAdapter,
  store,
  type LoyaltyActivity,
  type LoyaltyMember,
  type LoyaltyProgram,
  type Reward,
} from '@shopfront/core';
import '@shopfront/loyalty-badge/define.js';
import { sampleMember, sampleProgram, sampleRewards } from '../test/helpers/sample-data.js';

type Member = Extract<LoyaltyMember, { status: 'member' }>;

const day = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * day).toISOString();
const [bronze, silver, gold] = sampleProgram.tiers as [
  LoyaltyProgram['tiers'][number],
  LoyaltyProgram['tiers'][number],
  LoyaltyProgram['tiers'][number],
];

const program: LoyaltyProgram = {
  ...sampleProgram,
  waysToEarn: [
    ...sampleProgram.waysToEarn,
    { id: 'referral', kind: 'referral', label: 'Refer a friend', points: 200 },
    { id: 'instagram', kind: 'social', label: 'Follow us on Instagram', points: 25, url: 'https://instagram.com/' },
  ],
};

const silverMember = sampleMember as Member;
const members: Record<'bronze' | 'silver' | 'gold', Member> = {
  bronze: { ...silverMember, points: 120, lifetimePoints: 120, tier: bronze, nextTier: silver, pointsToNextTier: 380 },
  silver: silverMember,
  gold: { ...silverMember, points: 12_480, lifetimePoints: 18_200, tier: gold, nextTier: null, pointsToNextTier: 0 },
};

const activity: LoyaltyActivity[] = [
  { id: 'a1', kind: 'earn', points: 50, label: 'Review of the Harbour sweater', createdAt: daysAgo(2) },
  { id: 'a2', kind: 'redeem', points: -300, label: 'Free shipping', createdAt: daysAgo(9) },
  { id: 'a3', kind: 'earn', points: 445, label: 'Order #1042', createdAt: daysAgo(20) },
  { id: 'a4', kind: 'earn', points: 100, label: 'Happy birthday!', createdAt: daysAgo(64) },
];

const longRewards: Reward[] = [
  {
    id: 'bundle',
    name: 'A complimentary hand-knitted Harbour merino wool scarf in the colour of your choice, gift-wrapped',
    description: 'Made to order in our workshop by the sea; allow two weeks for knitting and delivery anywhere in the European Union.',
    cost: 600,
    kind: 'free-product',
  },
  { id: 'five-off', name: '€5 off your next order of anything in the shop, including sale items', cost: 500, kind: 'amount-off', value: 5 },
  { id: 'shipping', name: 'Free express shipping with tracking and a signature on delivery', cost: 300, kind: 'free-shipping' },
];

const adapter =
  (member: LoyaltyMember = silverMember, rewards: Reward[] = sampleRewards, history: LoyaltyActivity[] = activity) =>
  () =>
    new MemoryAdapter({ loyalty: { program, member, rewards, activity: history } });

type Args = Record<string, string | boolean | undefined>;

const meta: Meta<Args> = {
  title: 'Widgets/Loyalty badge',
  component: 'sf-loyalty-badge',
  args: { placement: 'inline', open: false, page: 'earn' },
  argTypes: {
    placement: { control: 'inline-radio', options: ['inline', 'floating', 'floating-start'] },
    page: { control: 'inline-radio', options: ['earn', 'redeem', 'history', 'refer'] },
  },
  parameters: {
    shopfront: { adapter: adapter() },
    // The popover is in the top layer and the launcher is fixed: each story in its own frame.
    docs: { story: { inline: false, iframeHeight: 620 } },
    layout: 'fullscreen',
  },
  // Each story starts from an empty store, or from the saved copy it names.
  loaders: [
    async ({ parameters }) => {
      await store.clear();
      for (const [key, value] of Object.entries((parameters.saved ?? {}) as Record<`cache:${string}`, unknown>))
        await store.set(key as `cache:${string}`, value);
    },
  ],
  render: (args) =>
    html`<sf-loyalty-badge placement=${args.placement ?? 'inline'} page=${args.page ?? 'earn'} ?open=${!!args.open}>
      <span slot="footer">Points expire after 12 months without an order.</span>
    </sf-loyalty-badge>`,
};
export default meta;

type Story = StoryObj<Args>;

/** A member in the first tier, far from the next. */
export const BronzeMember: Story = { parameters: { shopfront: { adapter: adapter(members.bronze) } } };

/** The middle tier: "275 points to Gold". */
export const SilverMember: Story = { tags: ['state:full'] };

/** The top tier: no progress left, and a big balance shortened in the launcher. */
export const GoldMember: Story = { parameters: { shopfront: { adapter: adapter(members.gold) } } };

/** The popover, open on Earn: ways to earn and the tiers. */
export const Open: Story = { args: { open: true } };

/** Rewards with their cost, those out of reach disabled with the points missing. */
export const Redeem: Story = { args: { open: true, page: 'redeem' } };

export const History: Story = { args: { open: true, page: 'history' } };

export const Refer: Story = { args: { open: true, page: 'refer' } };

/** A guest: the join prompt, with sign-up and log-in links and what members earn. */
export const Guest: Story = { args: { open: true }, parameters: { shopfront: { adapter: adapter({ status: 'guest' }) } } };

/** A member who just joined: no points yet and an empty history. */
export const NewMemberEmptyHistory: Story = {
  tags: ['state:empty'],
  args: { open: true, page: 'history' },
  parameters: {
    shopfront: { adapter: adapter({ ...members.bronze, points: 0, lifetimePoints: 0, pointsToNextTier: 500 }, sampleRewards, []) },
  },
};

export const NoRewardsAffordable: Story = {
  args: { open: true, page: 'redeem' },
  parameters: { shopfront: { adapter: adapter({ ...members.bronze, points: 40 }) } },
};

export const LongRewardNames: Story = {
  args: { open: true, page: 'redeem' },
  parameters: { shopfront: { adapter: adapter(silverMember, longRewards) } },
};

/** The launcher in the bottom corner, opening above itself. */
export const FloatingLauncher: Story = { args: { placement: 'floating', open: true } };

const corner = (position: Record<string, string>): Story => ({
  args: { open: true },
  render: (args) =>
    html`<div style=${styleMap({ position: 'fixed', ...position })}>
      <sf-loyalty-badge placement="inline" page=${args.page ?? 'earn'} ?open=${!!args.open}></sf-loyalty-badge>
    </div>`,
});

/** Near the viewport's edges the popover flips and shifts to stay in view. */
export const NearTopStart = corner({ top: '8px', left: '8px' });
export const NearTopEnd = corner({ top: '8px', right: '8px' });
export const NearBottomStart = corner({ bottom: '8px', left: '8px' });
export const NearBottomEnd = corner({ bottom: '8px', right: '8px' });

/** Arabic, right to left. A program without its own name for points, so the translation's word is used. */
export const RightToLeft: Story = {
  args: { open: true, page: 'redeem' },
  parameters: {
    locale: 'ar',
    shopfront: {
      adapter: () =>
        new MemoryAdapter({
          loyalty: { program: { ...program, pointsName: undefined }, member: silverMember, rewards: sampleRewards, activity },
        }),
    },
  },
};

export const Dark: Story = { args: { open: true }, parameters: { theme: 'dark' } };

/** The badge's own properties with the shared tokens: a shop's brand. */
export const Themed: Story = {
  args: {
    open: true,
    page: 'redeem',
    '--sf-loyalty-badge-accent': '#b45309',
    '--sf-loyalty-badge-tier-color': '#64748b',
    '--sf-loyalty-badge-progress-track': '#fde68a',
    '--sf-loyalty-badge-popover-width': '26rem',
    '--sf-color-accent': '#b45309',
    '--sf-radius': '2px',
    '--sf-font-family': 'Georgia, serif',
  },
};

export const Loading: Story = {
  tags: ['state:loading'],
  parameters: {
    shopfront: {
      adapter: () => {
        const paused = new MemoryAdapter({ loyalty: { program, member: silverMember, rewards: sampleRewards } });
        paused.pause();
        return paused;
      },
    },
  },
};

export const ErrorState: Story = {
  tags: ['state:error'],
  parameters: {
    shopfront: {
      adapter: () => {
        const failing = new MemoryAdapter({ loyalty: { program, member: silverMember, rewards: sampleRewards } });
        failing.failNext('loyalty.member', new AdapterError('network', 'offline'), 1000);
        return failing;
      },
    },
  },
};

/** Offline with a saved snapshot: shown as it was, redeem off with the reason. */
export const Offline: Story = {
  tags: ['state:offline'],
  args: { open: true, page: 'redeem' },
  parameters: {
    saved: { 'cache:loyalty:': { program, member: silverMember }, 'cache:loyalty-rewards:': { rewards: sampleRewards } },
    shopfront: {
      adapter: () => {
        const offline = new MemoryAdapter({ loyalty: { program, member: silverMember, rewards: sampleRewards } });
        offline.offline = true;
        return offline;
      },
    },
  },
};
