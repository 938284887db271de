// Newline-delimited JSON over a byte stream, on TextDecoder (web-standard, no Node streams).

/** Receives what the parser finds in the byte stream. */
export interface NdjsonHandlers {
  /** A parsed value of a non-empty line. */
  onValue(value: unknown): void;
  /** A line that is not valid JSON (only reported in strict mode). */
  onInvalid?(line: string, error: unknown): void;
}

/** Turns byte chunks into parsed lines; a line split across chunks is kept until its newline arrives. */
export class NdjsonParser {
  readonly #decoder = new TextDecoder();
  #pending = '';

  /**
   * Creates a parser.
   * @param handlers - where parsed values (and, in strict mode, invalid lines) go.
   * @param strict - report invalid lines instead of skipping them.
   * @example
   * const parser = new NdjsonParser({ onValue: (v) => console.log(v) });
   */
  constructor(
    readonly handlers: NdjsonHandlers,
    readonly strict = false,
  ) {}

  /**
   * Feeds one chunk of bytes.
   * @param chunk - the bytes as they arrived.
   * @throws whatever a handler throws.
   * @example
   * parser.push(new TextEncoder().encode('{"a":1}\n'));
   */
  push(chunk: Uint8Array): void {
    this.#pending += this.#decoder.decode(chunk, { stream: true });
    let newline = this.#pending.indexOf('\n');
    while (newline !== -1) {
      const line = this.#pending.slice(0, newline);
      this.#pending = this.#pending.slice(newline + 1);
      this.#parseLine(line);
      newline = this.#pending.indexOf('\n');
    }
  }

  /**
   * Parses what is left after the stream ended (a last line without a newline).
   * @throws whatever a handler throws.
   * @example
   * parser.end();
   */
  end(): void {
    this.#pending += this.#decoder.decode();
    const rest = this.#pending;
    this.#pending = '';
    this.#parseLine(rest);
  }

  #parseLine(raw: string): void {
    const line = raw.trim();
    // Empty lines are the API's keep-alive.
    if (line === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      if (this.strict) this.handlers.onInvalid?.(line, error);
      return;
    }
    this.handlers.onValue(value);
  }
}
