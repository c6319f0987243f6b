import type { Readable } from 'node:stream';

/** The longest input line a command accepts; a choice id or a package is a few hundred bytes at most. */
export const MAX_LINE_BYTES = 64 * 1024;

/** One line of input: its text, or why it cannot be read as text (the rest of that line is skipped). */
export type InputLine = { text: string } | { problem: string };

export interface LineReader {
  /** The next line, or null at the end of the input. */
  next(): Promise<InputLine | null>;
  /** Stops reading and lets go of the input, so the process can exit while the writer keeps it open. */
  close(): void;
}

const NEWLINE = 0x0a;
/** Lines waiting to be read before the input is paused (a bot that sends ahead is not read into memory). */
const QUEUE_HIGH_WATER = 64;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Splits a byte stream into lines without ever holding more than `maxBytes` of one line: an over-long
 * line is reported once and the rest of it discarded up to its newline, so a stream of NUL bytes with
 * no newline costs a bounded amount of memory instead of growing one string until it cannot. A line
 * that is not UTF-8 text, or holds control characters, is reported as binary.
 */
export function readLines(input: Readable, maxBytes = MAX_LINE_BYTES): LineReader {
  const queue: (InputLine | null)[] = [];
  const waiting: ((line: InputLine | null) => void)[] = [];
  let parts: Buffer[] = [];
  let size = 0;
  let overLong = false;
  let ended = false;
  let closed = false;

  const deliver = (line: InputLine | null) => {
    const w = waiting.shift();
    if (w) w(line);
    else {
      queue.push(line);
      if (queue.length >= QUEUE_HIGH_WATER) input.pause();
    }
  };

  const finishLine = () => {
    if (overLong) deliver({ problem: `that line is longer than ${Math.round(maxBytes / 1024)} KB; send one choice id or package per line` });
    else deliver(decode(Buffer.concat(parts, size)));
    parts = [];
    size = 0;
    overLong = false;
  };

  const append = (chunk: Buffer) => {
    if (overLong) return;
    if (size + chunk.length > maxBytes) {
      overLong = true;
      parts = [];
      size = 0;
      return;
    }
    parts.push(chunk);
    size += chunk.length;
  };

  const onData = (chunk: Buffer | string) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (let nl = bytes.indexOf(NEWLINE, start); nl >= 0; nl = bytes.indexOf(NEWLINE, start)) {
      append(bytes.subarray(start, nl));
      finishLine();
      start = nl + 1;
    }
    if (start < bytes.length) append(bytes.subarray(start));
  };

  const onEnd = () => {
    if (ended) return;
    ended = true;
    if (size > 0 || overLong) finishLine();
    deliver(null);
  };

  input.on('data', onData);
  input.on('end', onEnd);
  input.on('close', onEnd);
  input.on('error', onEnd);

  return {
    next() {
      if (closed) return Promise.resolve(null);
      const line = queue.shift();
      if (queue.length < QUEUE_HIGH_WATER && !ended) input.resume();
      if (line !== undefined) return Promise.resolve(line);
      if (ended) return Promise.resolve(null);
      return new Promise((resolve) => waiting.push(resolve));
    },
    close() {
      if (closed) return;
      closed = true;
      input.off('data', onData);
      input.off('end', onEnd);
      input.off('close', onEnd);
      input.off('error', onEnd);
      input.destroy();
      for (const w of waiting.splice(0)) w(null);
    },
  };
}

function decode(bytes: Buffer): InputLine {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { problem: 'that line is not UTF-8 text' };
  }
  if (text.endsWith('\r')) text = text.slice(0, -1);
  // Tabs are ordinary whitespace; any other control character (NUL above all) means binary input.
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(text)) return { problem: 'that line holds binary data (control characters), not a choice id or a package' };
  return { text };
}
