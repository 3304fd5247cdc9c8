// Every personality by the name `--personality` takes.
import { eafix } from './eafix/definition.ts';
import { hft } from './hft/definition.ts';
import type { PersonalityDef, PersonalityName } from './kit/types.ts';
import { lavAdaf } from './lav-adaf/definition.ts';
import { rtes } from './rtes/definition.ts';
import { smc } from './smc/definition.ts';

export const PERSONALITIES: Record<PersonalityName, PersonalityDef> = {
  hft,
  rtes,
  eafix,
  smc,
  'lav-adaf': lavAdaf,
};
