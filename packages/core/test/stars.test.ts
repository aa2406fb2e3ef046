import { expect, fixture } from '@open-wc/testing';
import { html, render } from 'lit';
import { starValue, stars } from '@shopfront/core';

describe('stars', () => {
  it('rounds an average to half stars as the review widgets and the Shopify block do, or keeps it with precise', () => {
    expect([4.25, 4.26, 4.75, 4.76, 3.92, 0].map((average) => starValue(average))).to.deep.equal([4, 4.5, 4.5, 5, 4, 0]);
    expect(starValue(4.26, true)).to.equal(4.26);
  });

  it('draws five stars as one image named by the label, a partial one filled through the CSSOM', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    render(stars(3.5, '3.5 out of 5 stars'), host);
    const image = host.querySelector('[role=img]')!;
    expect(image.getAttribute('aria-label')).to.equal('3.5 out of 5 stars');
    expect(image.querySelectorAll('.star')).to.have.length(5);
    expect(image.querySelectorAll('.star.on')).to.have.length(3);
    const partial = image.querySelectorAll<HTMLElement>('.star')[3]!;
    expect(partial.style.getPropertyValue('--_fill')).to.equal('50%');
    expect(partial.hasAttribute('style')).to.equal(true);
  });
});
