// Every personality by the name `--personality` takes.
import { eafix } from './eafix/definition.ts';
import { hft } from './hft/definition.ts';
import type { PersonalityDef, PersonalityName } from './kit/types.ts';
import { rtes } from './rtes/definition.ts';
import { smc } from './smc/definition.ts';

export const PERSONALITIES: Partial<Record<PersonalityName, PersonalityDef>> = { hft, rtes, eafix, smc };
