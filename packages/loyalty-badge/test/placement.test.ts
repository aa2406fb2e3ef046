import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { store } from '@shopfront/core';
import { unmountAll, until } from '../../../test/helpers/mount.js';
import '../src/define.js';
import { $, type Badge, loyaltyAdapter, mountBadge, openPopover } from './helpers.js';

const WIDTH = 800;
const HEIGHT = 600;
const EDGE = 8;

/** The popover and the badge as the shopper sees them. */
function boxes(el: Badge) {
  return { popover: $(el, '#popover')!.getBoundingClientRect(), badge: el.getBoundingClientRect() };
}

function expectInView(popover: DOMRect): void {
  expect(popover.left).to.be.at.least(EDGE - 0.5);
  expect(popover.top).to.be.at.least(EDGE - 0.5);
  expect(popover.right).to.be.at.most(WIDTH - EDGE + 0.5);
  expect(popover.bottom).to.be.at.most(HEIGHT - EDGE + 0.5);
}

describe('<sf-loyalty-badge> popover placement', function () {
  // Several axe runs per test on a shared, busy machine: more than mocha's default 10 s.
  this.timeout(30_000);
  before(() => setViewport({ width: WIDTH, height: HEIGHT }));
  beforeEach(() => store.clear());
  afterEach(() => unmountAll());

  it('near the top start corner, opens below the badge, aligned with its start', async () => {
    const el = await mountBadge(loyaltyAdapter(), { around: 'position: fixed; top: 8px; left: 8px' });
    await openPopover(el);
    const { popover, badge } = boxes(el);
    expect(popover.top).to.be.at.least(badge.bottom);
    expect(popover.left).to.be.closeTo(badge.left, 1);
    expect($(el, '#popover')!.dataset.placement).to.equal('bottom-start');
    expectInView(popover);
  });

  it('near the bottom edge, flips above the badge', async () => {
    const el = await mountBadge(loyaltyAdapter(), { around: 'position: fixed; bottom: 8px; left: 8px' });
    await openPopover(el);
    const { popover, badge } = boxes(el);
    expect(popover.bottom).to.be.at.most(badge.top);
    expect($(el, '#popover')!.dataset.placement).to.equal('top-start');
    expectInView(popover);
  });

  it('near the end edge, shifts back into view', async () => {
    const el = await mountBadge(loyaltyAdapter(), { around: 'position: fixed; top: 8px; right: 8px' });
    await openPopover(el);
    const { popover, badge } = boxes(el);
    expect(popover.top).to.be.at.least(badge.bottom);
    expect(popover.right).to.be.closeTo(WIDTH - EDGE, 1);
    expectInView(popover);
  });

  it('in the bottom end corner, flips above and shifts into view', async () => {
    const el = await mountBadge(loyaltyAdapter(), { around: 'position: fixed; bottom: 8px; right: 8px' });
    await openPopover(el);
    const { popover, badge } = boxes(el);
    expect(popover.bottom).to.be.at.most(badge.top);
    expectInView(popover);
  });

  it('right to left, aligns with the badge’s start, which is its right edge', async () => {
    const el = await mountBadge(loyaltyAdapter(), { around: 'position: fixed; top: 8px; right: 8px', settings: { locale: 'ar' } });
    await openPopover(el);
    const { popover, badge } = boxes(el);
    expect(popover.right).to.be.closeTo(badge.right, 1);
    expectInView(popover);
  });

  it('with little room, keeps the popover inside the viewport and lets it scroll', async () => {
    await setViewport({ width: WIDTH, height: 360 });
    try {
      const el = await mountBadge(loyaltyAdapter(), { around: 'position: fixed; top: 150px; left: 8px' });
      const element = await openPopover(el);
      const { popover } = boxes(el);
      expect(popover.top).to.be.at.least(EDGE - 0.5);
      expect(popover.bottom).to.be.at.most(360 - EDGE + 0.5);
      expect(element.scrollHeight).to.be.greaterThan(element.clientHeight);
    } finally {
      await setViewport({ width: WIDTH, height: HEIGHT });
    }
  });

  it('follows the badge when the page scrolls', async () => {
    const spacer = document.createElement('div');
    spacer.style.blockSize = '3000px';
    document.body.append(spacer);
    try {
      const el = await mountBadge(loyaltyAdapter(), { around: 'margin-top: 200px' });
      await openPopover(el);
      const before = boxes(el);
      window.scrollBy(0, 120);
      await until(() => Math.abs(boxes(el).popover.top - (before.popover.top - 120)) < 1, 'the popover to move with the page');
      expect(boxes(el).popover.top - boxes(el).badge.bottom).to.be.closeTo(before.popover.top - before.badge.bottom, 1);
    } finally {
      window.scrollTo(0, 0);
      spacer.remove();
    }
  });

  it('the floating launcher sits in the bottom end corner and opens above itself', async () => {
    const el = await mountBadge(loyaltyAdapter(), { placement: 'floating' });
    const badge = el.getBoundingClientRect();
    expect(getComputedStyle(el).position).to.equal('fixed');
    expect(WIDTH - badge.right).to.be.closeTo(16, 1);
    expect(HEIGHT - badge.bottom).to.be.closeTo(16, 1);
    // The progress bar is in the popover, not on the launcher.
    expect($(el, '[part~=badge] [role=progressbar]')!.checkVisibility()).to.equal(false);
    await openPopover(el);
    const { popover } = boxes(el);
    expect(popover.bottom).to.be.at.most(badge.top);
    expect(popover.right).to.be.closeTo(badge.right, 1);
    expect($(el, '#popover')!.dataset.placement).to.equal('top-end');
    await expect(el).to.be.accessible();
  });

  it('floating-start sits in the bottom start corner, away from a chat launcher', async () => {
    const el = await mountBadge(loyaltyAdapter(), { placement: 'floating-start' });
    const badge = el.getBoundingClientRect();
    expect(badge.left).to.be.closeTo(16, 1);
    expect(HEIGHT - badge.bottom).to.be.closeTo(16, 1);
    await openPopover(el);
    const { popover } = boxes(el);
    expect(popover.left).to.be.closeTo(badge.left, 1);
    expect(popover.bottom).to.be.at.most(badge.top);
  });
});
