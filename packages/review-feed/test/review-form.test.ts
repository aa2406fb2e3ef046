import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AdapterError, REVIEW_PHOTO_MAX_BYTES, store, type ReviewDraft } from '@shopfront/core';
import { unmountAll, until } from '../../../test/helpers/mount.js';
import type { SfReviewSubmitEvent } from '../src/submit-event.js';
import { $, $$, button, mountFeed, record, seeded, shown, type Feed } from './helpers.js';

const form = (el: Element) => $<HTMLFormElement>(el, 'form[part=form]');
const field = <T extends HTMLElement = HTMLInputElement>(el: Element, name: string) => $<T>(el, `[name=${name}]`)!;
const radios = (el: Element) => $$<HTMLInputElement>(el, 'input[name=rating]');
const errorOf = (el: Element, name: string) => $(el, `#${name}-error`)?.textContent;

async function openForm(el: Feed) {
  button(el, 'Write a review')!.click();
  await until(() => form(el), 'the form');
  await until(() => el.shadowRoot!.activeElement?.id === 'form-heading', 'focus on the form');
}

/** Types into a field as a shopper would: value, then the input event. */
function type(el: Element, name: string, value: string) {
  const control = field<HTMLInputElement | HTMLTextAreaElement>(el, name);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function addFiles(el: Element, files: File[]) {
  const input = field(el, 'photos');
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const image = (name: string, type = 'image/png', bytes = 16) => new File([new Uint8Array(bytes)], name, { type });

async function fillValidReview(el: Feed) {
  radios(el)[3]!.click();
  type(el, 'title', 'Lovely and warm');
  type(el, 'body', 'I wear it every day.');
  type(el, 'name', 'Noor');
  await el.updateComplete;
}

describe('<sf-review-feed> write a review', () => {
  beforeEach(() => store.clear());
  afterEach(() => unmountAll());

  it('opens the form on first use, moves focus into it, and Cancel returns focus to the button', async () => {
    const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, seeded());
    expect(form(el)).to.equal(null);
    const write = button(el, 'Write a review')!;
    expect(write.getAttribute('aria-expanded')).to.equal('false');
    await openForm(el);
    expect(write.getAttribute('aria-expanded')).to.equal('true');
    expect(shown(el)).to.contain('Your rating');
    button(el, 'Cancel')!.click();
    await until(() => !form(el) && el.shadowRoot!.activeElement === write, 'the form closed, focus back');
    expect(write.getAttribute('aria-expanded')).to.equal('false');
  });

  it('takes the rating from a star radio group that arrow keys move through', async () => {
    const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, seeded());
    await openForm(el);
    const group = $(el, 'fieldset[part~=star-input]')!;
    expect(group.querySelector('legend')!.textContent).to.equal('Your rating');
    expect(radios(el).map((radio) => radio.labels![0]!.textContent!.trim())).to.deep.equal([
      '1 star',
      '2 stars',
      '3 stars',
      '4 stars',
      '5 stars',
    ]);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(radios(el)[0]);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(radios(el)[2]!.checked).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(radios(el)[2]);
    await until(() => $$(el, '.star-input .star.on').length === 3, 'three stars lit');
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => $$(el, '.star-input .star.on').length === 2, 'two stars lit');
    // One tab stop for the whole group: the next Tab leaves it.
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'title'));
  });

  it('says what is wrong with each invalid field, moves focus to the first, and sends nothing', async () => {
    const adapter = seeded();
    const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, adapter);
    const events = record(el, 'sf-review-submit');
    await openForm(el);
    type(el, 'body', '   ');
    button(el, 'Submit review')!.click();
    await until(() => errorOf(el, 'rating'), 'the field messages');
    expect(errorOf(el, 'rating')).to.equal('Choose a rating from 1 to 5 stars.');
    expect(errorOf(el, 'body')).to.equal('Tell other shoppers what you think of the product.');
    expect(errorOf(el, 'name')).to.equal('Enter your name.');
    expect(errorOf(el, 'title')).to.equal(undefined);
    expect(field(el, 'body').getAttribute('aria-invalid')).to.equal('true');
    expect(field(el, 'body').getAttribute('aria-describedby')).to.equal('body-error');
    expect($(el, 'fieldset')!.getAttribute('aria-describedby')).to.equal('rating-error');
    await until(() => el.shadowRoot!.activeElement === radios(el)[0], 'focus on the rating');
    expect(events).to.have.length(0);
    expect(adapter.calls.some((call) => call.method === 'reviews.submit')).to.equal(false);

    // Fixing a field clears its message.
    type(el, 'name', 'Noor');
    await until(() => !errorOf(el, 'name'), 'the name message gone');
  });

  it('asks for an email only when the shop does, and checks it', async () => {
    const plain = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, seeded());
    await openForm(plain);
    expect($(plain, '[name=email]')).to.equal(null);

    const el = await mountFeed(html`<sf-review-feed product-id="prod-1" ask-email></sf-review-feed>`, seeded());
    await openForm(el);
    await fillValidReview(el);
    type(el, 'email', 'not-an-email');
    button(el, 'Submit review')!.click();
    await until(() => errorOf(el, 'email'), 'the email message');
    expect(errorOf(el, 'email')).to.equal('Enter a valid email address.');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'email'));
    expect(field(el, 'email').getAttribute('aria-describedby')).to.equal('email-error email-hint');
  });

  it('takes up to 5 photos with previews, and turns away other types and large files with a message each', async () => {
    const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, seeded());
    await openForm(el);
    expect(field(el, 'photos').accept).to.equal('image/jpeg,image/png,image/webp,image/gif,image/avif');
    addFiles(el, [
      image('sweater.png'),
      new File(['hello'], 'notes.txt', { type: 'text/plain' }),
      image('huge.jpg', 'image/jpeg', REVIEW_PHOTO_MAX_BYTES + 1),
    ]);
    await until(() => $$(el, '.previews img').length === 1, 'one preview');
    expect($$(el, '#photos-error p').map((message) => message.textContent)).to.deep.equal([
      'notes.txt is not a JPEG, PNG, WebP, GIF or AVIF image.',
      'huge.jpg is larger than 8 MB.',
    ]);
    expect($(el, '.previews img')!.getAttribute('src')).to.match(/^blob:/);

    addFiles(
      el,
      [1, 2, 3, 4, 5].map((n) => image(`more-${n}.webp`, 'image/webp')),
    );
    await until(() => $$(el, '.previews img').length === 5, 'five previews');
    expect($(el, '#photos-error')!.textContent!.trim()).to.equal('You can add up to 5 photos.');

    button(el, 'Remove sweater.png')!.click();
    await until(() => $$(el, '.previews img').length === 4, 'the photo removed');
    expect(button(el, 'Remove sweater.png')).to.equal(undefined);
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'photos'));
  });

  it('sends the review, fires sf-review-submit with the draft and thanks the shopper while it waits for moderation', async () => {
    const adapter = seeded();
    const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, adapter);
    const events = record<SfReviewSubmitEvent>(el, 'sf-review-submit');
    await openForm(el);
    await fillValidReview(el);
    addFiles(el, [image('sweater.png')]);
    await until(() => $$(el, '.previews img').length === 1, 'the preview');
    adapter.pause();
    button(el, 'Submit review')!.click();
    await until(() => button(el, 'Sending…'), 'the sending state');
    expect(button(el, 'Sending…')!.getAttribute('aria-disabled')).to.equal('true');
    adapter.resume();
    await until(() => $(el, '[part=thanks]'), 'the thanks');
    expect($(el, '[part=thanks]')!.textContent!.trim()).to.equal('Thank you! Your review will appear once the shop has checked it.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part=thanks]'));

    expect(events).to.have.length(1);
    const draft: ReviewDraft = events[0]!.draft;
    expect(draft).to.include({ productId: 'prod-1', rating: 4, title: 'Lovely and warm', body: 'I wear it every day.', name: 'Noor' });
    expect(draft.photos!.map((photo) => photo.name)).to.deep.equal(['sweater.png']);
    expect(adapter.calls.filter((call) => call.method === 'reviews.submit')).to.have.length(1);
    expect(adapter.pendingReviews).to.have.length(1);
  });

  it('is accessible with the form open, showing its messages', async () => {
    const el = await mountFeed(html`<sf-review-feed product-id="prod-1" ask-email></sf-review-feed>`, seeded());
    await openForm(el);
    addFiles(el, [image('sweater.png'), new File(['hello'], 'notes.txt', { type: 'text/plain' })]);
    button(el, 'Submit review')!.click();
    await until(() => errorOf(el, 'rating') && $$(el, '.previews img').length === 1, 'the messages and the preview');
    await expect(el).to.be.accessible();
  });

  it('is accessible after sending, with the thanks', async () => {
    const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, seeded());
    await openForm(el);
    await fillValidReview(el);
    button(el, 'Submit review')!.click();
    await until(() => $(el, '[part=thanks]'), 'the thanks');
    await expect(el).to.be.accessible();
  });

  it('lets the shop take over the submission (sf-review-submit is cancelable)', async () => {
    const adapter = seeded();
    const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, adapter);
    const events = record<SfReviewSubmitEvent>(el, 'sf-review-submit', (event) => event.preventDefault());
    await openForm(el);
    await fillValidReview(el);
    button(el, 'Submit review')!.click();
    await until(() => events.length === 1, 'the event');
    expect(events[0]!.cancelable && events[0]!.composed && events[0]!.bubbles).to.equal(true);
    await el.updateComplete;
    expect(adapter.calls.some((call) => call.method === 'reviews.submit')).to.equal(false);
    expect(form(el)).to.be.instanceOf(Element);
  });

  it('refreshes the summary and list when the review is published at once', async () => {
    const adapter = seeded(undefined, { autoPublishAt: 4 });
    const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, adapter);
    await openForm(el);
    await fillValidReview(el);
    button(el, 'Submit review')!.click();
    await until(() => $(el, '[part=thanks]'), 'the thanks');
    expect($(el, '[part=thanks]')!.textContent!.trim()).to.equal('Thank you! Your review is now published.');
    await until(() => $(el, '.count')!.textContent === 'Based on 13 reviews', 'the new count');
    await until(() => $(el, '.review h3')!.textContent === 'Lovely and warm', 'the new review first');
  });

  it('keeps what was typed and says what went wrong when sending fails', async () => {
    const adapter = seeded();
    adapter.failNext('reviews.submit', new AdapterError('network', 'offline'));
    adapter.failNext('reviews.submit', new AdapterError('http', 'Too short', { status: 400, field: 'body' }));
    const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, adapter);
    await openForm(el);
    await fillValidReview(el);
    button(el, 'Submit review')!.click();
    await until(() => $(el, 'form [role=alert]:not(#photos-error)'), 'the failure');
    expect($(el, 'form [role=alert]:not(#photos-error)')!.textContent).to.equal(
      "We couldn't reach the shop. Check your connection and try again.",
    );
    expect(field<HTMLTextAreaElement>(el, 'body').value).to.equal('I wear it every day.');

    button(el, 'Submit review')!.click();
    await until(() => field(el, 'body').getAttribute('aria-invalid') === 'true', 'the field the shop refused');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'body'));

    button(el, 'Submit review')!.click();
    await until(() => $(el, '[part=thanks]'), 'the thanks');
  });

  it('keeps what was typed when the backend answers something that is not a submission', async () => {
    const adapter = seeded();
    adapter.respondNext('reviews.submit', { status: 'maybe' });
    const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, adapter);
    await openForm(el);
    await fillValidReview(el);
    button(el, 'Submit review')!.click();
    await until(() => $(el, 'form [role=alert]:not(#photos-error)'), 'the failure');
    expect($(el, 'form [role=alert]:not(#photos-error)')!.textContent).to.contain("We received something we didn't understand");
    expect(field(el, 'title').value).to.equal('Lovely and warm');
    expect($(el, '[part=thanks]')).to.equal(null);
  });

  it('keeps the draft (never the name or email) across a reload, and forgets it once sent', async () => {
    const el = await mountFeed(html`<sf-review-feed product-id="prod-1" ask-email></sf-review-feed>`, seeded());
    await openForm(el);
    await fillValidReview(el);
    type(el, 'email', 'noor@example.com');
    await until(async () => (await store.get('review-draft:prod-1'))?.body === 'I wear it every day.', 'the saved draft');
    expect(await store.get('review-draft:prod-1')).to.deep.equal({ rating: 4, title: 'Lovely and warm', body: 'I wear it every day.' });
    unmountAll();

    const again = await mountFeed(html`<sf-review-feed product-id="prod-1" ask-email></sf-review-feed>`, seeded());
    await openForm(again);
    await until(() => field<HTMLTextAreaElement>(again, 'body').value === 'I wear it every day.', 'the restored draft');
    expect(field(again, 'title').value).to.equal('Lovely and warm');
    expect(radios(again)[3]!.checked).to.equal(true);
    expect(field(again, 'name').value).to.equal('');
    expect(field(again, 'email').value).to.equal('');
    type(again, 'name', 'Noor');
    type(again, 'email', 'noor@example.com');
    button(again, 'Submit review')!.click();
    await until(() => $(again, '[part=thanks]'), 'the thanks');
    await until(async () => (await store.get('review-draft:prod-1')) === undefined, 'the draft forgotten');
  });

  it("fills in the signed-in shopper's name and email", async () => {
    const el = await mountFeed(html`<sf-review-feed product-id="prod-1" ask-email></sf-review-feed>`, seeded(), {
      customer: { id: 'c1', firstName: 'Amelia', email: 'amelia@example.com' },
    });
    await openForm(el);
    expect(field(el, 'name').value).to.equal('Amelia');
    expect(field(el, 'email').value).to.equal('amelia@example.com');
  });

  it('renders what the shopper typed as text in the previews and the draft', async () => {
    const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, seeded());
    await openForm(el);
    addFiles(el, [image('<img src=x onerror=alert(1)>.png')]);
    await until(() => $$(el, '.previews img').length === 1, 'the preview');
    expect(button(el, 'Remove <img src=x onerror=alert(1)>.png')).to.be.instanceOf(Element);
    expect(el.shadowRoot!.querySelectorAll('img[src=x]')).to.have.length(0);
  });

  it('is in French for a French shop', async () => {
    const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, seeded(), { locale: 'fr' });
    await until(() => button(el, 'Écrire un avis'), 'the French button');
    button(el, 'Écrire un avis')!.click();
    await until(() => shown(el).includes('Votre note'), 'the French form');
    expect(radios(el)[1]!.labels![0]!.textContent!.trim()).to.equal('2 étoiles');
  });
});
