import { expect, fixture, html } from '@open-wc/testing';
import { serializeJsonLd, setJsonLd } from '@shopfront/core';

describe('JSON-LD', () => {
  it('writes one script into the light DOM and replaces it on update', async () => {
    const host = await fixture(html`<div></div>`);
    setJsonLd(host, { '@type': 'Product', name: 'Sweater' });
    setJsonLd(host, { '@type': 'Product', name: 'Scarf' });
    const scripts = host.querySelectorAll('script[type="application/ld+json"]');
    expect(scripts).to.have.length(1);
    expect(JSON.parse(scripts[0]!.textContent!)).to.deep.equal({ '@type': 'Product', name: 'Scarf' });
    setJsonLd(host, null);
    expect(host.querySelector('script')).to.equal(null);
  });

  it('cannot be broken out of by the data', () => {
    const json = serializeJsonLd({ name: '</script><script>alert(1)</script><!--' });
    expect(json).not.to.contain('<');
    expect(json).not.to.contain('>');
    expect(JSON.parse(json).name).to.equal('</script><script>alert(1)</script><!--');
  });
});
