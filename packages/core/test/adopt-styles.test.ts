import { expect, fixture, html } from '@open-wc/testing';
import { css } from 'lit';
import { adoptStyles, whenIdle } from '@shopfront/core';

describe('adoptStyles', () => {
  it('adds a lazily loaded stylesheet to a shadow root once', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>text</p>';
    const late = css`
      p {
        color: rgb(1, 2, 3);
      }
    `;
    adoptStyles(host, late);
    adoptStyles(root, late);
    expect(root.adoptedStyleSheets).to.have.length(1);
    expect(getComputedStyle(root.querySelector('p')!).color).to.equal('rgb(1, 2, 3)');
  });
});

describe('whenIdle', () => {
  it('runs the callback', async () => {
    const ran = await new Promise<boolean>((resolve) => whenIdle(() => resolve(true)));
    expect(ran).to.equal(true);
  });
});
