/**
 * The documentation stays true: the widgets' reference tables match their JSDoc,
 * links between the docs lead somewhere, the README stays short and names the
 * test command CI runs, and nothing points at a document outside the repository.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, readmes } from '../../scripts/docs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

/** Files in the repository: tracked, or new and not ignored (so never node_modules, dist or .git). */
function repositoryFiles(): string[] {
  const output = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' });
  return output.split('\0').filter((file) => file && existsSync(join(root, file)));
}

describe('reference tables', () => {
  // One analysis of the sources for both checks: it takes a few seconds.
  let generated: ReturnType<typeof readmes> | undefined;
  const fresh = () => (generated ??= analyze().then(readmes));

  it('match a fresh analysis of the JSDoc (run `npm run docs` after changing it)', async () => {
    const stale = (await fresh()).filter(({ current, expected }) => current !== expected);
    const detail = stale.map(({ file, current, expected }) => `${file}: first difference at line ${firstDifferentLine(current, expected)}`);
    assert.deepEqual(detail, [], 'stale reference tables: run `npm run docs`');
  });

  it('cover every package with elements', async () => {
    const files = (await fresh()).map(({ file }) => file).sort();
    assert.deepEqual(files, [
      'packages/chat-launcher/README.md',
      'packages/faq-search/README.md',
      'packages/loyalty-badge/README.md',
      'packages/recently-viewed/README.md',
      'packages/review-feed/README.md',
      'packages/star-rating/README.md',
    ]);
  });
});

function firstDifferentLine(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  const index = left.findIndex((line, i) => line !== right[i]);
  return (index === -1 ? left.length : index) + 1;
}

describe('the repository', () => {
  it('names no document outside it', () => {
    // Spelled in pieces so this file does not match itself.
    const outside = [['..', 'shared'].join('/'), ['DESIGN', 'md'].join('.'), ['STYLE', 'md'].join('.')];
    const found: string[] = [];
    for (const file of repositoryFiles()) {
      const bytes = readFileSync(join(root, file));
      if (bytes.includes(0)) continue; // binary
      bytes
        .toString('utf8')
        .split('\n')
        .forEach((line, index) => {
          for (const name of outside) if (line.includes(name)) found.push(`${file}:${index + 1} mentions ${name}`);
        });
    }
    assert.deepEqual(found, []);
  });
});

describe('README.md', () => {
  it('is at most 15 KB', () => {
    const size = statSync(join(root, 'README.md')).size;
    assert.ok(size <= 15 * 1024, `README.md is ${size} bytes; move detail into docs/`);
  });

  it('gives the test command that CI runs, exactly', () => {
    const twoCommands = /## Two commands\n[\s\S]*?```sh\n([\s\S]*?)```/.exec(read('README.md'))?.[1] ?? '';
    const commands = twoCommands
      .split('\n')
      .map((line) => line.replace(/#.*/, '').trim())
      .filter(Boolean);
    assert.deepEqual(commands, ['npm install && npm start', 'npm test']);
    const ciSteps = read('.ci/run')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    assert.equal(ciSteps.at(-1), commands[1]);
  });
});

describe('links in the docs', () => {
  const markdown = repositoryFiles().filter((file) => file.endsWith('.md'));

  it('include the README and docs/', () => {
    assert.ok(markdown.includes('README.md'));
    assert.ok(markdown.filter((file) => file.startsWith('docs/')).length >= 7);
  });

  for (const file of markdown) {
    it(`resolve in ${file}`, () => {
      const broken: string[] = [];
      for (const target of relativeLinks(read(file))) {
        const [path = '', anchor] = target.split('#');
        const resolved = path ? normalize(join(dirname(file), decodeURIComponent(path))) : file;
        if (!existsSync(join(root, resolved))) {
          broken.push(`${target}: no file ${resolved}`);
          continue;
        }
        if (anchor && resolved.endsWith('.md') && !headingSlugs(read(resolved)).has(anchor)) {
          broken.push(`${target}: no heading #${anchor} in ${resolved}`);
        }
      }
      assert.deepEqual(broken, []);
    });
  }
});

/** Markdown outside fenced code blocks and code spans. */
function prose(text: string): string {
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Link targets that are not URLs: `[text](target)` and `[label]: target`. */
function relativeLinks(text: string): string[] {
  const body = prose(text);
  const targets = [...body.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g), ...body.matchAll(/^\[[^\]]+\]:\s*(\S+)/gm)].map(
    (match) => match[1]!,
  );
  return targets.filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('//'));
}

/** The anchors GitHub makes for a file's headings. */
function headingSlugs(text: string): Set<string> {
  const slugs = new Set<string>();
  const counts = new Map<string, number>();
  for (const match of text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = match[1]!
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[`*]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const seen = counts.get(base) ?? 0;
    counts.set(base, seen + 1);
    slugs.add(seen ? `${base}-${seen}` : base);
  }
  return slugs;
}
