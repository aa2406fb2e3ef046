#!/usr/bin/env node
// `npm run docs` (after `npm run analyze`): the reference tables of every widget's
// README, generated from custom-elements.json so the JSDoc stays their one source.
// Each table sits between `<!-- generated:<kind> -->` and `<!-- /generated:<kind> -->`;
// everything outside the markers is hand-written and left alone.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as prettier from 'prettier';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The tables a README may hold, in the order a reference page lists them. */
export const KINDS = ['attributes', 'methods', 'events', 'slots', 'parts', 'css-properties', 'states'];

/** A fresh manifest from the sources, in memory (what `npm run analyze` would write). */
export async function analyze() {
  const { cli } = await import('@custom-elements-manifest/analyzer/cli.js');
  return cli({ argv: ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], cwd: root, noWrite: true });
}

/** The manifest `npm run analyze` wrote. */
export function readManifest() {
  return JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
}

/** Every element with a tag, grouped by the README of the package it lives in. */
export function elementsByReadme(manifest) {
  const readmes = new Map();
  for (const module of manifest.modules) {
    const packageDir = /^packages\/([^/]+)\//.exec(module.path)?.[1];
    for (const declaration of module.declarations ?? []) {
      if (!packageDir || !declaration.customElement || !declaration.tagName) continue;
      const readme = `packages/${packageDir}/README.md`;
      const element = { declaration, packageName: `@shopfront/${packageDir}` };
      readmes.set(readme, [...(readmes.get(readme) ?? []), element]);
    }
  }
  return readmes;
}

/** Event name → its class (`sf-load-error` → SfLoadErrorEvent in @shopfront/core): classes with `static type = 'sf-…'`. */
function eventClasses(manifest) {
  const classes = new Map();
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      const type = declaration.members?.find((member) => member.static && member.name === 'type');
      const name = /^'(sf-[\w-]+)'$/.exec(type?.default ?? '')?.[1];
      if (name) classes.set(name, { name: declaration.name, package: `@shopfront/${module.path.split('/')[1]}` });
    }
  }
  return classes;
}

const code = (text) => `\`${text}\``;
/** One line, pipes escaped: a table cell. */
const cell = (text = '') => text.replace(/\s+/g, ' ').trim().replaceAll('|', '\\|');
const typeOf = (type) => type?.text.replace(/\s*\|\s*undefined\b/g, '').trim();
const isPublic = (member) => !member.static && member.privacy !== 'private' && member.privacy !== 'protected' && !/^[#_]/.test(member.name);
/** Own members first, then those inherited from the base element. */
const ownFirst = (items) => [...items.filter((item) => !item.inheritedFrom), ...items.filter((item) => item.inheritedFrom)];

function withoutLeadingName(description = '', name) {
  const rest = description.match(new RegExp(`^\`${name}\`(?: \\([^)]*\\))?: (.+)$`, 's'))?.[1];
  return rest ? rest[0].toUpperCase() + rest.slice(1) : description;
}

function table(headers, rows) {
  if (rows.length === 0) return 'None.';
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The markdown of one table for one element (`{ declaration, packageName }`). */
export function renderTable(kind, { declaration: element, packageName }, manifest) {
  switch (kind) {
    case 'attributes': {
      const fields = ownFirst((element.members ?? []).filter((member) => member.kind === 'field' && isPublic(member)));
      const rows = fields.map((field) => [
        field.attribute ? code(field.attribute) : '—',
        code(field.name) + (field.readonly ? ' (read-only)' : ''),
        typeOf(field.type) ? code(cell(typeOf(field.type))) : '—',
        field.default && field.default !== 'undefined' ? code(cell(field.default)) : '—',
        cell(field.description),
      ]);
      const withField = new Set(fields.map((field) => field.attribute));
      for (const attribute of element.attributes ?? []) {
        if (withField.has(attribute.name)) continue;
        rows.push([
          code(attribute.name),
          '—',
          code(cell(typeOf(attribute.type) ?? 'string')),
          attribute.default ? code(cell(attribute.default)) : '—',
          cell(attribute.description),
        ]);
      }
      return table(['attribute', 'property', 'type', 'default', 'description'], rows);
    }
    case 'methods': {
      const methods = ownFirst((element.members ?? []).filter((member) => member.kind === 'method' && isPublic(member)));
      const signature = (method) =>
        `${method.name}(${(method.parameters ?? [])
          .map((parameter) => `${parameter.name}${parameter.optional ? '?' : ''}${parameter.type ? `: ${typeOf(parameter.type)}` : ''}`)
          .join(', ')})`;
      return table(
        ['method', 'description'],
        methods.map((method) => [code(cell(signature(method))), cell(method.description)]),
      );
    }
    case 'events': {
      const classes = eventClasses(manifest);
      return table(
        ['event', 'class', 'description'],
        (element.events ?? []).map((event) => {
          const eventClass = classes.get(event.name);
          const from = eventClass && eventClass.package !== packageName ? ` (\`${eventClass.package}\`)` : '';
          // A description that opens with its class name ("`SfFaqOpenEvent`: an answer…") says it twice here.
          const description = eventClass ? withoutLeadingName(event.description, eventClass.name) : event.description;
          return [code(event.name), eventClass ? code(eventClass.name) + from : '—', cell(description)];
        }),
      );
    }
    case 'slots':
      return table(
        ['slot', 'description'],
        (element.slots ?? []).map((slot) => [slot.name ? code(slot.name) : '(default)', cell(slot.description)]),
      );
    case 'parts':
      return table(
        ['part', 'description'],
        (element.cssParts ?? []).map((part) => [code(part.name), cell(part.description)]),
      );
    case 'css-properties':
      return table(
        ['custom property', 'default', 'description'],
        (element.cssProperties ?? []).map((property) => [
          code(property.name),
          property.default ? code(cell(property.default)) : '—',
          cell(property.description),
        ]),
      );
    case 'states':
      return table(
        ['state', 'description'],
        ownFirst(element.cssStates ?? []).map((state) => [code(`:state(${state.name})`), cell(state.description)]),
      );
    default:
      throw new Error(`no table kind "${kind}" (known: ${KINDS.join(', ')})`);
  }
}

const MARKER = /<!-- generated:([\w-]+)(?: (sf-[\w-]+))? -->\n[\s\S]*?<!-- \/generated:\1 -->/g;

/**
 * `text` (a README) with every generated table rewritten from `elements`.
 * Throws when a table the elements have is missing, or a marker names nothing.
 */
export async function regenerate(text, elements, manifest, file = 'README.md') {
  const options = { ...(await prettier.resolveConfig(join(root, file))), parser: 'markdown' };
  const byTag = new Map(elements.map((element) => [element.declaration.tagName, element]));
  const found = new Set();
  const blocks = [];
  for (const match of text.matchAll(MARKER)) {
    const [whole, kind, tag] = match;
    const element = tag ? byTag.get(tag) : elements.length === 1 ? elements[0] : undefined;
    if (!element) throw new Error(`${file}: <!-- generated:${kind}${tag ? ` ${tag}` : ''} --> names no single element here`);
    if (!KINDS.includes(kind)) throw new Error(`${file}: unknown table <!-- generated:${kind} --> (known: ${KINDS.join(', ')})`);
    found.add(`${element.declaration.tagName} ${kind}`);
    const markdown = (await prettier.format(renderTable(kind, element, manifest), options)).trim();
    const open = whole.slice(0, whole.indexOf('\n'));
    blocks.push({ index: match.index, length: whole.length, replacement: `${open}\n\n${markdown}\n\n<!-- /generated:${kind} -->` });
  }
  const missing = [];
  for (const element of elements) {
    for (const kind of KINDS) {
      if (!found.has(`${element.declaration.tagName} ${kind}`) && renderTable(kind, element, manifest) !== 'None.')
        missing.push(`<!-- generated:${kind} -->`);
    }
  }
  if (missing.length) throw new Error(`${file} lacks ${missing.join(', ')} (each followed by its <!-- /generated:… --> end marker)`);
  let result = '';
  let at = 0;
  for (const block of blocks) {
    result += text.slice(at, block.index) + block.replacement;
    at = block.index + block.length;
  }
  return result + text.slice(at);
}

/** Every README with elements: its path, what is committed, and what it should be. */
export async function readmes(manifest) {
  const results = [];
  for (const [file, elements] of elementsByReadme(manifest)) {
    const current = readFileSync(join(root, file), 'utf8');
    results.push({ file, current, expected: await regenerate(current, elements, manifest, file) });
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    for (const { file, current, expected } of await readmes(readManifest())) {
      if (current === expected) continue;
      writeFileSync(join(root, file), expected);
      console.log(`updated ${relative(process.cwd(), join(root, file))}`);
    }
    console.log('Reference tables are up to date with custom-elements.json.');
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
