// The data that crosses module lines: read → profile → analyze → report → format.

export type TokenKind = 'word' | 'hashtag' | 'mention' | 'number' | 'emoji';

export interface Token {
  /** Lowercased surface form, quotes straightened. */
  norm: string;
  /** Porter stem for words; the norm itself for hashtags and emoji; '@' / '#' for mentions / numbers. */
  stem: string;
  kind: TokenKind;
  /** Offsets into the text the tokenizer was given. */
  start: number;
  end: number;
  /** For words, what every token of the word shares; null for the other kinds. */
  word: WordShared | null;
}

/** Made once per distinct word by the tokenizer and handed to each of its tokens. */
export interface WordShared {
  readonly norm: string;
  readonly stem: string;
  /** The word's emotions and cue flags, filled when first measured: per-word work without a lookup by string. */
  cues: WordCues | undefined;
  /**
   * Where one counter keeps this word's counts (the profile build's StemCounts: an index into its surface forms),
   * valid while `slotOwner` is that counter's tag: the word's counts are found without a lookup by string.
   */
  slot: number;
  slotOwner: object | null;
}

export interface WordCues {
  emotions: readonly EmotionId[] | undefined;
  flags: number;
}

export type EmotionId = 'joy' | 'trust' | 'anticipation' | 'surprise' | 'anger' | 'fear' | 'sadness' | 'disgust' | 'awe';
export type CueId = 'question' | 'secondPerson' | 'inclusiveWe' | 'invitation' | 'story';

/** Additive measurements of one text; sums of these describe any bundle of texts. */
export interface TextStats {
  sentences: number;
  /** Word, hashtag and emoji tokens (the language-model tokens). */
  tokens: number;
  /** AFINN score summed over the text (negation-aware). */
  valence: number;
  /** Lexicon hits per emotion. */
  emotions: Record<EmotionId, number>;
  /** Sentences showing each conversation cue. */
  cues: Record<CueId, number>;
}

export interface Sentence {
  index: number;
  text: string;
  /** 1-based position of the sentence's first character in the source file. */
  line: number;
  column: number;
  tokens: Token[];
  /** 1-based file position of the token at `tokenIndex` in `tokens` (worked out when asked: few are). */
  positionOf(tokenIndex: number): { line: number; column: number };
  stats: TextStats;
}

export interface FrontMatter {
  title?: string;
  date?: string;
  channel?: string;
  tags?: string[];
}

export interface Document {
  /** File path as given, or '-' for stdin. */
  source: string;
  frontMatter: FrontMatter;
  /** Plain text: markdown syntax, code and URLs removed; headings and list items kept as sentences. */
  text: string;
  sentences: Sentence[];
  stats: TextStats;
}

/** Column names chosen in an export (null when absent). */
export interface ColumnMap {
  text: string;
  engagement: string | null;
  time: string | null;
  author: string | null;
  thread: string | null;
  id: string | null;
  parent: string | null;
}

export type SkipReason = 'empty' | 'duplicate' | 'deleted' | 'bot' | 'malformed' | 'outOfRange';

export interface SourceSummary {
  name: string;
  rows: number;
  sha256: string;
}

export interface EvidenceItem {
  /** Stable id of the kind of finding, e.g. 'term-used', 'off-vocabulary', 'sentence'. */
  kind: string;
  text: string;
  /** Where in the draft, when the finding points at the draft (1-based). */
  line?: number;
  column?: number;
  /** A number behind the finding (a rate, a z-score, a count), with its meaning in `text`. */
  value?: number;
}

export interface Suggestion {
  id: string;
  text: string;
  /** Expected gain, used only to order suggestions across dimensions. */
  priority: number;
  line?: number;
}

/** What a draft's raw measure was compared with to make it a percentile: the community's items of similar length. */
export interface Comparison {
  /** How many of the community's (sample) items. */
  items: number;
  /** Their shortest and longest length in words. */
  minWords: number;
  maxWords: number;
  /** The community has too few items near the draft's length: the nearest ones were taken instead. */
  widened: boolean;
  /** One line for the report: "compared with 214 of this community's items of 150-400 words". */
  text: string;
}

export interface DimensionResult {
  id: string;
  label: string;
  /** 0–100, the draft's percentile among the community's own items of similar length; null when not computable. */
  score: number | null;
  /**
   * The same percentile unrounded (null with score): beyond the community's lowest or highest item it keeps
   * ordering texts that `score` shows as 0 or 100.
   */
  percentile?: number | null;
  /** What the score was compared with (absent when the score is null). */
  comparedWith?: Comparison;
  /** The raw measurement that the score calibrates (null with score). */
  raw: number | null;
  /** Why the score is null. */
  reason?: string;
  summary: string;
  evidence: EvidenceItem[];
  suggestions: Suggestion[];
}

/** One draft of a batch: where it came from and the plan a calendar gives it (title, date, channel). */
export interface BatchDraftInfo {
  /** 1-based position in the input order. */
  input: number;
  id: string | null;
  title: string | null;
  date: string | null;
  channel: string | null;
  /** What the draft is called in reports: a file path, or `calendar.csv#id`. */
  source: string;
}
