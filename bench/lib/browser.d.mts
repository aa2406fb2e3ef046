import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Browser } from 'playwright-core';

export function serve(options?: {
  root?: string;
  routes?: Record<string, (request: IncomingMessage, response: ServerResponse) => unknown>;
}): Promise<{ url: string; close: () => Promise<unknown> }>;
export const CHROMIUM_ARGS: string[];
export function launchChromium(): Promise<Browser>;
export function percentile(values: number[], p: number): number;
