// Text normalisation shared by every reader: quotes, invisible characters, terminal safety.

const CURLY_SINGLE = /[\u2018\u2019\u201A\u201B\u2032\uFF07]/g;
const CURLY_DOUBLE = /[\u201C\u201D\u201E\u201F\u2033\uFF02]/g;

/** Straightens typographic quotes: `sentiment` only recognises negations written with a straight apostrophe. */
export function straightenQuotes(text: string): string {
  return text.replace(CURLY_SINGLE, "'").replace(CURLY_DOUBLE, '"');
}

// C0/C1 controls except tab and newline (so \r overwrites go too), DEL, bidi marks, embeddings, overrides and isolates
// (U+061C, U+200E/F, U+202A–E, U+2066–9), and U+FFF9–B (interlinear annotation, which can hide text).
// Zero-width joiners stay: emoji sequences need them.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFF9-\uFFFB]/g;
// ESC-introduced sequences (CSI, OSC with BEL or ST terminator, other two-byte escapes).
const ESCAPE_SEQUENCE = /\u001B(?:\[[0-?]{0,64}[ -/]{0,16}[@-~]|\][^\u0007\u001B]{0,4096}(?:\u0007|\u001B\\)?|[@-_])/g;

/** Makes text inert for a terminal: removes escape sequences and control characters (keeps \n and \t). */
export function stripControl(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(UNSAFE, '');
}

/** One line for display: control characters removed, whitespace runs collapsed. */
export function displayLine(text: string, max = 160): string {
  const flat = stripControl(text).replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Community text as some platforms export it is HTML (Hacker News, Discourse "cooked", YouTube API
 * `textDisplay`): tags become spaces (paragraphs and line breaks become sentence breaks) and common entities
 * are decoded, so `<p>` and `&#x27;` are not counted as the community's words. Text without `<` or `&` is
 * returned as is. Every pattern is bounded, so the work stays linear.
 */
export function stripMarkup(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return text;
  return text
    .replace(/<(?:br\s{0,20}\/?|\/p|p(?:\s[^<>]{0,500})?)>/gi, '\n\n')
    .replace(/<\/?[a-z][a-z0-9-]{0,20}(?:\s[^<>]{0,1000})?\/?>/gi, ' ')
    .replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,6}));/gi, (m, dec: string, hex: string, name: string) => {
      const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : -1;
      if (code >= 0) return code <= 0x10ffff ? String.fromCodePoint(code) : m;
      return ENTITIES[name.toLowerCase()] ?? m;
    });
}
