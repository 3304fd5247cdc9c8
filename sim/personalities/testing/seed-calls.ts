// The HTTP calls a seed playbook makes with curl, read as the shell would run them: lines joined
// at a trailing backslash, words split outside quotes, and a command ended by an unquoted |, ;,
// && or & (so `curl http://h/x?a=1&b=2` sends only ?a=1, as it would). Placeholders the seed
// writes for a human (<EXCHANGE_NAME>, VENUE_ID) are filled in first. Not a test file itself.

export interface SeedCall {
  method: string;
  /** `localhost:8080`, `api.binance.com`: what the seed addresses. */
  host: string;
  /** Path and query as sent. */
  target: string;
  headers: Record<string, string>;
  body?: string;
  /** The URL as the seed wrote it, for messages. */
  written: string;
}

/** Shell words of one line, each command's words apart; an unquoted separator ends a command. */
function commands(line: string): string[][] {
  const out: string[][] = [];
  let words: string[] = [];
  let word: string | null = null;
  const endWord = () => {
    if (word !== null) words.push(word);
    word = null;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) out.push(words);
    words = [];
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? '';
    if (c === "'" || c === '"') {
      const close = line.indexOf(c, i + 1);
      const end = close < 0 ? line.length : close;
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === ' ' || c === '\t') endWord();
    else if (c === '|' || c === ';' || c === '&') endCommand();
    else word = (word ?? '') + c;
  }
  endCommand();
  return out;
}

const VALUE_OPTIONS = new Set([
  '-X',
  '--request',
  '-H',
  '--header',
  '-d',
  '--data',
  '--data-raw',
  '-w',
  '-o',
  '-m',
  '-u',
]);

function curlCall(words: string[]): SeedCall | null {
  let method: string | null = null;
  let head = false;
  let body: string | undefined;
  const headers: Record<string, string> = {};
  let url: string | null = null;
  for (let i = 1; i < words.length; i++) {
    const w = words[i] ?? '';
    if (VALUE_OPTIONS.has(w)) {
      const value = words[++i] ?? '';
      if (w === '-X' || w === '--request') method = value;
      else if (w === '-H' || w === '--header') {
        const colon = value.indexOf(':');
        if (colon > 0) headers[value.slice(0, colon).trim().toLowerCase()] = value.slice(colon + 1).trim();
      } else if (w.startsWith('-d') || w.startsWith('--data')) body = value;
    } else if (w === '-I' || w === '--head') head = true;
    else if (/^https?:\/\//.test(w) && url === null) url = w;
  }
  if (url === null) return null;
  const match = /^https?:\/\/([^/?]+)(.*)$/.exec(url);
  if (!match) return null;
  const [, host = '', rest = ''] = match;
  // curl -d without -X posts, with its form label (the personalities read it as JSON).
  if (body !== undefined && headers['content-type'] === undefined)
    headers['content-type'] = 'application/x-www-form-urlencoded';
  return {
    method: method ?? (head ? 'HEAD' : body !== undefined ? 'POST' : 'GET'),
    host,
    target: rest === '' ? '/' : rest,
    headers,
    ...(body !== undefined ? { body } : {}),
    written: url,
  };
}

/** Every curl call in `text`, in order, after replacing each placeholder by its value. */
export function seedCalls(text: string, placeholders: Record<string, string> = {}): SeedCall[] {
  let filled = text;
  for (const [placeholder, value] of Object.entries(placeholders))
    filled = filled.split(placeholder).join(value);
  const lines = filled.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  return lines.flatMap((line) =>
    commands(line)
      .filter((words) => words[0] === 'curl')
      .map(curlCall)
      .filter((call): call is SeedCall => call !== null),
  );
}
