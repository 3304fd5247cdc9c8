// A playbook as the war room uses it: phases with time windows, steps that may carry a command
// to copy (with placeholders such as <EXCHANGE_NAME> filled from the incident), an owner, a
// declared control to fire, branches on what was found, and verification steps that gate
// resuming trading. The library (./library), Markdown imports and the playbooks saved in the
// war-room store all have this shape. It is defined in the store's contract
// (contract/playbook-schemas.ts, bound to contract/war-room-store.yaml), since the store validates
// saved playbooks with it; re-exported here so the dashboard keeps one place to import it from.
export {
  commandsOf,
  phaseSchema,
  playbookNoteSchema,
  playbookSchema,
  playbookSystemSchema,
  stepOwnerSchema,
  stepJumpSchema,
  stepSchema,
} from '../../contract/playbook-schemas.ts';
export type {
  Phase,
  Playbook,
  PlaybookNote,
  PlaybookSystem,
  Step,
  StepJump,
  StepOwner,
} from '../../contract/playbook-schemas.ts';
