import type { TemplateResult } from 'lit';
import { MemoryAdapter, type MemoryAdapterOptions, type Review, type ShopfrontSettings } from '@shopfront/core';
import { mount, until } from '../../../test/helpers/mount.js';
import { sampleReviews } from '../../../test/helpers/sample-data.js';
import '../src/define.js';
import type { SfReviewFeed } from '../src/review-feed.js';

export type Feed = SfReviewFeed & { reconfigure: (next: ShopfrontSettings) => void };

/** An adapter with `count` reviews of prod-1 (12: averages 3.92; 5★×5, 4★×4, 3★, 2★, 1★). */
export const seeded = (reviews: Review[] = sampleReviews('prod-1', 12), options: MemoryAdapterOptions = {}) =>
  new MemoryAdapter({ reviews }, options);

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
/** The text a shopper sees (and hears), whitespace collapsed. */
export const shown = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
/** Rendered reviews, skeleton placeholders excluded. */
export const reviewsShown = (el: Element) => $$(el, '.review:not(.sf-skeleton)');
export const titles = (el: Element) => reviewsShown(el).map((review) => review.querySelector('h3')?.textContent);
export const button = (el: Element, name: string | RegExp) =>
  $$<HTMLButtonElement>(el, 'button').find((candidate) =>
    typeof name === 'string' ? candidate.textContent!.trim() === name : name.test(candidate.textContent!),
  );

/** Mounts a feed inside a runtime with `adapter`; resolves once its first page is on screen (unless `wait` is false). */
export async function mountFeed(template: TemplateResult, adapter: MemoryAdapter, settings: ShopfrontSettings = {}, wait = true) {
  const el = await mount<Feed>(template, { adapter, ...settings });
  if (wait) await until(() => reviewsShown(el).length > 0 || $(el, '.empty') || $(el, '[role=alert]'), 'the feed to load');
  return el;
}

/** The element's `sf-*` events of `type`, as they arrive. */
export function record<E extends Event>(el: Element, type: string, listener?: (event: E) => void): E[] {
  const events: E[] = [];
  el.addEventListener(type, (event) => {
    events.push(event as E);
    listener?.(event as E);
  });
  return events;
}

const day = 24 * 3600 * 1000;
/** A timestamp `days` before now. */
export const daysAgo = (days: number) => new Date(Date.now() - days * day).toISOString();
