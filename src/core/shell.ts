/** One argument as a person would type it in a POSIX shell: bare when safe, else single-quoted. */
export function shellQuote(arg: string): string {
  return /^[\w./:@%+=,-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** A ycp command line to print for copy and paste: `ycp` and each argument, quoted when needed. */
export function commandLine(argv: string[]): string {
  return ['ycp', ...argv].map(shellQuote).join(' ');
}
