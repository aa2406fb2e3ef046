/** Sending a generated request (openapi-cases.ts) to a running server, and reading its answer whatever it is. */
import type { BadRequest } from './openapi-cases.js';

export interface Answer {
  /** 0 when no answer came at all (the connection failed or the hang guard fired). */
  status: number;
  type: string;
  text: string;
  headers: Headers;
}

/** Only a hang guard: a request with no answer counts as a failure, never a time measured. */
const NO_ANSWER_MS = 30_000;

export async function send(base: string, request: BadRequest): Promise<Answer> {
  try {
    const response = await fetch(`${base}${request.url}`, {
      method: request.method,
      headers: request.headers,
      body: request.body as BodyInit | undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(NO_ANSWER_MS),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      text: await response.text(),
      headers: response.headers,
    };
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return { status: 0, type: '', text: `${String(error)} ${String(cause ?? '')}`, headers: new Headers() };
  }
}
