import { expect, fixture } from '@open-wc/testing';
import { html, render } from 'lit';
import { styleProps } from '@shopfront/core';

describe('styleProps', () => {
  it('sets properties without a style attribute string, and removes dropped ones', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const setAttribute = Element.prototype.setAttribute;
    const attributeWrites: string[] = [];
    Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
      if (name === 'style') attributeWrites.push(value);
      return setAttribute.call(this, name, value);
    };
    const view = (props: Parameters<typeof styleProps>[0]) => html`<span ${styleProps(props)}></span>`;
    try {
      render(view({ '--_fill': '40%', 'inline-size': '3px' }), host);
      const span = host.querySelector('span')!;
      expect(span.style.getPropertyValue('--_fill')).to.equal('40%');
      expect(span.style.inlineSize).to.equal('3px');
      render(view({ '--_fill': '80%', 'inline-size': null }), host);
      expect(host.querySelector('span')).to.equal(span);
      expect(span.style.getPropertyValue('--_fill')).to.equal('80%');
      expect(span.style.inlineSize).to.equal('');
      expect(attributeWrites).to.deep.equal([]);
    } finally {
      Element.prototype.setAttribute = setAttribute;
    }
  });
});
