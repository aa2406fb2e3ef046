/**
 * custom-elements.json (Storybook's autodocs, editors, the README tables) lists
 * everything a widget declares: each CSS part, slot, custom property, event and
 * attribute its sources use is in the manifest with a description, and every
 * custom property has its default; private members stay out. A part added to a template without its
 * `@csspart` JSDoc fails here, by name.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../scripts/docs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Named {
  name: string;
  description?: string;
  default?: string;
  static?: boolean;
}

interface Element {
  tagName: string;
  attributes?: Named[];
  /** Properties and methods. */
  members?: Named[];
  events?: Named[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}

/** The package's sources (not translations), concatenated. */
function sources(packageDir: string): string {
  const dir = join(root, 'packages', packageDir, 'src');
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts') && !file.startsWith('locales'))
    .map((file) => readFileSync(join(dir, file), 'utf8'))
    .join('\n');
}

const unique = (values: Iterable<string>) => [...new Set(values)].sort();
/** A slot or part name with its interpolations made generic: `add-to-cart-${id}` and `add-to-cart-{id}` agree. */
const generic = (name: string) => name.replace(/\$\{[^}]*\}|\{[^}]*\}/g, '{}');

/** What the sources declare, found by the patterns every widget is written with. */
function declared(source: string) {
  // Literal part names only: `part="button ${kind}-button"` declares `button`.
  const parts = [...source.matchAll(/\bpart="([^"]*)"/g)].flatMap((match) =>
    match[1]!
      .replace(/\S*\$\{[^}]*\}\S*/g, ' ')
      .split(/\s+/)
      .filter(Boolean),
  );
  const slots = [...source.matchAll(/<slot name="([^"]+)"/g)].map((match) => generic(match[1]!));
  const coreTokens = new Set(
    [...readFileSync(join(root, 'packages/core/src/tokens.ts'), 'utf8').matchAll(/var\((--sf-[a-z0-9-]+)/g)].map((m) => m[1]!),
  );
  const cssProperties = [...source.matchAll(/var\((--sf-[a-z0-9-]+)/g)].map((match) => match[1]!).filter((name) => !coreTokens.has(name));
  const events = [...source.matchAll(/^\s*'(sf-[a-z-]+)': Sf\w+Event;$/gm)].map((match) => match[1]!);
  const attributes = [...source.matchAll(/attribute: '([a-z-]+)'/g)].map((match) => match[1]!);
  return {
    parts: unique(parts),
    slots: unique(slots),
    cssProperties: unique(cssProperties),
    events: unique(events),
    attributes: unique(attributes),
  };
}

let elements: Array<{ packageDir: string; element: Element }> = [];

before(async () => {
  const manifest = (await analyze()) as { modules: Array<{ path: string; declarations?: Element[] }> };
  elements = manifest.modules.flatMap((module) =>
    (module.declarations ?? [])
      .filter((declaration) => declaration.tagName)
      .map((element) => ({ packageDir: /^packages\/([^/]+)\//.exec(module.path)![1]!, element })),
  );
});

describe('custom-elements.json', () => {
  it('has the six widgets', () => {
    assert.deepEqual(elements.map(({ element }) => element.tagName).sort(), [
      'sf-chat-launcher',
      'sf-faq-search',
      'sf-loyalty-badge',
      'sf-recently-viewed',
      'sf-review-feed',
      'sf-star-rating',
    ]);
  });

  it('lists every part, slot, custom property, event and attribute the sources declare', () => {
    const missing: string[] = [];
    for (const { packageDir, element } of elements) {
      const found = declared(sources(packageDir));
      const parts = element.cssParts ?? [];
      // A part may be documented inside another's description: `also \`tier-gold\``.
      const partNames = new Set([
        ...parts.map((part) => part.name),
        ...parts.flatMap((part) => [...(part.description ?? '').matchAll(/`([a-z-]+)`/g)].map((m) => m[1]!)),
      ]);
      const check = (kind: string, wanted: string[], listed: Set<string>) => {
        for (const name of wanted) if (!listed.has(name)) missing.push(`${element.tagName}: ${kind} ${name}`);
      };
      check('part', found.parts, partNames);
      check('slot', found.slots, new Set((element.slots ?? []).map((slot) => generic(slot.name))));
      check('custom property', found.cssProperties, new Set((element.cssProperties ?? []).map((property) => property.name)));
      check('event', found.events, new Set((element.events ?? []).map((event) => event.name)));
      check('attribute', found.attributes, new Set((element.attributes ?? []).map((attribute) => attribute.name)));
    }
    assert.deepEqual(missing, [], 'declared in the sources but not in the manifest: add the JSDoc (@csspart, @slot, @cssprop, @fires)');
  });

  it('lists no private member', () => {
    const members = elements.flatMap(({ element }) => (element.members ?? []).map((member) => `${element.tagName}: ${member.name}`));
    assert.deepEqual(
      members.filter((member) => /: [#_]/.test(member)),
      [],
    );
  });

  it('describes everything it lists, and gives every custom property its default', () => {
    const undocumented: string[] = [];
    for (const { element } of elements) {
      for (const kind of ['attributes', 'members', 'events', 'slots', 'cssParts', 'cssProperties'] as const) {
        for (const item of element[kind] ?? [])
          if (!item.static && !item.description?.trim())
            undocumented.push(`${element.tagName}: ${kind} ${item.name || '(default)'} has no description`);
      }
      for (const property of element.cssProperties ?? [])
        if (!property.default) undocumented.push(`${element.tagName}: ${property.name} has no default`);
    }
    assert.deepEqual(undocumented, []);
  });
});
