// How deep a JSON text nests, in one pass and before it is parsed: everything that walks a
// parsed body recurses (fingerprints, validation, error messages), so a body nested thousands of
// levels deep must be refused while it is still text. Each service sets its own limit.

/** The deepest nesting of arrays and objects in `text` (strings skipped); no parse, no recursion. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}
