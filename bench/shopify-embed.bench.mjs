// What the Shopify app embed costs a storefront's Lighthouse score, as Shopify
// reviews an app (it allows a drop of 10 points): Lighthouse 12, mobile preset,
// on the fixture storefront's product page (test/node/support/fixture-storefront.ts:
// our own small theme, the extension's app blocks in its product section, the
// real reference server behind the app proxy), once with the app embed on and
// once with it off (the blocks' Liquid markup and stylesheet stay; without the
// embed no script loads). A guest's page, as Shopify's reviewer sees it.
// Medians over SHOPIFY_LH_RUNS (3) interleaved runs, with their spread.
import { compareVariants, spread } from './lib/lighthouse.mjs';
import { printTable } from './lib/table.mjs';
import { ASSET_ROOT, PRODUCTS, startFixtureStorefront } from '../test/node/support/fixture-storefront.ts';

const RUNS = Number(process.env.SHOPIFY_LH_RUNS ?? 3);
/** The points Shopify's app review lets an app take off the theme's score. */
const ALLOWED_DROP = 10;

const progress = (text) => process.stderr.write(`  ${text}\n`);
/** The app's own requests: the extension's assets and the app proxy. */
const isApp = (url) => URL.canParse(url) && (new URL(url).pathname.startsWith(ASSET_ROOT) || new URL(url).pathname.startsWith('/apps/'));

const withEmbed = await startFixtureStorefront({ embed: true });
const withoutEmbed = await startFixtureStorefront({ embed: false });
try {
  const path = `/products/${PRODUCTS[0].handle}`;
  const variants = [
    { name: 'app embed on', url: `${withEmbed.url}${path}` },
    { name: 'app embed off', url: `${withoutEmbed.url}${path}` },
  ];
  const results = await compareVariants(variants, {
    runs: RUNS,
    ours: isApp,
    onRun: (name, figures, i, error) =>
      progress(
        error ? `run ${i + 1}/${RUNS} ${name} failed, once more: ${error.message}` : `run ${i + 1}/${RUNS} ${name}: score ${figures.score}`,
      ),
  });
  const cell = ({ median, min, max }, digits = 0) =>
    min === max ? median.toFixed(digits) : `${median.toFixed(digits)} [${min.toFixed(digits)}–${max.toFixed(digits)}]`;
  const row = (name) => {
    const runs = results[name];
    return [
      name,
      cell(spread(runs, (run) => run.score)),
      cell(spread(runs, (run) => run.fcp)),
      cell(spread(runs, (run) => run.lcp)),
      cell(spread(runs, (run) => run.tbt)),
      cell(
        spread(runs, (run) => run.cls),
        3,
      ),
      cell(spread(runs, (run) => run.bootup)),
    ];
  };
  const on = spread(results['app embed on'], (run) => run.score).median;
  const off = spread(results['app embed off'], (run) => run.score).median;
  const drop = off - on;
  printTable(
    `Lighthouse 12, mobile preset, fixture storefront product page, median [min–max] of ${RUNS} runs (ms)`,
    ['variant', 'score', 'FCP', 'LCP', 'TBT', 'CLS', "app's bootup-time"],
    [row('app embed on'), row('app embed off')],
  );
  printTable(
    'The app embed on the score',
    ['embed off', 'embed on', 'drop', `Shopify allows ${ALLOWED_DROP}`],
    [[off, on, drop, drop <= ALLOWED_DROP ? 'within' : 'OVER']],
  );
} finally {
  await withEmbed.close();
  await withoutEmbed.close();
}
