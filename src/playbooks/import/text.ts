// Text hygiene for imported runbooks. An imported runbook is somebody else's text that the
// commander will read, and copy commands from, in a hurry: nothing in it may hide what it says.

/**
 * Format characters (bidirectional overrides and isolates, zero-width joiners, soft hyphens, tag
 * characters…) can make `rm -rf /tmp/x` display as something harmless; control characters
 * (C0 and C1, terminal escapes among them) print nothing. Neither belongs in a runbook. Tab and
 * newline stay.
 */
const INVISIBLE = /(?![\t\n])[\p{Cc}\p{Cf}]/gu;

/** The text without invisible characters, and how many there were. */
export function stripInvisible(text: string): Cleaned {
  let removed = 0;
  const cleaned = text.replace(INVISIBLE, () => (removed++, ''));
  return { text: cleaned, removed };
}

export interface Cleaned {
  text: string;
  /** How many invisible or control characters were removed. */
  removed: number;
}

/** The text with line endings normalised and invisible or control characters removed. */
export function cleanSource(source: string): Cleaned {
  return stripInvisible(source.replace(/\r\n?/g, '\n'));
}

/** A line made only of `=`, `-`, `_` or `*` (three or more): a rule in a plain-text runbook. */
export function isRuleLine(line: string): boolean {
  return /^\s*([=\-_*])\1{2,}\s*$/.test(line);
}

/** Pictographs, and the debris an emoji leaves when a file is decoded with the wrong charset. */
function isDecoration(token: string): boolean {
  if (/\p{Extended_Pictographic}/u.test(token) && !/[A-Za-z0-9]/.test(token)) return true;
  // A token with no ASCII letter or digit but with characters beyond ASCII that are not common
  // punctuation (dashes, bullets, quotes): what "🚨" becomes when UTF-8 is read as Mac Roman.
  return !/[A-Za-z0-9]/.test(token) && /[^\x20-\x7e–—•·…“”‘’«»]/.test(token);
}

/**
 * A title as a person would write it: decoration, Markdown emphasis left over from plain text,
 * list numbering ("3.", "1.2") and a trailing colon removed; SHOUTING turned to sentence case.
 */
export function cleanTitle(raw: string): string {
  const known = titles.get(raw);
  if (known !== undefined) return known;
  const title = cleanTitleOf(raw);
  // The importer asks for the same heading's title many times while it decides what it is.
  if (titles.size > 10_000) titles.clear();
  titles.set(raw, title);
  return title;
}

const titles = new Map<string, string>();

function cleanTitleOf(raw: string): string {
  const words = raw
    .split(/\n/)
    .filter((line) => !isRuleLine(line))
    .join(' ')
    .replace(/[*`]+|(?<![\w])_+|_+(?![\w])/g, '')
    .split(/\s+/)
    .filter((w) => w && !isDecoration(w));
  let title = words.join(' ').trim();
  title = title.replace(/^(\d+(\.\d+)*\.?|[A-Za-z]\.)\s+(?=\S)/, '').replace(/\s*:\s*$/, '');
  if (title.length > 3 && title === title.toUpperCase() && /[A-Z]/.test(title)) {
    title = sentenceCase(title);
  }
  return title;
}

/** "EXCHANGE OUTAGE PLAYBOOK" → "Exchange outage playbook"; short acronyms such as HFT, API, P1 stay. */
function sentenceCase(shouting: string): string {
  const known =
    /^(HFT|API|APIS|RTES|EAFIX|SMC|LAV|ADAF|DB|CPU|IO|I\/O|OMS|EMS|FIX|P\d|SEV\d|IC|SLA|DNS|VPN|TCP|UDP|PNL|P&L|AWS|DR|SRE|NOC|UPS|FX|SOR|NTP|PTP|WAL|LSN|SQL|UTC|EOD|SOD|OTC|ETF|CTO|CEO)$/;
  return shouting
    .split(' ')
    .map((w, i) => {
      const bare = w.replace(/[^A-Z0-9/&]/g, '');
      // Acronyms, and codes with digits in them (LD4, NY5): as written.
      if (known.test(bare) || (/\d/.test(bare) && /[A-Z]/.test(bare))) return w;
      const lower = w.toLowerCase();
      return i === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
    })
    .join(' ');
}

/** Cut to `max` characters at a word boundary where one is near, marking the cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.7 ? cut.slice(0, space) : cut}…`;
}

/** kebab-case, ASCII only, at most 48 characters; "x" when nothing is left. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');
  return slug || 'x';
}
