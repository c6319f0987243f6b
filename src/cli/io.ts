/** Where a command writes. Injected so tests can run commands in-process and read what they print. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

/**
 * A reader that stops early (`walkaway play ... | head -c 1`) closes the pipe: every later write fails
 * with EPIPE. Like any Unix tool, the command then ends at once and quietly, instead of dying on an
 * unhandled 'error' event with a stack trace (or waiting for input nobody will read the answer to).
 */
export function endQuietlyWhenOutputCloses(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') process.exit(0);
      throw e;
    });
  }
}
