// The tokenizer as it was first written, one regular expression: the reference the scanner in src/text/tokenize.ts
// must agree with token for token.
const TOKEN = new RegExp(
  [
    String.raw`((?:https?:\/\/|www\.)[^\s<>()\[\]]{1,2048})`,
    String.raw`(#[\p{L}_][\p{L}\p{N}_]{0,99})`,
    String.raw`((?:@|\bu\/)[\p{L}\p{N}_-]{1,60})`,
    String.raw`(\p{N}+(?:[.,:\/]\p{N}+){0,10}%?)`,
    String.raw`(\p{L}[\p{L}\p{M}]*(?:['’][\p{L}\p{M}]+)*)`,
    String.raw`(\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic}\uFE0F?)*|[\u{1F1E6}-\u{1F1FF}]{2})`,
  ].join('|'),
  'gu',
);

/** Kind, surface text and offsets of each token the regular expression finds (URLs dropped, words up to 60). */
export function regexTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const kind = m[5] !== undefined ? 'word' : m[2] !== undefined ? 'hashtag' : m[3] !== undefined ? 'mention' : m[4] !== undefined ? 'number' : m[6] !== undefined ? 'emoji' : 'url';
    if (kind === 'url' || (kind === 'word' && m[0].length > 60)) continue;
    out.push(`${kind} ${m.index} ${m.index + m[0].length} ${m[0]}`);
  }
  return out;
}
