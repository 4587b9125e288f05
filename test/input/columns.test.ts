import { describe, expect, it } from 'vitest';
import { detectColumns, parseEngagement, parseTime } from '../../src/input/columns.js';

describe('detectColumns', () => {
  it('finds common names regardless of case and punctuation', () => {
    const c = detectColumns(['Comment ID', 'Comment Text', 'Like Count', 'Published At', 'Author', 'post_id', 'parent_id']);
    expect(c).toMatchObject({ text: 'Comment Text', engagement: 'Like Count', time: 'Published At', author: 'Author', thread: 'post_id', parent: 'parent_id', id: 'Comment ID' });
  });
  it('honours overrides and names the columns it found when none fits', () => {
    expect(detectColumns(['a', 'b'], { text: 'b' }).text).toBe('b');
    expect(() => detectColumns(['a', 'b'])).toThrow(/no text column found in the export \(columns: "a", "b"\)/);
    expect(() => detectColumns(['a'], { text: 'zz' })).toThrow(/--text-column/);
  });
});

describe('value parsing', () => {
  it('reads engagement numbers', () => {
    expect([parseEngagement('1,204'), parseEngagement('3.2k'), parseEngagement(7), parseEngagement('n/a')]).toEqual([1204, 3200, 7, null]);
  });
  it('reads epoch seconds, milliseconds and ISO dates', () => {
    expect(parseTime('1700000000')).toBe(1_700_000_000_000);
    expect(parseTime(1_700_000_000_000)).toBe(1_700_000_000_000);
    expect(parseTime('2024-01-06T16:42:00Z')).toBe(Date.UTC(2024, 0, 6, 16, 42));
    expect(parseTime('soon')).toBeNull();
  });
});

describe('platform exports', async () => {
  const { textOf } = await import('../../src/community/build-profile.js');
  it('joins the JSON text segments of YouTube Takeout comments, and leaves other text alone', () => {
    expect(textOf('{"text":"Great "},{"text":"@ana","mention":{"id":"x"}},{"text":" video"}')).toBe('Great @ana video');
    expect(textOf('{"text": broken')).toBe('{"text": broken');
    expect(textOf('plain text')).toBe('plain text');
    expect(textOf(42)).toBe('42');
  });
  it('detects Discourse and X/Twitter column names', () => {
    expect(detectColumns(['topic_title', 'post_raw', 'post_cooked', 'like_count', 'reply_count', 'created_at'])).toMatchObject({ text: 'post_raw', engagement: 'like_count', time: 'created_at' });
    expect(detectColumns(['id', 'full_text', 'favorite_count', 'retweet_count', 'created_at'])).toMatchObject({ text: 'full_text', engagement: 'favorite_count' });
  });
});

describe('HTML in community text', async () => {
  const { stripMarkup } = await import('../../src/text/normalize.js');
  it('turns tags into spaces and sentence breaks, and decodes entities', () => {
    expect(stripMarkup('<p>It&#x27;s the <i>crumb</i> &amp; the crust.<p>Really &quot;open&quot;.</p>')).toBe("\n\nIt's the  crumb  & the crust.\n\nReally \"open\".\n\n");
    expect(stripMarkup('I <3 rye & spelt, a < b')).toBe('I <3 rye & spelt, a < b');
    expect(stripMarkup('no markup here')).toBe('no markup here');
  });
  it('detects the column names of YouTube API, Hacker News and Stack Exchange query exports', () => {
    expect(detectColumns(['authorDisplayName', 'textOriginal', 'likeCount', 'publishedAt'])).toMatchObject({ text: 'textOriginal', author: 'authorDisplayName', engagement: 'likeCount', time: 'publishedAt' });
    expect(detectColumns(['author', 'comment_text', 'points', 'story_id', 'created_at'])).toMatchObject({ text: 'comment_text', engagement: 'points', thread: 'story_id' });
    expect(detectColumns(['Id', 'Body', 'Score', 'CreationDate', 'OwnerUserId'])).toMatchObject({ text: 'Body', engagement: 'Score', time: 'CreationDate' });
  });
});
