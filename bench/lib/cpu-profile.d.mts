import type { Protocol } from 'playwright-core/types/protocol';

interface Session {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
}

export interface SourcePosition {
  file: string;
  line: number;
  column: number;
  text: string;
  next: string;
  name: string | null;
}

export interface Attribution {
  total: number;
  byFile: Map<string, number>;
  byFunction: Map<string, number>;
  inclusive: Map<string, number>;
}

export function startProfile(cdp: Session, options?: { intervalUs?: number }): Promise<void>;
export function stopProfile(cdp: Session): Promise<Protocol.Profiler.Profile>;
export function sourceLocator(dir: string): (url: string, line: number, column: number) => SourcePosition | undefined;
export function attributeProfile(
  profile: Protocol.Profiler.Profile,
  options: { isProduct: (url: string) => boolean; locate: ReturnType<typeof sourceLocator> },
): Attribution;
export function meanAttribution(attributions: Attribution[]): {
  total: number;
  byFile: Array<[string, number]>;
  byFunction: Array<[string, number]>;
  inclusive: Array<[string, number]>;
};
