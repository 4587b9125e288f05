import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/formatters/github.js';
import type { Report } from '../../src/report/report-types.js';

const report = (source: string, weakText: string): Report =>
  ({
    schemaVersion: 1,
    draft: { source, title: null, date: null, channel: null, words: 10, sentences: 2, language: { code: 'eng', name: 'English', english: true } },
    community: {} as Report['community'],
    overall: { score: 42, band: 'weak', sentence: 'Weak: 100% sure\r\nnot.', weights: {} },
    dimensions: [{ id: 'language', label: 'Community language', score: 42, raw: 0, summary: '', evidence: [], suggestions: [] }],
    highlights: { strongest: [], weakest: [{ line: 3, column: 2, text: weakText, languageFit: 0, emotion: 0, words: ['x'], why: 'least community-like words: x' }] },
    suggestions: [{ id: 's', text: 'Do this', priority: 1, line: 5 }, { id: 't', text: 'No line', priority: 0.5 }],
    notes: [],
    notice: '',
  }) as Report;

describe('GitHub workflow commands', () => {
  it('escapes data and properties by the runner rules', () => {
    expect(escapeData('50% a\r\nb')).toBe('50%25 a%0D%0Ab');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('puts warnings on the weakest sentences and an error when the gate fails', () => {
    const out = formatGithub(report('posts/a,b.md', 'Buy now\u001b[2J ::error::x'), {}, { failUnder: 60, passed: false }).split('\n');
    expect(out[0]).toBe('::notice file=posts/a%2Cb.md,title=resonate::Resonance 42/100 (weak): community language 42. Weak: 100%25 sure not.');
    expect(out[1]).toBe('::warning file=posts/a%2Cb.md,line=3,col=2,title=resonate%3A least resonant sentence::"Buy now ::error::x" (least community-like words: x)');
    expect(out[2]).toBe('::notice file=posts/a%2Cb.md,line=5,title=resonate%3A suggestion::Do this');
    // A suggestion without a line still reaches the pull request, as a notice on the file.
    expect(out[3]).toBe('::notice file=posts/a%2Cb.md,title=resonate%3A suggestion::No line');
    expect(out[4]).toBe('::error file=posts/a%2Cb.md,title=resonate%3A below --fail-under::Overall resonance 42 is below the required 60.');
    expect(out).toHaveLength(6);
  });

  it('leaves out the file for standard input and the error when the gate passes', () => {
    const out = formatGithub(report('<stdin>', 'A sentence here.'), {}, { failUnder: 10, passed: true });
    expect(out).not.toMatch(/file=/);
    expect(out).not.toMatch(/::error/);
  });
});
