import type { RawPhase, RawPlaybook, RawStep } from './raw.ts';
import type { Window } from './windows.ts';

type OpenPhase = RawPhase & { verification: boolean; notes: string[] };

/**
 * Collects steps into phases as a section is read: labels open phases, "If …:" labels open
 * branches of the current phase, other labels name the group the following steps belong to.
 */
export class PhaseBuilder {
  readonly playbook: RawPlaybook;
  private phase: OpenPhase | null = null;
  private branching: { holder: RawStep; current: RawStep[]; when: string } | null = null;
  private group: string | null = null;
  private noting = false;

  constructor(title: string, line: number) {
    this.playbook = { title, line, phases: [], notes: [] };
  }

  startPhase(title: string, window: Window | null, line: number, verification: boolean): OpenPhase {
    this.closePhase();
    const phase: OpenPhase = { title, window, line, steps: [], verification, notes: [] };
    this.phase = phase;
    this.group = null;
    this.noting = false;
    return phase;
  }

  /** A label that describes ("Symptoms:"): what follows goes to the summary until the next label. */
  startNotes(): void {
    this.branching = null;
    this.noting = true;
  }

  /** A label that groups the following steps ("Database issues:") within the current phase. */
  startGroup(label: string): void {
    this.branching = null;
    this.noting = false;
    this.group = label;
  }

  /** "If the exchange is confirmed down:" — the following steps belong to this case. */
  openBranch(when: string): void {
    this.noting = false;
    const phase = this.ensurePhase();
    const last = phase.steps.at(-1);
    const continuing = this.branching !== null && last === this.branching.holder;
    const holder: RawStep = continuing && last ? last : { text: '', branches: [] };
    if (!continuing) phase.steps.push(holder);
    const steps: RawStep[] = [];
    holder.branches = [...(holder.branches ?? []), { when, steps }];
    this.branching = { holder, current: steps, when };
  }

  /** What to call a block of commands that says nothing about itself. */
  get fallbackText(): string {
    if (this.branching) return `If ${this.branching.when}`;
    return this.group ?? this.phase?.title ?? 'Run these commands';
  }

  get notingNow(): boolean {
    return this.noting;
  }

  /**
   * Prose between steps is usually a caution about the step before it ("never restart both
   * gateways at once"): it joins that step, so it is read where it applies. Prose before the
   * first step of a phase becomes a step of its own.
   */
  addNote(text: string): void {
    if (this.noting || !this.phase) {
      this.playbook.notes.push(text);
      return;
    }
    const steps = this.branching ? this.branching.current : this.phase.steps;
    const last = steps.at(-1);
    if (last && !last.branches) last.text = `${last.text} — ${text}`;
    else this.phase.notes.push(text);
  }

  addStep(step: RawStep): void {
    if (this.noting) {
      this.playbook.notes.push(step.text);
      return;
    }
    const phase = this.ensurePhase();
    const grouped = this.group && !this.branching && step.text !== this.group;
    const text = grouped ? `${this.group}: ${step.text}` : step.text;
    const verification = phase.verification || /^(verify|validate|confirm)\b/i.test(step.text);
    const made: RawStep = { ...step, text, ...(verification ? { verification: true } : {}) };
    (this.branching ? this.branching.current : phase.steps).push(made);
  }

  private ensurePhase(): OpenPhase {
    return this.phase ?? this.startPhase('Procedure', null, this.playbook.line, false);
  }

  private closePhase(): void {
    this.branching = null;
    const phase = this.phase;
    if (!phase) return;
    this.phase = null;
    // Prose before the first step (or a phase written as prose only): its sentences are steps.
    phase.steps = [...phase.notes.map((text) => ({ text })), ...phase.steps];
    phase.steps = phase.steps.flatMap((step) => {
      if (!step.branches) return [step];
      const branches = step.branches.filter((b) => b.steps.length > 0);
      if (branches.length === 0) return [];
      return [{ ...step, text: `Which case is it? ${branches.map((b) => b.when).join(' / ')}`, branches }];
    });
    if (phase.steps.length > 0) {
      const { verification: _v, notes: _n, ...kept } = phase;
      this.playbook.phases.push(kept);
    }
  }

  finish(): RawPlaybook {
    this.closePhase();
    return this.playbook;
  }
}
