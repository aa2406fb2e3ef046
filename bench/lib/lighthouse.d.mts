import type LighthouseResult from 'lighthouse/types/lhr/lhr.js';

export interface BootupRow {
  url: string;
  total: number;
  scripting: number;
  scriptParseCompile: number;
}

export interface LighthouseFigures {
  /** Performance score, 0–100. */
  score: number;
  tbt: number;
  cls: number;
  fcp: number;
  lcp: number;
  /** The product's bootup-time rows added up: total CPU, script evaluation, parse and compile (ms, ×CPU slowdown). */
  bootup: number;
  scripting: number;
  parse: number;
  bootupRows: BootupRow[];
  /** Durations of the product's long tasks (simulated ms). */
  longTasks: number[];
  allLongTasks: number[];
  /** Main-thread time by kind of work, keyed by Lighthouse's group label. */
  work: Record<string, number>;
  benchmarkIndex: number;
  cpuSlowdown: number;
}

export interface Variant {
  name: string;
  url: string;
  blockedUrlPatterns?: string[];
}

export function runLighthouse(
  url: string,
  options?: { blockedUrlPatterns?: string[]; settings?: Record<string, unknown> },
): Promise<LighthouseResult>;
export function lighthouseFigures(lhr: LighthouseResult, ours: (url: string) => boolean): LighthouseFigures;
export function compareVariants(
  variants: Variant[],
  options: {
    runs: number;
    ours: (url: string) => boolean;
    onRun?: (name: string, figures: LighthouseFigures | undefined, run: number, error?: Error) => void;
  },
): Promise<Record<string, LighthouseFigures[]>>;
export function spread<T>(runs: T[], pick: (run: T) => number): { median: number; min: number; max: number };
