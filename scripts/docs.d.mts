// Types for scripts/docs.mjs, for the Node tests that import it.
export const KINDS: string[];
export interface Manifest {
  modules: Array<{ path: string; declarations?: Array<Record<string, unknown>> }>;
}
export interface Element {
  declaration: { tagName: string } & Record<string, unknown>;
  packageName: string;
}
export function analyze(): Promise<Manifest>;
export function readManifest(): Manifest;
export function elementsByReadme(manifest: Manifest): Map<string, Element[]>;
export function renderTable(kind: string, element: Element, manifest: Manifest): string;
export function regenerate(text: string, elements: Element[], manifest: Manifest, file?: string): Promise<string>;
export function readmes(manifest: Manifest): Promise<Array<{ file: string; current: string; expected: string }>>;
