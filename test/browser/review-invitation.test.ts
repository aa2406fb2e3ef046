/**
 * The review request email's link (`?sf_review=<token>#reviews`) on the reference
 * server: a fulfilled order arrives through the orders webhook, the link's token is
 * read from the queued email, and the page's URL gets it (history.replaceState, put
 * back after each test). The feed opens its form by itself with focus on the rating,
 * asks no email, sends the token, and takes it out of the URL once the review is in;
 * the server makes the review the buyer's, verified by the order.
 */
import { expect, html } from '@open-wc/testing';
import { store, type ReviewPage } from '@shopfront/core';
import '@shopfront/review-feed/define.js';
import type { SfReviewSubmitEvent } from '@shopfront/review-feed';
import { mount, unmountAll, until } from '../helpers/mount.js';
import { $, $$, button, record, reviewsShown, type Feed } from '../../packages/review-feed/test/helpers.js';
import { resetServer, restAdapter, reviewLink, serverGet } from '../helpers/server.js';

const form = (el: Element) => $<HTMLFormElement>(el, 'form[part=form]');
/** The form's message about the whole review (the photos field has one of its own). */
const failure = (el: Element) => $(el, 'form [role=alert]:not(#photos-error)');
const linkToken = () => new URLSearchParams(location.search).get('sf_review');

function type(el: Element, name: string, value: string): void {
  const control = $<HTMLInputElement | HTMLTextAreaElement>(el, `[name=${name}]`)!;
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** A feed on the demo shop, asking for an email when nobody is invited. */
const openFeed = async (productId: string) =>
  mount<Feed>(html`<sf-review-feed product-id=${productId} ask-email no-json-ld></sf-review-feed>`, { adapter: await restAdapter() });

/** The form, once it opened by itself and the rating has focus. */
async function invitedForm(el: Feed): Promise<HTMLFormElement> {
  await until(() => form(el), 'the form to open by itself');
  await until(() => (el.shadowRoot!.activeElement as HTMLInputElement | null)?.name === 'rating', 'focus on the rating');
  return form(el)!;
}

async function submit(el: Feed, rating: number, body: string): Promise<void> {
  $$<HTMLInputElement>(el, 'input[name=rating]')[rating - 1]!.click();
  type(el, 'body', body);
  type(el, 'name', 'Ines');
  button(el, 'Submit review')!.click();
  await until(() => $(el, '[part=thanks]') ?? failure(el), 'the answer');
}

describe('<sf-review-feed> opened from the review request email’s link', function () {
  this.timeout(30_000);
  let original: string;
  const spacers: HTMLElement[] = [];

  before(() => resetServer());
  beforeEach(() => {
    original = location.href;
    return store.clear();
  });
  afterEach(() => {
    unmountAll();
    for (const spacer of spacers.splice(0)) spacer.remove();
    history.replaceState(history.state, '', original);
  });

  /** The page as the email's link opens it: the test runner's own parameters kept, the token added. */
  function openLink(token: string): void {
    const url = new URL(location.href);
    url.searchParams.set('sf_review', token);
    url.hash = 'reviews';
    history.replaceState(history.state, '', url);
  }

  it('opens the form by itself on the rating, asks no email, sends the token and forgets the link once sent', async () => {
    const email = `ines-${Date.now()}@example.com`;
    const { token } = await reviewLink(email, 'prod-4');
    openLink(token);
    // Far down a long product page: the form scrolls into view.
    const spacer = document.body.insertAdjacentElement('afterbegin', document.createElement('div')) as HTMLElement;
    spacer.style.blockSize = '300vh';
    spacers.push(spacer);
    const el = await openFeed('prod-4');
    const submits = record<SfReviewSubmitEvent>(el, 'sf-review-submit');

    const opened = await invitedForm(el);
    expect(opened.getBoundingClientRect().top).to.be.within(0, innerHeight - 1);
    expect(el.shadowRoot!.activeElement?.closest('form')).to.equal(opened);
    expect(button(el, 'Write a review')!.getAttribute('aria-expanded')).to.equal('true');
    // The server knows the buyer's email from the link.
    expect($(el, '[name=email]')).to.equal(null);
    await expect(el).to.be.accessible();

    const body = `Invited and verified ${Date.now()}`;
    await submit(el, 5, body);
    expect($(el, '[part=thanks]')!.textContent).to.contain('published');
    expect(submits).to.have.length(1);
    expect(submits[0]!.draft.invitation).to.equal(token);
    expect(submits[0]!.draft.email).to.equal(undefined);
    // Gone from the address, the runner's own parameters and the hash kept: a reload does not open the form again.
    expect(linkToken()).to.equal(null);
    expect(location.search).to.contain('wtr-session-id');
    expect(location.hash).to.equal('#reviews');

    // The buyer's review, verified by the order: on the server, and on screen once the list reloads.
    const page = await serverGet<ReviewPage>('/products/prod-4/reviews?sort=newest&limit=5');
    const mine = page.reviews.find((review) => review.body === body);
    expect(mine?.verifiedBuyer).to.equal(true);
    await until(() => reviewsShown(el).some((review) => review.textContent!.includes(body)), 'the review in the list');
    const shownReview = reviewsShown(el).find((review) => review.textContent!.includes(body))!;
    expect(shownReview.querySelector('[part=badge]')).to.not.equal(null);
  });

  it('does not open without a product, nor again after the link was used', async () => {
    const { token } = await reviewLink(`bo-${Date.now()}@example.com`, 'prod-5');
    openLink(token);
    const noProduct = await mount<Feed>(html`<sf-review-feed no-json-ld></sf-review-feed>`, { adapter: await restAdapter() });
    await noProduct.updateComplete;
    expect(form(noProduct)).to.equal(null);
    unmountAll();

    const el = await openFeed('prod-5');
    await invitedForm(el);
    await submit(el, 4, 'Once is enough.');
    expect(linkToken()).to.equal(null);
    unmountAll();
    // As after a reload: the feed comes up closed.
    const again = await openFeed('prod-5');
    await until(() => reviewsShown(again).length > 0, 'the reviews');
    expect(form(again)).to.equal(null);
  });

  it('says when the link was used already, and lets the review go as anyone’s, with the email the shop asks for', async () => {
    const { token } = await reviewLink(`cy-${Date.now()}@example.com`, 'prod-6');
    openLink(token);
    const first = await openFeed('prod-6');
    await invitedForm(first);
    await submit(first, 5, 'First, with the link.');
    expect($(first, '[part=thanks]')).to.not.equal(null);
    unmountAll();

    // The same link again (kept from the email): refused by the server as used.
    openLink(token);
    const el = await openFeed('prod-6');
    await invitedForm(el);
    await submit(el, 5, 'Second, with the same link.');
    expect(failure(el)!.textContent).to.contain('already used');
    expect(linkToken()).to.equal(null);
    await until(() => $(el, '[name=email]'), 'the email field back');
    await expect(el).to.be.accessible();
  });
});
