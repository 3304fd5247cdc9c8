// Inline code is a command only when it is a whole command line (`fixhub session show BRKX-OE`),
// not when it names a thing: a channel (`#fix-oncall`), a venue or broker code (`XLON`), a
// service (`fixhub`), a topic (`trade-events`), an error code (`ERR_THROTTLED`).

/** Whether inline code reads as a command to run: a program, then its arguments. */
export function isCommandLine(code: string): boolean {
  const t = code.trim();
  if (!t || t.includes('\n') || /^[#@]/.test(t)) return false;
  const [program = '', ...args] = t.split(/\s+/);
  if (args.length === 0) return false;
  // A program is a word or a path (`./bin/x`, `/usr/bin/x`, `~/x`), or a shell prompt.
  if (!/^(\$|(?:\.{1,2}\/|~\/|\/)?[A-Za-z0-9_][\w.+/-]*)$/.test(program)) return false;
  // "risk officer", "order gateway": words of prose, not a program and its arguments.
  return !args.every((a) => /^[a-z]+$/.test(a)) || args.length === 1 || /[./_-]/.test(program);
}
