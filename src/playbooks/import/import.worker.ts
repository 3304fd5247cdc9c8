import { importRunbook } from './import-runbook.ts';

// Parsing runs here, off the page's thread, so that a runbook built to be slow to parse can be
// stopped (the worker is terminated) without freezing the war room.

self.onmessage = (event: MessageEvent<{ text: string; name: string }>) => {
  const { text, name } = event.data;
  try {
    self.postMessage(importRunbook(text, name));
  } catch (error) {
    self.postMessage({
      ok: false,
      error: `${name} could not be read: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
};
