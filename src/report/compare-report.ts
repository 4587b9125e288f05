// Two drafts against one community, side by side: each dimension, the winner, and why (the community's
// distinctive terms, emotions and conversation cues that differ between them).
import type { CueId, Document, EmotionId } from '../types.js';
import type { CommunityModel } from '../community/model.js';
import { EMOTIONS } from '../lexicons/index.js';
import { CUES } from '../text/measure.js';
import { CUE_LABELS, cueRate, HABIT_MIN_RATE } from '../analyzers/conversation.js';
import { targetMix } from '../analyzers/emotion.js';
import type { Band, Report } from './report-types.js';
import { pct } from '../wording.js';

export type Side = 'a' | 'b';

export interface CompareDraft {
  source: string;
  title: string | null;
  overall: number | null;
  band: Band | null;
  words: number;
}

export interface CompareDimension {
  id: string;
  label: string;
  a: number | null;
  b: number | null;
  /** b − a (null when either is not scored). */
  difference: number | null;
  leader: Side | 'tie' | null;
}

export interface CompareReport {
  schemaVersion: 1;
  a: CompareDraft;
  b: CompareDraft;
  /** The draft with the higher overall score; 'tie' when equal; null when neither has one. */
  winner: Side | 'tie' | null;
  margin: number | null;
  dimensions: CompareDimension[];
  why: {
    /** Sentences that explain the difference, most telling first. */
    reasons: string[];
    /** The community's most distinctive terms that only one of the drafts uses. */
    terms: { onlyA: string[]; onlyB: string[] };
    /** Emotion words per 100 words where the drafts differ; `community` is the emotion's share of the mix the community engages with. */
    emotions: { emotion: EmotionId; a: number; b: number; community: number }[];
    /** Share of sentences showing each conversation cue where the drafts differ; `community` is the community's rate. */
    cues: { cue: CueId; label: string; a: number; b: number; community: number }[];
  };
  reports: { a: Report; b: Report };
}

/** How many of the community's most distinctive terms are considered (as in the language dimension's evidence). */
const DISTINCTIVE = 50;
const TERMS_SHOWN = 8;
const MIN_EMOTION_GAP = 0.3;
const MIN_CUE_GAP = 0.05;

const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

export function buildCompareReport(docA: Document, docB: Document, ra: Report, rb: Report, model: CommunityModel): CompareReport {
  const dimensions: CompareDimension[] = ra.dimensions.map((d) => {
    const a = d.score;
    const b = rb.dimensions.find((x) => x.id === d.id)?.score ?? null;
    return { id: d.id, label: d.label, a, b, difference: a === null || b === null ? null : b - a, leader: leaderOf(a, b) };
  });
  const winner = leaderOf(ra.overall.score, rb.overall.score);
  const margin = ra.overall.score === null || rb.overall.score === null ? null : Math.abs(ra.overall.score - rb.overall.score);

  const stemsOf = (doc: Document): Set<string> => new Set(doc.sentences.flatMap((s) => s.tokens.map((t) => t.stem)));
  const sa = stemsOf(docA);
  const sb = stemsOf(docB);
  const top = model.distinctive.slice(0, DISTINCTIVE);
  const onlyA = top.filter((t) => sa.has(t.stem) && !sb.has(t.stem)).map((t) => t.term);
  const onlyB = top.filter((t) => sb.has(t.stem) && !sa.has(t.stem)).map((t) => t.term);

  const target = targetMix(model);
  const targetTotal = EMOTIONS.reduce((s, e) => s + target[e], 0) || 1;
  const per100 = (doc: Document, e: EmotionId): number => (doc.stats.tokens ? (100 * doc.stats.emotions[e]) / doc.stats.tokens : 0);
  const emotions = EMOTIONS.map((e) => ({ emotion: e, a: round(per100(docA, e)), b: round(per100(docB, e)), community: round(target[e] / targetTotal) }))
    .filter((x) => Math.abs(x.a - x.b) >= MIN_EMOTION_GAP)
    .sort((x, y) => Math.abs(y.a - y.b) - Math.abs(x.a - x.b) || EMOTIONS.indexOf(x.emotion) - EMOTIONS.indexOf(y.emotion));
  const cues = CUES.map((c) => ({ cue: c, label: CUE_LABELS[c], a: round(cueRate(docA.stats, c)), b: round(cueRate(docB.stats, c)), community: round(cueRate(model.stats, c)) }))
    .filter((x) => Math.abs(x.a - x.b) >= MIN_CUE_GAP)
    .sort((x, y) => Math.abs(y.a - y.b) - Math.abs(x.a - x.b) || CUES.indexOf(x.cue) - CUES.indexOf(y.cue));

  return {
    schemaVersion: 1,
    a: sideOf(ra),
    b: sideOf(rb),
    winner,
    margin,
    dimensions,
    why: { reasons: reasons(winner, dimensions, onlyA, onlyB, emotions, cues), terms: { onlyA: onlyA.slice(0, TERMS_SHOWN * 2), onlyB: onlyB.slice(0, TERMS_SHOWN * 2) }, emotions, cues },
    reports: { a: ra, b: rb },
  };
}

function leaderOf(a: number | null, b: number | null): Side | 'tie' | null {
  if (a === null && b === null) return null;
  if (a === null) return 'b';
  if (b === null) return 'a';
  return a > b ? 'a' : b > a ? 'b' : 'tie';
}

function sideOf(r: Report): CompareDraft {
  return { source: r.draft.source, title: r.draft.title, overall: r.overall.score, band: r.overall.band, words: r.draft.words };
}

const NAME: Record<Side, string> = { a: 'A', b: 'B' };
const other = (s: Side): Side => (s === 'a' ? 'b' : 'a');
const list = (terms: string[]): string => terms.slice(0, TERMS_SHOWN).map((t) => `"${t}"`).join(', ') + (terms.length > TERMS_SHOWN ? ', …' : '');

function reasons(
  winner: Side | 'tie' | null,
  dims: CompareDimension[],
  onlyA: string[],
  onlyB: string[],
  emotions: CompareReport['why']['emotions'],
  cues: CompareReport['why']['cues'],
): string[] {
  const out: string[] = [];
  // Lead with the side that won (A when tied), so the first reasons explain the verdict.
  const first: Side = winner === 'b' ? 'b' : 'a';
  for (const side of [first, other(first)]) {
    const led = dims
      .filter((d) => d.leader === side && d.a !== null && d.b !== null)
      .sort((x, y) => Math.abs(y.difference!) - Math.abs(x.difference!) || (x.id < y.id ? -1 : 1));
    if (led.length) out.push(`${NAME[side]} leads on ${led.map((d) => `${d.label.toLowerCase()} (${d[side]} vs ${d[other(side)]})`).join(', ')}.`);
  }
  for (const side of [first, other(first)]) {
    const only = side === 'a' ? onlyA : onlyB;
    if (only.length) {
      out.push(`${NAME[side]} uses ${only.length} of the community's most distinctive terms that ${NAME[other(side)]} does not: ${list(only)}.`);
    }
  }
  for (const e of emotions.slice(0, 3)) {
    const more: Side = e.a > e.b ? 'a' : 'b';
    out.push(
      `${NAME[more]} carries more ${e.emotion} (${e[more]} vs ${e[other(more)]} emotion words per 100 words); ${e.emotion} is ${pct(e.community)} of the emotion in what this community engages with.`,
    );
  }
  for (const c of cues.slice(0, 3)) {
    const more: Side = c.a > c.b ? 'a' : 'b';
    const habit = c.community >= HABIT_MIN_RATE ? `the community: ${pct(c.community)}` : 'the community rarely does this';
    out.push(`${NAME[more]} has more ${c.label}: ${pct(c[more])} of its sentences vs ${pct(c[other(more)])} (${habit}).`);
  }
  if (out.length === 0) out.push('The two drafts read almost the same against this community.');
  return out;
}
