/**
 * The alternate screen: entered before the first frame and left on every way out (quit,
 * Ctrl-C, a signal, a crash), so nothing the app showed stays in the terminal's scrollback.
 */
const ENTER = '\x1b[?1049h\x1b[H\x1b[2J\x1b[?2004h'; // alternate screen, cleared; bracketed paste on
const LEAVE = '\x1b[?2004l\x1b[2J\x1b[H\x1b[?25h\x1b[?1049l'; // paste off, clear, cursor back, main screen

export function enterFullScreen(stdout: NodeJS.WriteStream): () => void {
  let left = false;
  const leave = () => {
    if (left) return;
    left = true;
    stdout.write(LEAVE);
    process.off('exit', leave);
    for (const signal of SIGNALS) process.off(signal, onSignal);
    process.off('uncaughtException', onCrash);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    leave();
    process.kill(process.pid, signal);
  };
  const onCrash = (error: Error) => {
    leave();
    process.stderr.write(`airlock: internal error: ${error.message}; this is a bug in airlock; please report it\n`);
    process.exit(1);
  };
  stdout.write(ENTER);
  process.on('exit', leave);
  for (const signal of SIGNALS) process.once(signal, onSignal);
  process.on('uncaughtException', onCrash);
  return leave;
}

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];
