// Detects which export columns hold the text, engagement, time, author and thread of each item.
import type { ColumnMap } from '../types.js';
import { InputError } from '../errors.js';

export interface ColumnOverrides {
  text?: string;
  engagement?: string;
  time?: string;
}

// Candidate names in order of preference, compared after lowercasing and dropping non-alphanumerics.
const CANDIDATES: Record<keyof ColumnMap, string[]> = {
  text: ['body', 'text', 'comment', 'commenttext', 'commentbody', 'message', 'messagetext', 'textoriginal', 'content', 'selftext', 'raw', 'postraw', 'posttext', 'fulltext', 'tweettext', 'textdisplay', 'description'],
  engagement: ['score', 'ups', 'upvotes', 'upvotecount', 'likes', 'likecount', 'favoritecount', 'reactions', 'reactioncount', 'reactionscount', 'points', 'votes', 'votecount', 'replies', 'replycount'],
  time: ['createdutc', 'createdat', 'created', 'createdtime', 'creationdate', 'date', 'timestamp', 'time', 'commentcreatetimestamp', 'publishedat', 'postedat'],
  author: ['author', 'username', 'user', 'authorname', 'authordisplayname', 'owneruserid', 'by', 'from'],
  thread: ['threadid', 'postid', 'linkid', 'storyid', 'topicid', 'submissionid', 'videoid', 'discussionid', 'thread', 'link'],
  id: ['id', 'commentid', 'messageid'],
  parent: ['parentid', 'parentcommentid', 'parent', 'inreplyto'],
};

const squash = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

function find(columns: readonly string[], wanted: string[]): string | null {
  const byKey = new Map<string, string>();
  for (const c of columns) if (!byKey.has(squash(c))) byKey.set(squash(c), c);
  for (const w of wanted) {
    const hit = byKey.get(w);
    if (hit !== undefined) return hit;
  }
  return null;
}

function pick(columns: readonly string[], override: string | undefined, flag: string): string | null {
  if (override === undefined) return null;
  if (columns.includes(override)) return override;
  const loose = find(columns, [squash(override)]);
  if (loose) return loose;
  throw new InputError(`column '${override}' given by ${flag} is not in the export (columns: ${listColumns(columns)})`);
}

export function listColumns(columns: readonly string[]): string {
  const shown = columns.slice(0, 20).map((c) => JSON.stringify(c)).join(', ');
  return columns.length > 20 ? `${shown}, … ${columns.length - 20} more` : shown || 'none';
}

/**
 * Read as the text only when no column of CANDIDATES.text is there: a title-only export (Hacker News stories, a
 * list of post titles) is a community of titles, not an error.
 */
const TITLE_CANDIDATES = ['title', 'headline', 'subject', 'storytitle', 'posttitle'];

export function detectColumns(columns: readonly string[], overrides: ColumnOverrides = {}): ColumnMap {
  const text = pick(columns, overrides.text, '--text-column') ?? find(columns, CANDIDATES.text) ?? find(columns, TITLE_CANDIDATES);
  if (!text) {
    throw new InputError(
      `no text column found in the export (columns: ${listColumns(columns)})`,
      'name the column that holds the comment text with --text-column NAME',
    );
  }
  const exclude = (c: string | null): string | null => (c === text ? null : c);
  return {
    text,
    engagement: exclude(pick(columns, overrides.engagement, '--score-column') ?? find(columns, CANDIDATES.engagement)),
    time: exclude(pick(columns, overrides.time, '--time-column') ?? find(columns, CANDIDATES.time)),
    author: exclude(find(columns, CANDIDATES.author)),
    thread: exclude(find(columns, CANDIDATES.thread)),
    id: exclude(find(columns, CANDIDATES.id)),
    parent: exclude(find(columns, CANDIDATES.parent)),
  };
}

/** Reads an engagement value: numbers, numeric strings ("1,204", "3.2k"); null when absent or not a number. */
export function parseEngagement(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase().replace(/,/g, '');
  const m = /^(-?\d+(?:\.\d+)?)([km]?)$/.exec(v);
  if (!m) return null;
  return Number(m[1]) * (m[2] === 'k' ? 1e3 : m[2] === 'm' ? 1e6 : 1);
}

/** Reads a time value into epoch milliseconds: epoch seconds or ms, or a date string; null otherwise. */
export function parseTime(value: unknown): number | null {
  if (typeof value === 'number' || (typeof value === 'string' && /^\s*\d{9,13}(\.\d+)?\s*$/.test(value))) {
    const n = Number(value);
    if (!Number.isFinite(n)) return null;
    return n < 1e11 ? Math.round(n * 1000) : Math.round(n);
  }
  if (typeof value !== 'string' || value.trim() === '') return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}
