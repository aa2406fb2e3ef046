import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { store } from '@shopfront/core';
import { unmountAll, until } from '../../../test/helpers/mount.js';
import { sampleReview } from '../../../test/helpers/sample-data.js';
import type { SfReviewPhotoOpenEvent } from '../src/events.js';
import { $, $$, button, mountFeed, record, seeded } from './helpers.js';

const photos = [1, 2, 3].map((n) => ({
  url: `https://cdn.example.com/sweater-${n}.jpg`,
  thumbnailUrl: `https://cdn.example.com/sweater-${n}-small.jpg`,
  alt: `Sweater photo ${n}`,
}));
const withPhotos = () => seeded([sampleReview({ photos }), sampleReview({ id: 'one', photos: [photos[0]!] })]);

const dialog = (el: Element) => $<HTMLDialogElement>(el, 'dialog[part=lightbox]');
const large = (el: Element) => dialog(el)!.querySelector('img')!.getAttribute('src');
const focusInDialog = (el: Element) => !!el.shadowRoot!.activeElement && dialog(el)!.contains(el.shadowRoot!.activeElement);
const thumbnails = (el: Element) => $$<HTMLButtonElement>(el, '.review[data-id="review-1"] [part=photo-button]');

describe('<sf-review-feed> photos', () => {
  beforeEach(() => store.clear());
  afterEach(() => unmountAll());

  it('shows thumbnails that say whose photo they are', async () => {
    const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, withPhotos());
    expect(thumbnails(el).map((thumb) => thumb.querySelector('img')!.getAttribute('src'))).to.deep.equal(photos.map((p) => p.thumbnailUrl));
    expect(thumbnails(el)[0]!.querySelector('img')!.alt).to.equal('Sweater photo 1');
    const untitled = await mountFeed(
      html`<sf-review-feed product-id="prod-1"></sf-review-feed>`,
      seeded([sampleReview({ photos: [{ url: 'https://cdn.example.com/a.jpg' }] })]),
    );
    expect($(untitled, 'img[part=photo]')!.getAttribute('alt')).to.equal('Photo 1 from Amelia R.');
  });

  it('opens a modal viewer with focus inside; arrows move, Esc closes and focus returns to the thumbnail', async () => {
    const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, withPhotos());
    const events = record<SfReviewPhotoOpenEvent>(el, 'sf-review-photo-open');
    const thumb = thumbnails(el)[1]!;
    thumb.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => dialog(el)?.open, 'the viewer');
    expect(dialog(el)!.matches(':modal')).to.equal(true);
    expect(events.map((event) => [event.review.id, event.index])).to.deep.equal([['review-1', 1]]);
    expect(large(el)).to.equal(photos[1]!.url);
    expect(dialog(el)!.getAttribute('aria-label')).to.equal('Photo 2 of 3');
    await until(() => focusInDialog(el), 'focus in the viewer');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'ArrowRight' });
    await until(() => large(el) === photos[2]!.url, 'the next photo');
    await sendKeys({ press: 'ArrowRight' });
    await until(() => large(el) === photos[0]!.url, 'wrapped to the first photo');
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => large(el) === photos[2]!.url, 'back to the last photo');
    expect(dialog(el)!.querySelector('[aria-live]')!.textContent).to.equal('Photo 3 of 3');

    await sendKeys({ press: 'Escape' });
    await until(() => !dialog(el)!.open, 'the viewer closed');
    await until(() => el.shadowRoot!.activeElement === thumb, 'focus back on the thumbnail');
  });

  it('keeps Tab inside the viewer, and closes with its Close button', async () => {
    const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, withPhotos());
    thumbnails(el)[0]!.click();
    await until(() => dialog(el)?.open && focusInDialog(el), 'the viewer with focus');
    const buttons = [...dialog(el)!.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal(['Previous photo', 'Next photo', 'Close']);
    buttons.at(-1)!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(buttons[0]);
    await sendKeys({ press: 'Shift+Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(buttons.at(-1));
    button(el, 'Next photo')!.click();
    await until(() => large(el) === photos[1]!.url, 'the next photo');
    button(el, 'Close')!.click();
    await until(() => !dialog(el)!.open, 'the viewer closed');
    await until(() => el.shadowRoot!.activeElement === thumbnails(el)[0], 'focus back on the thumbnail');
  });

  it('moves the other way under right-to-left', async () => {
    const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, withPhotos(), { locale: 'ar' });
    thumbnails(el)[0]!.click();
    await until(() => dialog(el)?.open && focusInDialog(el), 'the viewer with focus');
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => large(el) === photos[1]!.url, 'the next photo to the left');
  });

  it('has no previous or next for a single photo', async () => {
    const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, withPhotos());
    $<HTMLButtonElement>(el, '.review[data-id="one"] [part=photo-button]')!.click();
    await until(() => dialog(el)?.open, 'the viewer');
    expect([...dialog(el)!.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.deep.equal(['Close']);
  });

  it('lets the shop show photos in its own viewer (sf-review-photo-open is cancelable)', async () => {
    const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, withPhotos());
    const events = record<SfReviewPhotoOpenEvent>(el, 'sf-review-photo-open', (event) => event.preventDefault());
    thumbnails(el)[0]!.click();
    await until(() => events.length === 1, 'the event');
    await el.updateComplete;
    expect(dialog(el)).to.equal(null);
  });
});
