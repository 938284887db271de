import { describe, expect, it } from 'vitest';
import { NdjsonParser } from '../../src/logs/ndjson.js';
import { ResumeCursor } from '../../src/logs/resume-cursor.js';
import type { LogMessage } from '../../src/logs/types.js';

function parse(chunks: Uint8Array[], strict = false) {
  const values: unknown[] = [];
  const invalid: string[] = [];
  const parser = new NdjsonParser(
    { onValue: (v) => values.push(v), onInvalid: (line) => invalid.push(line) },
    strict,
  );
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return { values, invalid };
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('NdjsonParser', () => {
  it('joins lines split across chunks, including a multi-byte character split in two', () => {
    const all = bytes('{"m":"héllo ✓"}\n\n{"m":2}\n');
    // cut inside the 3-byte check mark and inside the second object
    const cut1 = all.indexOf(0x9c);
    const chunks = [all.slice(0, cut1), all.slice(cut1, cut1 + 5), all.slice(cut1 + 5)];
    expect(parse(chunks).values).toEqual([{ m: 'héllo ✓' }, { m: 2 }]);
  });

  it('treats bare newlines as keep-alive and parses a last line without newline', () => {
    expect(parse([bytes('\n\n{"a":1}\n\n'), bytes('{"a":2}')]).values).toEqual([
      { a: 1 },
      { a: 2 },
    ]);
  });

  it('skips invalid lines, or reports them in strict mode', () => {
    const chunks = [bytes('{"a":1}\nnot json\n{"a":2}\n')];
    expect(parse(chunks)).toEqual({ values: [{ a: 1 }, { a: 2 }], invalid: [] });
    expect(parse(chunks, true).invalid).toEqual(['not json']);
  });
});

function line(message: string, createdAt: number, extra: Partial<LogMessage> = {}): LogMessage {
  return {
    message,
    createdAt,
    timestamp: createdAt - 5,
    isStdErr: false,
    isSystem: true,
    ...extra,
  } as LogMessage;
}

describe('ResumeCursor', () => {
  it('drops lines delivered before at the boundary createdAt, keeps new ones at the same time', () => {
    const cursor = new ResumeCursor({});
    expect(cursor.accept(line('a', 10))).toBe(true);
    expect(cursor.accept(line('b', 20))).toBe(true);
    expect(cursor.accept(line('c', 20))).toBe(true);
    expect(cursor.nextQuery()).toEqual({ start: 20, count: 'all' });
    // the resumed stream repeats the boundary lines, then continues
    expect(cursor.accept(line('b', 20))).toBe(false);
    expect(cursor.accept(line('c', 20))).toBe(false);
    expect(cursor.accept(line('d', 20))).toBe(true);
    expect(cursor.accept(line('a', 10))).toBe(false);
    expect(cursor.accept(line('e', 30))).toBe(true);
    expect(cursor.accept(line('d', 20))).toBe(false);
  });

  it('tells lines apart by timestamp and service id too', () => {
    const cursor = new ResumeCursor({});
    expect(cursor.accept(line('x', 5))).toBe(true);
    expect(cursor.accept(line('x', 5, { timestamp: 1 }))).toBe(true);
    expect(
      cursor.accept(line('x', 5, { isSystem: false, serviceId: 2 } as Partial<LogMessage>)),
    ).toBe(true);
    expect(cursor.accept(line('x', 5))).toBe(false);
  });

  it('resumes before any line from the first connection time (second precision), else the initial query', () => {
    const withStart = new ResumeCursor({ start: 100, count: 5 });
    withStart.noteConnected(12_345);
    expect(withStart.nextQuery()).toEqual({ start: 100, count: 5 });
    const live = new ResumeCursor({ count: 3 });
    expect(live.nextQuery()).toEqual({ count: 3 });
    live.noteConnected(12_345);
    live.noteConnected(99_999);
    expect(live.nextQuery()).toEqual({ start: 12_000, count: 'all' });
  });
});
