/** The bus of a server that runs alone: a publish is a call, delivered before `publish` returns. */
import { randomUUID } from 'node:crypto';
import type { BusEvent, BusHandlers, EventBus } from './index.js';

export class InProcessBus implements EventBus {
  readonly instance = randomUUID();
  readonly shared = false;
  #handlers?: BusHandlers;

  async start(handlers: BusHandlers): Promise<void> {
    this.#handlers = handlers;
  }

  async publish(event: BusEvent): Promise<void> {
    this.#handlers?.event(event);
  }

  async close(): Promise<void> {
    this.#handlers = undefined;
  }
}
