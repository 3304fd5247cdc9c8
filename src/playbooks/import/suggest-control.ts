import type { Step } from '../playbook.ts';

// A step that says "cancel open orders on the exchange" should be able to do it. The importer
// proposes the declared control a step describes; the preview shows the proposal so the
// commander can drop it before saving, and firing it still takes the control's own gesture.

const RULES: [RegExp, NonNullable<Step['control']>][] = [
  [/\bkill[- ]?switch\b/i, { id: 'kill-switch' }],
  [/\bcancel\b.*\borders?\b/i, { id: 'venue-cancel-all', venue: true }],
  [/\b(disable|deactivate)\b.*\b(exchange|venue)\b/i, { id: 'venue-disable', venue: true }],
  [/\breconnect\b/i, { id: 'venue-reconnect', venue: true }],
  [/\b(reduce|cut)\b.*\b(positions?|exposure)\b|\brisk reduction\b/i, { id: 'reduce-positions' }],
  [/\bresume trading\b/i, { id: 'resume' }],
  [
    /\b(halt|stop)\b.*\btrading\b|\btrading halt\b|\btrading\b.*\b(halted|stopped)\b|\bhalt[- ]all\b|\bcircuit breakers?\b/i,
    { id: 'halt' },
  ],
];

/** The control a step's words describe, if it plainly asks for one. */
export function suggestControl(text: string): Step['control'] | undefined {
  // Checking, monitoring or verifying a control is not firing it.
  if (/^(check|verify|confirm|monitor|review|ensure|document|consider)\b/i.test(text)) return undefined;
  // Nor is a warning against it, or waiting for it.
  if (/^(do not|don't|never|avoid|wait|no need)\b/i.test(text)) return undefined;
  // Only the words count, not the command: a script's name is not a request to press a button.
  return RULES.find(([pattern]) => pattern.test(text))?.[1];
}
