// Words that forums and social sites make every community write, whatever it is about: markup of the platform
// ("edit:", "[pic]", "x-post"), its furniture ("wiki", "megathread", "flair", "mods") and link debris ("imgur",
// "https"). They say where a text was posted, not what its community talks about, so they are never listed as a
// community's distinctive vocabulary. Chosen by hand from Reddit, Discourse and Hacker News conventions.
import { stem } from '../text/stem.js';

export const PLATFORM_WORDS: readonly string[] = [
  'post', 'posts', 'posted', 'posting', 'repost', 'crosspost', 'xpost', 'edit', 'edited', 'edits', 'update', 'updated',
  'pic', 'pics', 'picture', 'photo', 'photos', 'image', 'imgur', 'gallery', 'album', 'video', 'link', 'links',
  'wiki', 'faq', 'megathread', 'thread', 'threads', 'sub', 'subreddit', 'reddit', 'redditor', 'mod', 'mods',
  'moderator', 'moderators', 'flair', 'upvote', 'upvotes', 'upvoted', 'downvote', 'downvotes', 'downvoted', 'karma',
  'op', 'tldr', 'tl', 'dr', 'eli5', 'ama', 'http', 'https', 'www', 'com', 'html', 'amp', 'nbsp', 'deleted', 'removed',
  'comment', 'comments', 'reply', 'replies', 'weekly', 'daily', 'monthly',
];

let stems: ReadonlySet<string> | undefined;

/** A stem of one of PLATFORM_WORDS. */
export function isPlatformStem(s: string): boolean {
  return (stems ??= new Set(PLATFORM_WORDS.map((w) => stem(w)))).has(s);
}
