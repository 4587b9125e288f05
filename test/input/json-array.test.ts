import { describe, expect, it } from 'vitest';
import { JsonArraySplitter, NotAnArray } from '../../src/input/json-array.js';

function split(chunks: string[], max = 1e6): string[] {
  const out: string[] = [];
  const s = new JsonArraySplitter((t) => out.push(t), max, (n) => new Error(`item ${n} too large`));
  for (const c of chunks) s.write(c);
  s.end();
  return out;
}

describe('JsonArraySplitter', () => {
  const doc = '\uFEFF [ {"a": "x, ]} \\" y", "b": [1, {"c": 2}]} , 3, "s,]", null ,{"e":{}} ]  \n';
  it('cuts a JSON array into its elements, whatever the chunking', () => {
    const whole = split([doc]);
    expect(whole.map((t) => JSON.parse(t))).toEqual([{ a: 'x, ]} " y', b: [1, { c: 2 }] }, 3, 's,]', null, { e: {} }]);
    for (const size of [1, 2, 3, 7]) {
      const chunks = doc.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g'))!;
      expect(split(chunks).map((t) => JSON.parse(t))).toEqual(whole.map((t) => JSON.parse(t)));
    }
  });
  it('handles an empty array', () => {
    expect(split(['[ ]'])).toEqual([]);
  });
  it('says when the text is not an array, is not closed, or runs on', () => {
    expect(() => split(['{"a": 1}'])).toThrow(NotAnArray);
    expect(() => split(['[{"a": 1}, {"b": '])).toThrow(/not closed/);
    expect(() => split(['[1] x'])).toThrow(/after the end/);
  });
  it('bounds the size of one element', () => {
    expect(() => split(['[{"a": "' + 'x'.repeat(100) + '"}]'], 50)).toThrow(/item 1 too large/);
  });
});
