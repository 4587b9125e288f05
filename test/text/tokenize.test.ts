import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/text/tokenize.js';
import { splitSentences } from '../../src/text/sentences.js';

describe('tokenize', () => {
  it('keeps accented letters and inner apostrophes, straight or curly', () => {
    const t = tokenize('Café naïve don’t isn\'t');
    expect(t.map((x) => x.norm)).toEqual(['café', 'naïve', "don't", "isn't"]);
  });
  it('separates hashtags, mentions, numbers and emoji, and drops URLs', () => {
    const t = tokenize('Fed at 1:5:5 #sourdough @ana see https://x.example/a?b=1 🍞🙌🏽 #9');
    expect(t.map((x) => `${x.kind}:${x.norm}`)).toEqual([
      'word:fed', 'word:at', 'number:1:5:5', 'hashtag:#sourdough', 'mention:@ana', 'word:see', 'emoji:🍞', 'emoji:🙌', 'number:9',
    ]);
  });
  it('stems words and strips possessives for matching', () => {
    const t = tokenize("baker's loaves rising");
    expect(t.map((x) => x.stem)).toEqual(['baker', 'loav', 'rise']);
  });
  it('reports offsets into the input', () => {
    const text = 'a crumb';
    const [, crumb] = tokenize(text);
    expect(text.slice(crumb.start, crumb.end)).toBe('crumb');
  });
  it('stays linear on a megabyte without spaces', () => {
    const text = 'a'.repeat(1_000_000);
    expect(tokenize(text)).toEqual([]); // one 1M-letter "word" is not language
  });
});

describe('splitSentences', () => {
  const split = (s: string): string[] => splitSentences(s).map((sp) => s.slice(sp.start, sp.end));
  it('survives abbreviations, decimals and initials', () => {
    expect(split('Dr. Smith fed it at 3.5 p.m. and waited. J. R. baked too.')).toEqual(['Dr. Smith fed it at 3.5 p.m. and waited.', 'J. R. baked too.']);
  });
  it('keeps an ellipsis followed by lowercase inside the sentence', () => {
    expect(split('I waited... it rose! Did it double? Yes 🙌 it did.')).toEqual(['I waited... it rose!', 'Did it double?', 'Yes 🙌 it did.']);
  });
  it('breaks at blank lines and list items', () => {
    expect(split('Intro line\n\n- first item\n- second item')).toEqual(['Intro line', '- first item', '- second item']);
  });
});
