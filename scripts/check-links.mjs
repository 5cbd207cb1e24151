#!/usr/bin/env node
// Part of `npm run lint`: every relative link in the repository's Markdown (README.md, docs/, …)
// and every `docs/….md` path a file cites must name a file that exists, so a renamed or deleted
// document breaks the build instead of a newcomer's reading. Offline: nothing is fetched, and
// links with a scheme (https:, mailto:) are left alone.
// Usage: node scripts/check-links.mjs   (checks the files git knows, tracked or not ignored)
import MarkdownIt from 'markdown-it';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Files whose text may cite `docs/….md` (comments, strings, prose). */
const CITING = /\.(md|ts|tsx|mts|cts|js|mjs|cjs|css|html|ya?ml)$/;
/** A repository path to a document: `docs/…/name.md`, not part of a longer path or word. */
const CITED_DOC = /(?<![\w./-])docs\/[\w./-]*?\.md(?![\w-])/g;
const SCHEME = /^[a-z][a-z\d+.-]*:/i;

const markdown = new MarkdownIt({ html: false });

/** Link and image targets of a Markdown text, each with its line (1-based). */
export function markdownTargets(text) {
  const found = [];
  const visit = (tokens, line) => {
    for (const token of tokens) {
      const at = token.map ? token.map[0] + 1 : line;
      if (token.type === 'link_open') found.push({ target: token.attrGet('href'), line: at });
      if (token.type === 'image') found.push({ target: token.attrGet('src'), line: at });
      if (token.children) visit(token.children, at);
    }
  };
  visit(markdown.parse(text, {}), 1);
  return found;
}

/** `docs/….md` paths cited in a text, each with its line (1-based). */
export function citedDocs(text) {
  const found = [];
  text.split('\n').forEach((content, index) => {
    for (const match of content.matchAll(CITED_DOC)) found.push({ target: match[0], line: index + 1 });
  });
  return found;
}

/**
 * The broken links of `files` (paths relative to `root`): `{ file, line, target }` for each
 * relative Markdown link whose file does not exist (resolved from the linking file's folder; a
 * leading `/` from the root), and for each cited `docs/….md` (resolved from the root) that does not.
 */
export function findBrokenLinks(root, files) {
  const broken = [];
  const seen = new Set();
  const report = (file, line, target) => {
    const key = `${file}:${line}:${target}`;
    if (!seen.has(key)) broken.push({ file, line, target });
    seen.add(key);
  };
  for (const file of files) {
    if (!CITING.test(file)) continue;
    const path = join(root, file);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    if (file.endsWith('.md')) {
      for (const { target, line } of markdownTargets(text)) {
        if (!target || SCHEME.test(target) || target.startsWith('#') || target.startsWith('//')) continue;
        const pathPart = decodeURIComponent(target.replace(/[?#].*$/, ''));
        const resolved = pathPart.startsWith('/') ? join(root, pathPart) : resolve(dirname(path), pathPart);
        if (!existsSync(resolved)) report(file, line, target);
      }
    }
    for (const { target, line } of citedDocs(text)) {
      if (!existsSync(join(root, target))) report(file, line, target);
    }
  }
  return broken;
}

/** The files git would commit: tracked, plus new ones that are not ignored. */
function repositoryFiles(root) {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...new Set(out.split('\0').filter(Boolean))];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const broken = findBrokenLinks(root, repositoryFiles(root));
  for (const { file, line, target } of broken) {
    console.error(`${relative(process.cwd(), join(root, file))}:${line}: no such file: ${target}`);
  }
  if (broken.length) {
    console.error(`${broken.length} broken link${broken.length === 1 ? '' : 's'}`);
    process.exit(1);
  }
  console.log('Links: every relative link and cited docs/ path names an existing file.');
}
