import { describe, expect, it } from 'vitest';
import { parseDraft } from '../../src/input/read-draft.js';
import { InputError } from '../../src/errors.js';

const md = `---
title: My loaf
date: 2025-03-01
tags: [bread, crumb]
---
# Finally an ear

I fed the *levain* at 8. It doubled by noon!

\`\`\`
code that must not count
\`\`\`

- Bulk for 6 hours
- Shape and [retard](https://example.com/retard)
`;

describe('parseDraft', () => {
  const doc = parseDraft(md, 'post.md', true);
  it('reads front matter', () => {
    expect(doc.frontMatter).toEqual({ title: 'My loaf', date: '2025-03-01', tags: ['bread', 'crumb'] });
  });
  it('keeps headings and list items as sentences, drops code and URLs', () => {
    expect(doc.sentences.map((s) => s.text)).toEqual(['Finally an ear.', 'I fed the levain at 8.', 'It doubled by noon!', 'Bulk for 6 hours', 'Shape and retard']);
    expect(doc.text).not.toContain('code that');
    expect(doc.text).not.toContain('example.com');
  });
  it('points sentences at their line and column in the file', () => {
    expect(doc.sentences.map((s) => [s.line, s.column])).toEqual([[6, 3], [8, 1], [8, 26], [14, 3], [15, 3]]);
  });
  it('points tokens at their position in the file', () => {
    const s = doc.sentences[1];
    const i = s.tokens.findIndex((t) => t.norm === 'levain');
    expect(s.positionOf(i)).toEqual({ line: 8, column: 12 });
  });
  it('refuses a draft without prose', () => {
    expect(() => parseDraft('---\ntitle: x\n---\n```\ncode\n```\n', 'x.md', true)).toThrow(InputError);
  });
  it('reads .txt as plain text', () => {
    const t = parseDraft('# not a heading\nhello there.', 'x.txt', false);
    expect(t.sentences[0].text).toBe('# not a heading\nhello there.');
  });
});

describe('simpleFrontMatter', async () => {
  const { simpleFrontMatter } = await import('../../src/input/read-draft.js');
  const { parse } = await import('yaml');
  const cases = [
    'title: "Six weeks, and then: this crumb"\ndate: 2025-06-24\ntags: [a, b-c, d]',
    "title: plain words\nchannel: 'blog'\ntags:\n  - one\n  - two\n# comment\n",
    'title: x # trailing comment\ntags: []',
  ];
  it('reads flat front matter exactly as the YAML library does', () => {
    for (const c of cases) expect(simpleFrontMatter(c)).toEqual(parse(c));
  });
  it('hands anything else to the YAML library', () => {
    for (const c of ['title: |\n  multi\n  line', 'meta:\n  nested: 1', 'title: "a \\" quote"', 'a: &x 1\nb: *x']) expect(simpleFrontMatter(c)).toBeUndefined();
  });
});
