import { expect } from '@open-wc/testing';
import { store } from '@shopfront/core';
import { failNextFetch } from '../../../test/helpers/fail-fetch.js';
import { captureWarnings, unmountAll, until } from '../../../test/helpers/mount.js';
import '../src/define.js';
import { $, loyaltyAdapter, mountBadge, openPopover, textOf } from './helpers.js';

// Its own file: a page fetches a module once, so the popover must not have been loaded here before.
describe('<sf-loyalty-badge> on a flaky connection', function () {
  this.timeout(30_000);
  beforeEach(() => store.clear());
  afterEach(() => unmountAll());

  it('closes the popover when its panels cannot be fetched, and opens it with them on the next try', async () => {
    const el = await mountBadge(loyaltyAdapter());
    await failNextFetch('/popover.ts');
    const warnings = await captureWarnings(async () => {
      $(el, '[part~=trigger]')!.click();
      await until(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/popover.ts')), 'the failed fetch');
      await until(() => !el.open && !$(el, '#popover')!.matches(':popover-open'), 'the popover closed again');
    });
    expect(warnings.join()).to.contain('the next use tries again');
    expect($(el, '[role=tablist]')).to.equal(null);

    await openPopover(el);
    expect(textOf($(el, '[role=tab][aria-selected=true]'))).to.equal('Earn');
    expect(el.matches(':state(open)')).to.equal(true);
  });
});
