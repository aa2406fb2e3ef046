import { expect } from '@open-wc/testing';
import { store } from '@shopfront/core';
import { unmountAll } from '../../../test/helpers/mount.js';
import '../src/define.js';
import { $, loyaltyAdapter, mountBadge, openPopover } from './helpers.js';

const fetched = (part: string) => performance.getEntriesByType('resource').some((entry) => entry.name.includes(part));

describe('<sf-loyalty-badge> weight', function () {
  // Several axe runs per test on a shared, busy machine: more than mocha's default 10 s.
  this.timeout(30_000);
  beforeEach(() => store.clear());
  afterEach(() => unmountAll());

  it('fetches the panels and floating-ui only when the popover first opens', async () => {
    const el = await mountBadge(loyaltyAdapter());
    expect($(el, '[part~=points]')).not.to.equal(null);
    expect(fetched('/popover.ts')).to.equal(false);
    expect(fetched('/position.ts')).to.equal(false);
    expect(fetched('floating-ui')).to.equal(false);
    await openPopover(el);
    expect(fetched('/popover.ts')).to.equal(true);
    expect(fetched('/position.ts')).to.equal(true);
    expect(fetched('floating-ui')).to.equal(true);
  });
});
