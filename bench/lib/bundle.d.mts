export function bundleSize(code: string, options?: { external?: string[]; loader?: string }): Promise<{ raw: number; gzip: number }>;
export const SHARED: string[];
