/**
 * The per-card add-to-cart content, in a chunk of its own: only pages with a
 * `<template slot="add-to-cart">` inside the element load it.
 *
 * Each product in the carousel gets a copy of the template in the element's
 * light DOM (where the shop's styles and scripts reach it: its forms submit and
 * its click handlers see the events), wrapped in
 * `<div slot="add-to-cart-<id>" data-product-id="<id>">`. Inside the copy, every
 * `[data-product-id]` gets the id, and form fields among them get it as their
 * value. Copies for products that left the carousel are removed.
 */
export function copyAddToCart(host: HTMLElement, template: HTMLTemplateElement, ids: string[]): void {
  const wanted = new Set(ids);
  for (const copy of host.querySelectorAll<HTMLElement>(':scope > [data-sf-copy]')) {
    if (!wanted.delete(copy.dataset.productId!)) copy.remove();
  }
  for (const id of wanted) {
    const copy = document.createElement('div');
    copy.slot = `add-to-cart-${id}`;
    copy.dataset.sfCopy = '';
    copy.append(template.content.cloneNode(true));
    for (const field of [copy, ...copy.querySelectorAll<HTMLElement>('[data-product-id]')]) {
      field.dataset.productId = id;
      if (field instanceof HTMLInputElement || field instanceof HTMLButtonElement) field.value = id;
    }
    host.append(copy);
  }
}
