/** The real inbox page in Chromium, for the tests that drive it as an agent does. */
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from '../../../test/node/support/story-sweep.js';
import { AGENT } from './helpers.js';

export { axeViolations };

/** A new page signed in to `/inbox` through its login form. */
export async function signedInInbox(
  browser: Browser,
  url: string,
  options: {
    viewport?: { width: number; height: number };
    agent?: { email: string; password: string };
    /** Permissions the agent granted this site, such as `notifications`. */
    permissions?: string[];
  } = {},
) {
  // A browser context of its own: its own cookies, as another person's browser.
  const context = await browser.newContext({ ...(options.viewport && { viewport: options.viewport }), permissions: options.permissions });
  const page = await context.newPage();
  const agent = options.agent ?? AGENT;
  await page.goto(`${url}/inbox/login`);
  await page.fill('input[name=email]', agent.email);
  await page.fill('input[name=password]', agent.password);
  await page.click('button[type=submit]');
  await page.waitForURL(`${url}/inbox`);
  return page;
}

/** The text of the focused element, through shadow roots. */
const focusedText = (page: Page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  });

/** Presses Tab until the focused element's text contains `text` (at most `limit` times), as a keyboard user would. */
export async function tabTo(page: Page, text: string, limit = 60): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    if ((await focusedText(page)).includes(text)) return;
  }
  throw new Error(`Tab never reached "${text}"`);
}
