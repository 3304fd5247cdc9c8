import { useState } from 'react';

/** Copies text in one click and says it did; falls back to selecting it for a manual copy. */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  return (
    <button
      type="button"
      className="rounded border border-slate-400 px-2 py-0.5 text-sm font-semibold hover:bg-white/10"
      onClick={() => {
        if (!navigator.clipboard) return setCopied('no');
        navigator.clipboard.writeText(text).then(
          () => setCopied('yes'),
          () => setCopied('no'),
        );
      }}
    >
      {copied === 'yes' ? 'Copied ✓' : copied === 'no' ? 'Copy failed: select the text' : label}
    </button>
  );
}
