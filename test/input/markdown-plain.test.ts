import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fastMarkdownToPlain } from '../../src/input/markdown-plain.js';
import { defuseMarkup, micromarkToPlain, parseDraft, splitFrontMatter } from '../../src/input/read-draft.js';

/** A draft's body as parseDraft reads it: front matter blanked to empty lines. */
const body = (text: string): string => defuseMarkup(splitFrontMatter(text, 'draft').body);

describe('fastMarkdownToPlain', () => {
  it('reads every fixture draft, exactly as micromark does', () => {
    const drafts = readdirSync('fixtures/drafts').filter((f) => f.endsWith('.md'));
    expect(drafts.length).toBeGreaterThanOrEqual(3);
    for (const f of drafts) {
      const md = body(readFileSync(`fixtures/drafts/${f}`, 'utf8'));
      expect(fastMarkdownToPlain(md), f).toEqual(micromarkToPlain(md));
    }
  });

  // Each answered, and as micromark answers: where text nodes start decides every reported line and column.
  const sameAsMicromark: [string, string][] = [
    ['emphasis and strong', 'I fed the *levain* and **then** waited __a__ _b_ ***c***'],
    ['`_` inside a word is text', 'snake_case_word and _em_ and 2*3*4'],
    ['runs between a matched pair are resolved again with their new lengths', '__**a****a*_'],
    ['rule of 3', '*a**b* and **a*b** and *a***b*'],
    ['astral emoji next to a run are neither space nor punctuation', 'a 😀*b*😀 and ★*c*★ and 👍🏽_d_'],
    ['a dropped trailing space: the next text node starts at the line ending', '*foo* \nbar'],
    ['two trailing spaces: a hard break', 'foo  \nbar'],
    ['a backslash hard break keeps the space before it', 'foo \\\nbar'],
    ['continuation lines lose their indentation', 'foo\n     bar\n baz'],
    ['an escape is text that starts at the backslash', '\\*not emphasis\\* and a \\b backslash'],
    ['code spans: backtick runs of the same length', 'a `code` b ``x ` y`` c `unclosed and ``` d'],
    ['a code span hides a bracket inside a link', '[a `]` b](https://x.y/z) after'],
    ['links keep their text, images are skipped', 'see [the *write-up*](https://example.com/a_b) and ![alt *x*](p.png)!'],
    ['ATX headings and their closing sequences', '# foo #\n## bar#\n### ###\n#\n####### not a heading'],
    ['a heading gets a full stop unless the text ends with one', 'a.\n\n#\n\n# b?\n\n# c'],
    ['flat lists with continuation and lazy lines', '- one\n  more\nlazy\n- two\n\n  para in item\n\n1. a\n2. b\n10) c\n- d\n* e'],
    ['an ordered item other than 1 does not interrupt a paragraph', 'a\n2. b\n\nc\n1. d'],
    ['after indented code, "2." is paragraph text (micromark)', '    code\n2. a'],
    ['fenced code, closed by a longer fence, and unclosed', 'a\n```js\nx *y*\n````\nb\n~~~\nrest'],
    ['thematic breaks', 'a\n***\nb\n\n- - -\n___'],
    ['Unicode and lone punctuation', 'Crumb ☕ 日本語 e\u0301 — « quotes » <3 & 5 > 4! #tag'],
  ];
  for (const [what, md] of sameAsMicromark) {
    it(what, () => {
      const fast = fastMarkdownToPlain(md);
      expect(fast).toBeDefined();
      expect(fast).toEqual(micromarkToPlain(md));
    });
  }

  // Outside the subset: left to micromark.
  const bails: [string, string][] = [
    ['block quote', '> quoted'],
    ['setext heading', 'title\n---'],
    ['setext heading (=)', 'title\n==='],
    ['HTML', 'a <b>bold</b> word'],
    ['autolink', 'see <https://x.y>'],
    ['email autolink', 'mail <a@b.co>'],
    ['character reference', 'fish &amp; chips'],
    ['numeric character reference', 'x &#35; y'],
    ['reference link', '[ref] and [a][b]'],
    ['link reference definition', '[a]: https://x.y'],
    ['link with a title', '[a](https://x.y "t")'],
    ['link with a space in its destination', '[a](b c)'],
    ['link text over two lines', '[a\nb](c)'],
    ['nested list', '- a\n  - b'],
    ['empty list item', '-\n'],
    ['code in a list item', '- a\n\n      code'],
    ['tab', 'a\tb'],
    ['carriage return', 'a\r\nb'],
  ];
  for (const [what, md] of bails) {
    it(`leaves to micromark: ${what}`, () => {
      expect(fastMarkdownToPlain(md)).toBeUndefined();
    });
  }

  it('parseDraft still reads what only micromark reads', () => {
    const doc = parseDraft('> Quoted *crumb* talk.\n\nfish &amp; chips tonight.', 'q.md', true);
    expect(doc.sentences.map((s) => [s.text, s.line, s.column])).toEqual([
      ['Quoted crumb talk.', 1, 3],
      ['fish & chips tonight.', 3, 1],
    ]);
  });
});
