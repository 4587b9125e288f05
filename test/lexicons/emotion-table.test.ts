// The emotion lexicon is looked up in a sorted table (src/lexicons/emotion-table.ts), not in emotion.json's object;
// the bundles read it, and the conversation lists, prebuilt.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emotionLexicon } from '../../src/lexicons/index.js';
import { emotionTable } from '../../src/lexicons/emotion-table.js';
import { conversationTable } from '../../src/lexicons/conversation-table.js';

const raw = JSON.parse(readFileSync('src/lexicons/emotion.json', 'utf8')) as { categories: unknown; terms: Record<string, string[]> };

describe('emotion lexicon table', () => {
  it('gives every term of emotion.json its emotions, and nothing for other words', () => {
    const lex = emotionLexicon();
    const terms = Object.keys(raw.terms);
    expect(terms.length).toBeGreaterThan(1000);
    for (const t of terms) expect(lex.terms.get(t), t).toEqual(raw.terms[t]);
    for (const w of ['', 'zzzz', 'constructor', '__proto__', 'toString', `${terms[0]}x`, terms[1].slice(0, -1)]) {
      expect(lex.terms.get(w), w).toEqual(Object.hasOwn(raw.terms, w) ? raw.terms[w] : undefined);
    }
    expect(lex.categories).toEqual(raw.categories);
  });

  it('the built CLI reads the same tables as the sources (dist/bundle/tables.json, written by npm run build)', () => {
    const built = JSON.parse(readFileSync('dist/bundle/tables.json', 'utf8'));
    expect(built['emotion-table'].emotionTable).toEqual(emotionTable());
    expect(built['conversation-table'].conversationTable).toEqual(conversationTable());
  });
});
