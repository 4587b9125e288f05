import { describe, expect, it } from 'vitest';
import { readLanguage } from '../../src/text/language-check.js';

const SPANISH = 'Después de tres semanas alimentando la masa madre, por fin salió una hogaza con buena miga y una corteza crujiente.';

describe('readLanguage', () => {
  it('leaves texts under 60 letters undetermined, whatever franc would say', () => {
    // franc alone calls this French.
    expect(readLanguage('First latte art heart after 200 tries', 7, 1)).toEqual({ code: 'und', name: 'undetermined', english: null });
  });

  it('takes 20% or more English function words as English without asking franc', () => {
    expect(readLanguage(SPANISH, 10, 2).english).toBe(true);
    expect(readLanguage(SPANISH, 10, 1)).toEqual({ code: 'spa', name: 'Spanish', english: false });
  });

  it('does not count a bare link as letters of any language', () => {
    const link = 'Guy loses money http://www.example.com/news/2013-07-18/guy-walks-into-a-branch-and-loses-forty-thousand.html';
    expect(readLanguage(link, 4, 0).english).toBeNull();
  });
});
