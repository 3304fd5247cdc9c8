/** How one state looks: an icon and a word as well as a colour, so it reads on any screen. */
export interface StatusLook {
  icon: string;
  word: string;
  /** Colour of the word. */
  text: string;
  /** Border (and background, for the worst states) of the tile that carries it. */
  tile: string;
}

/** The icon is decoration for the eye; the word is what assistive tech and tests read. */
export function StatusLabel({ look, className = '' }: { look: StatusLook; className?: string }) {
  return (
    <span className={`font-semibold whitespace-nowrap ${look.text} ${className}`}>
      <span aria-hidden="true">{look.icon} </span>
      {look.word}
    </span>
  );
}
