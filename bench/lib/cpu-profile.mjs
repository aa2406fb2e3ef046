// Where a product's main-thread time goes, from V8 CPU profiles (DevTools
// protocol `Profiler`), mapped through the build's source maps to the original
// files and functions. Native work a function calls (DOM, Intl, forced layout)
// counts as that function's; style and layout in later frames are not in any
// JavaScript stack and are not counted here (Lighthouse's main-thread breakdown
// has them).
import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { TraceMap, originalPositionFor, sourceContentFor } from '@jridgewell/trace-mapping';

/** Starts sampling every `intervalUs` microseconds on a CDP session (Playwright's or any with `send`). */
export async function startProfile(cdp, { intervalUs = 100 } = {}) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
}

/** Stops sampling and returns the profile. */
export async function stopProfile(cdp) {
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  return profile;
}

/** A source map beside `file` (`x.js.map`), parsed once; undefined when there is none. */
function mapBeside(maps, file) {
  if (!maps.has(file)) {
    try {
      maps.set(file, new TraceMap(readFileSync(`${file}.map`, 'utf8')));
    } catch {
      maps.set(file, undefined);
    }
  }
  return maps.get(file);
}

/**
 * Locates positions of the scripts built into `dir` (looked up by URL) in their
 * original sources: `(url, line, column)` (0-based, as V8 reports them) →
 * `{ file, line, column, text, next, name }` (file relative to the working
 * directory, line 1-based, the source line and the one after, the mapped name)
 * or undefined. A dependency that ships its own source map (Lit's minified
 * files do) is followed on to its sources.
 */
export function sourceLocator(dir) {
  const maps = new Map();
  return (url, line, column) => {
    let file = join(dir, basename(new URL(url).pathname));
    let position = { line: line + 1, column };
    let found;
    for (let map = mapBeside(maps, file); map; map = file.includes('node_modules') ? mapBeside(maps, file) : undefined) {
      const original = originalPositionFor(map, position);
      if (!original.source) break;
      file = resolve(dirname(file), original.source);
      position = { line: original.line, column: original.column };
      const lines = (sourceContentFor(map, original.source) ?? '').split('\n');
      found = {
        file: relative(process.cwd(), file),
        line: original.line,
        column: original.column,
        text: lines[original.line - 1] ?? '',
        next: lines[original.line] ?? '',
        name: original.name,
      };
    }
    return found;
  };
}

/**
 * A function's name from its source line: `name(` or `get name(` at the column
 * (a declaration, method or accessor), `name:` / `name =` before an arrow; an
 * unnamed callback is shown by its own text and the call it is passed to
 * (`() => new Intl.NumberFormat(…)`, `$constructor("ZodMiniType", (inst, def) => {`).
 */
function functionName(text, column, next) {
  // V8 places an arrow function with parameters after its "(": step back onto it.
  if (text[column - 1] === '(' && /^[\w$\s,.{}[\]=]*\)\s*=>/.test(text.slice(column))) column--;
  const before = text.slice(0, column);
  const after = text.slice(column);
  const declared = after.match(/^(?:async\s+)?(?:function\s*\*?\s*)?((?:get |set |static )?[#\w$]+)\s*[(<]/);
  if (declared && !/^(if|for|while|switch|catch|return)$/.test(declared[1])) return declared[1];
  const assigned = before.match(/([#\w$]+)\s*[:=]\s*(?:async\s*)?$/);
  if (assigned) return assigned[1];
  const call = before.match(/([#\w$.]+)\(([^()]{0,40})$/);
  const own = `${after.trim()} ${after.trim().length < 24 ? next.trim() : ''}`.trim();
  const snippet = (call ? `${call[1]}(${call[2]}${own}` : own).replace(/\s+/g, ' ');
  return snippet.length > 60 ? `${snippet.slice(0, 59)}…` : snippet;
}

/** Chunk names without their content hash: `shopfront-core-DpSut3lW.js` → `shopfront-core.js`. */
const chunkName = (url) => basename(new URL(url).pathname).replace(/-[\w-]{8}\.js$/, '.js');

/** `{ file, label, ours }` for one call frame of a built script; `ours` is the project's own source (not a dependency). */
function describeFrame(callFrame, locate) {
  const chunk = chunkName(callFrame.url);
  if (!callFrame.functionName && callFrame.lineNumber === 0 && callFrame.columnNumber === 0) {
    return { file: `${chunk} (top level)`, label: `${chunk}: module evaluation (every module's top-level code)`, ours: true };
  }
  const position = locate(callFrame.url, callFrame.lineNumber, callFrame.columnNumber);
  if (!position)
    return { file: chunk, label: `${chunk}:${callFrame.columnNumber} ${callFrame.functionName || '(anonymous)'}`, ours: false };
  const name = functionName(position.text, position.column, position.next) || position.name || callFrame.functionName || '(anonymous)';
  return { file: position.file, label: `${position.file}:${position.line} ${name}`, ours: position.file.startsWith('packages/') };
}

/**
 * Attributes one profile's samples whose stack holds one of `isProduct(url)`'s
 * scripts. Returns milliseconds: `total`; `byFile` and `byFunction`, the
 * innermost product frame of each sample (self time, its native callees
 * included); `inclusive`, every distinct frame of the project's own code (and
 * module evaluation) on the stack.
 */
export function attributeProfile(profile, { isProduct, locate }) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const frames = new Map();
  const frameOf = (node) => {
    if (!frames.has(node.id)) frames.set(node.id, isProduct(node.callFrame.url) ? describeFrame(node.callFrame, locate) : undefined);
    return frames.get(node.id);
  };
  const result = { total: 0, byFile: new Map(), byFunction: new Map(), inclusive: new Map() };
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
  let time = profile.startTime;
  const times = profile.timeDeltas.map((delta) => (time += delta));
  profile.samples.forEach((id, i) => {
    // A sample lasts until the next one (DevTools' convention).
    const ms = ((times[i + 1] ?? profile.endTime) - times[i]) / 1000;
    const stack = [];
    for (let node = nodes.get(id); node; node = nodes.get(parents.get(node.id))) {
      const frame = frameOf(node);
      if (frame) stack.push(frame);
    }
    if (stack.length === 0) return;
    result.total += ms;
    add(result.byFile, stack[0].file, ms);
    add(result.byFunction, stack[0].label, ms);
    for (const label of new Set(stack.filter((frame) => frame.ours).map((frame) => frame.label))) add(result.inclusive, label, ms);
  });
  return result;
}

/** The mean over several attributed profiles (one load each): `{ total, byFile, byFunction, inclusive }` with entries sorted, largest first. */
export function meanAttribution(attributions) {
  const mean = (key) => {
    const sums = new Map();
    for (const attribution of attributions)
      for (const [label, ms] of attribution[key]) sums.set(label, (sums.get(label) ?? 0) + ms / attributions.length);
    return [...sums].sort((a, b) => b[1] - a[1]);
  };
  return {
    total: attributions.reduce((sum, attribution) => sum + attribution.total, 0) / attributions.length,
    byFile: mean('byFile'),
    byFunction: mean('byFunction'),
    inclusive: mean('inclusive'),
  };
}
