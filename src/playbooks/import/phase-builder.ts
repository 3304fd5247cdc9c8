import { armSteps } from './branches.ts';
import type { RawPhase, RawPlaybook, RawStep } from './raw.ts';
import type { Window } from './windows.ts';

type OpenPhase = RawPhase & { verification: boolean; notes: string[] };

/**
 * Collects steps into phases as a section is read: labels open phases, "If …:" labels open
 * branches of the current phase, other labels name the group the following steps belong to.
 * What describes the runbook (metadata, alerts, reference sections) is kept beside the phases.
 */
export class PhaseBuilder {
  readonly playbook: RawPlaybook;
  private phase: OpenPhase | null = null;
  private branching: { holder: RawStep; current: RawStep[]; when: string } | null = null;
  private group: string | null = null;
  private noting: { title: string; lines: string[] } | null = null;

  constructor(title: string, line: number) {
    this.playbook = { title, line, phases: [], notes: [], sections: [], warnings: [], metadata: {} };
  }

  startPhase(
    title: string,
    window: Window | null,
    line: number,
    verification: boolean,
    number?: string,
  ): OpenPhase {
    this.closePhase();
    const phase: OpenPhase = {
      title,
      window,
      line,
      steps: [],
      verification,
      notes: [],
      ...(number ? { number } : {}),
    };
    this.phase = phase;
    this.group = null;
    this.endNotes();
    return phase;
  }

  /** "Window: 0–5 minutes" under a phase's title: that phase's window, if it has none yet. */
  setWindow(window: Window): void {
    if (this.phase && this.phase.window === null && this.phase.steps.length === 0) this.phase.window = window;
  }

  meta(key: string, value: string): void {
    const k = key.toLowerCase().trim();
    if (!(k in this.playbook.metadata)) this.playbook.metadata[k] = value;
  }

  warn(text: string): void {
    this.playbook.warnings.push(text);
  }

  /** A label that describes ("Symptoms:"): what follows is a note until the next label. */
  startNotes(title = 'Notes'): void {
    this.branching = null;
    this.endNotes();
    this.noting = { title, lines: [] };
  }

  /** A reference section read whole ("When to use this", "Contacts"). */
  addSection(title: string, text: string): void {
    if (text.trim()) this.playbook.sections.push({ title, text: text.trim() });
  }

  private endNotes(): void {
    if (this.noting) this.addSection(this.noting.title, this.noting.lines.join('\n'));
    this.noting = null;
  }

  /** A label that groups the following steps ("Database issues:") within the current phase. */
  startGroup(label: string | null): void {
    this.branching = null;
    this.endNotes();
    this.group = label;
  }

  /** "If the exchange is confirmed down:" — the following steps belong to this case. */
  openBranch(when: string): void {
    this.endNotes();
    const phase = this.ensurePhase();
    const last = phase.steps.at(-1);
    const continuing = this.branching !== null && last === this.branching.holder;
    const holder: RawStep = continuing && last ? last : { text: '', branches: [] };
    if (!continuing) phase.steps.push(holder);
    const steps: RawStep[] = [];
    holder.branches = [...(holder.branches ?? []), { when, steps }];
    this.branching = { holder, current: steps, when };
  }

  /** Leave the branch being read: what follows belongs to the phase again. */
  closeBranch(): void {
    this.branching = null;
  }

  /**
   * An arm written beside the step it belongs to ("**If the count is 0** → go to step 7", a
   * lettered option): a branch of the step before it.
   */
  addArm(when: string, action: string | RawStep[]): void {
    const steps = this.branching ? this.branching.current : this.ensurePhase().steps;
    let last = steps.at(-1);
    if (!last) {
      last = { text: 'Which case is it?', branches: [] };
      steps.push(last);
    }
    const arm = typeof action === 'string' ? armSteps(action) : action;
    if (arm.length) last.branches = [...(last.branches ?? []), { when, steps: arm }];
  }

  /** What to call a block of commands that says nothing about itself. */
  get fallbackText(): string {
    if (this.branching) return `If ${this.branching.when}`;
    return this.group ?? this.phase?.title ?? 'Run these commands';
  }

  get notingNow(): boolean {
    return this.noting !== null;
  }

  /** The step most recently added, where a command written after it may belong. */
  get lastStep(): RawStep | undefined {
    const steps = this.branching ? this.branching.current : this.phase?.steps;
    return steps?.at(-1);
  }

  /**
   * Prose after a list item is usually a caution about it ("never restart both gateways at
   * once"): it joins that step. Prose in a phase written as paragraphs is a step of its own, and
   * prose before the first step too.
   */
  addNote(text: string): void {
    if (this.noting) {
      this.noting.lines.push(text);
      this.playbook.notes.push(text);
      return;
    }
    if (!this.phase) {
      this.playbook.notes.push(text);
      return;
    }
    const steps = this.branching ? this.branching.current : this.phase.steps;
    const last = steps.at(-1);
    if (last && last.fromItem && !last.branches) last.text = `${last.text} — ${text}`;
    else if (steps.length === 0 && !this.branching) this.phase.notes.push(text);
    else this.addStep({ text });
  }

  addStep(step: RawStep): void {
    if (this.noting) {
      this.noting.lines.push(step.text);
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
    this.endNotes();
    const phase = this.phase;
    if (!phase) return;
    this.phase = null;
    // Prose before the first step (or a phase written as prose only): its sentences are steps.
    phase.steps = [...phase.notes.map((text) => ({ text })), ...phase.steps];
    phase.steps = phase.steps.flatMap((step) => {
      if (!step.branches) return [step];
      const branches = step.branches.filter((b) => b.steps.length > 0);
      if (branches.length === 0) return step.text ? [{ ...step, branches: undefined }] : [];
      const text = step.text || `Which case is it? ${branches.map((b) => b.when).join(' / ')}`;
      return [{ ...step, text, branches }];
    });
    if (phase.steps.length > 0) {
      const { verification: _v, notes: _n, ...kept } = phase;
      this.playbook.phases.push(kept);
    }
  }

  finish(): RawPlaybook {
    this.closePhase();
    this.endNotes();
    return this.playbook;
  }
}
