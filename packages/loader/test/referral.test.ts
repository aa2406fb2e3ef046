import { expect } from '@open-wc/testing';
import { configure, resetSettings } from '../../core/src/settings.js';
import { REFERRAL_COOKIE, keepReferral, keptReferral } from '../src/referral.js';

const forget = () => (document.cookie = `${REFERRAL_COOKIE}=; Max-Age=0; Path=/`);

describe('the referral keeper', () => {
  afterEach(() => {
    forget();
    resetSettings();
  });

  it('keeps the code of an advocate’s link in a first-party cookie for the checkout', () => {
    expect(keptReferral()).to.equal(undefined);
    keepReferral('https://shop.example/products/sweater?utm_source=mail&sf_ref=K7PQ2MXZ9A');
    expect(keptReferral()).to.equal('K7PQ2MXZ9A');
    // A later link from another advocate replaces it: the last link followed counts.
    keepReferral('https://shop.example/?sf_ref=SECOND2345');
    expect(keptReferral()).to.equal('SECOND2345');
  });

  it('writes nothing until consent when the shop requires it', () => {
    configure({ consent: 'required' });
    keepReferral('https://shop.example/?sf_ref=K7PQ2MXZ9A');
    expect(keptReferral()).to.equal(undefined);
    configure({ currency: 'EUR' });
    expect(keptReferral()).to.equal(undefined, 'another setting is not consent');
    configure({ consent: 'granted' });
    expect(keptReferral()).to.equal('K7PQ2MXZ9A');
  });

  it('ignores a missing, empty or malformed code', () => {
    for (const url of [
      'https://shop.example/',
      'https://shop.example/?sf_ref=',
      'https://shop.example/?sf_ref=%3Cscript%3E',
      'https://shop.example/?sf_ref=a;%20Domain=evil.example',
      `https://shop.example/?sf_ref=${'A'.repeat(65)}`,
    ]) {
      keepReferral(url);
      expect(keptReferral(), url).to.equal(undefined);
    }
  });
});
