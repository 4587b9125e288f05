// Splits the text of a JSON array, chunk by chunk, into the source text of its elements, so a large JSON export
// is read in memory bounded by its largest item rather than by the whole file.

export class NotAnArray extends Error {}

const enum Code {
  Quote = 34,
  Backslash = 92,
  Comma = 44,
  OpenBrace = 123,
  CloseBrace = 125,
  OpenBracket = 91,
  CloseBracket = 93,
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff;

export class JsonArraySplitter {
  private phase: 'before' | 'inside' | 'after' = 'before';
  private inElement = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private pending = '';

  /** `onElement` receives each element's text; elements longer than `maxElement` characters throw. */
  constructor(
    private readonly onElement: (text: string) => void,
    private readonly maxElement: number,
    private readonly onTooLarge: (index: number) => Error,
  ) {}

  private count = 0;

  write(chunk: string): void {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.phase === 'before') {
        if (isSpace(c)) continue;
        if (c !== Code.OpenBracket) throw new NotAnArray();
        this.phase = 'inside';
        continue;
      }
      if (this.phase === 'after') {
        if (!isSpace(c)) throw new SyntaxError('text after the end of the array');
        continue;
      }
      if (!this.inElement) {
        if (isSpace(c) || c === Code.Comma) continue;
        if (c === Code.CloseBracket) {
          this.phase = 'after';
          continue;
        }
        this.inElement = true;
        start = i;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === Code.Backslash) this.escaped = true;
        else if (c === Code.Quote) this.inString = false;
        continue;
      }
      if (c === Code.Quote) this.inString = true;
      else if (c === Code.OpenBrace || c === Code.OpenBracket) this.depth++;
      else if ((c === Code.CloseBrace || c === Code.CloseBracket) && this.depth > 0) this.depth--;
      else if (this.depth === 0 && (c === Code.Comma || c === Code.CloseBracket)) {
        this.emit(this.pending + chunk.slice(start, i));
        if (c === Code.CloseBracket) this.phase = 'after';
      }
    }
    if (this.inElement) {
      this.pending += chunk.slice(start);
      if (this.pending.length > this.maxElement) throw this.onTooLarge(this.count + 1);
    }
  }

  private emit(text: string): void {
    if (text.length > this.maxElement) throw this.onTooLarge(this.count + 1);
    this.pending = '';
    this.inElement = false;
    this.count++;
    this.onElement(text);
  }

  /** Throws unless the array was closed. */
  end(): void {
    if (this.phase === 'before') throw new NotAnArray();
    if (this.phase !== 'after') throw new SyntaxError('the array is not closed (the file ends inside it)');
  }
}
