import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AdapterError, store } from '@shopfront/core';
import { unmountAll, until } from '../../../test/helpers/mount.js';
import { sampleProgram } from '../../../test/helpers/sample-data.js';
import '../src/define.js';
import { $, loyaltyAdapter, member, mountBadge, openPopover, textOf } from './helpers.js';

const form = (el: Element) => $(el, '[part~=birthday-form]') as HTMLFormElement | null;
const choose = (el: Element, name: 'month' | 'day', value: string) => {
  const select = $(el, `#birthday-${name}`) as HTMLSelectElement;
  select.value = value;
};

describe('<sf-loyalty-badge> birthday', function () {
  this.timeout(30_000);
  beforeEach(() => store.clear());
  afterEach(() => unmountAll());

  it('asks a member of a programme with a birthday reward for a month and a day, then shows the date kept', async () => {
    const adapter = loyaltyAdapter({ member: { ...member } });
    const el = await mountBadge(adapter);
    await openPopover(el);
    expect(textOf($(el, '#birthday-hint'))).to.equal('Get 100 points on your birthday every year. It can be given only once.');
    expect(textOf($(el, 'label[for=birthday-month]'))).to.equal('Month');
    expect([...($(el, '#birthday-month') as HTMLSelectElement).options].map((option) => option.text).slice(1, 4)).to.deep.equal([
      'January',
      'February',
      'March',
    ]);
    await expect(el).to.be.accessible();
    choose(el, 'month', '3');
    choose(el, 'day', '14');
    // Keyboard: focus on the button, Enter sends the form.
    ($(el, '[part~=birthday-button]') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '[part~=birthday]') !== null, 'the kept birthday');
    expect(textOf($(el, '[part~=birthday]'))).to.equal('Your birthday: March 14');
    expect(form(el)).to.equal(null);
    expect(adapter.calls.filter((call) => call.method === 'loyalty.setBirthday').map((call) => call.args)).to.deep.equal([
      [{ month: 3, day: 14 }],
    ]);
    await expect(el).to.be.accessible();
  });

  it('says why a birthday was refused, and keeps the form', async () => {
    const adapter = loyaltyAdapter({ member: { ...member } });
    adapter.failNext('loyalty.setBirthday', new AdapterError('http', 'no such day', { status: 400, field: 'day' }));
    const el = await mountBadge(adapter);
    await openPopover(el);
    choose(el, 'month', '2');
    choose(el, 'day', '30');
    form(el)!.requestSubmit();
    await until(() => $(el, '.birthday [role=alert]') !== null, 'the refusal');
    expect(textOf($(el, '.birthday [role=alert]'))).to.equal('That month has no such day.');
    expect(form(el)).to.not.equal(null);
  });

  it('is not shown when the programme gives nothing for birthdays, nor to a member who gave theirs', async () => {
    const program = { ...sampleProgram, waysToEarn: sampleProgram.waysToEarn.filter((way) => way.kind !== 'birthday') };
    const without = await mountBadge(loyaltyAdapter({ program, member: { ...member } }));
    await openPopover(without);
    expect(form(without)).to.equal(null);
    unmountAll();
    const given = await mountBadge(loyaltyAdapter({ member: { ...member, birthday: { month: 12, day: 3 } } }));
    await openPopover(given);
    expect(form(given)).to.equal(null);
    expect(textOf($(given, '[part~=birthday]'))).to.equal('Your birthday: December 3');
  });
});
