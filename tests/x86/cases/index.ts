// The whole encoding table.
import { addressingCases } from './addressing.ts';
import { aluAllCases } from './alu.ts';
import { miscCases } from './misc.ts';
import { movCases } from './mov.ts';
import { sseCases } from './sse.ts';
import type { Case } from './types.ts';

export type { Case } from './types.ts';
export { programCases, type ProgramCase } from './programs.ts';

export const encodingCases: Case[] = [...movCases, ...aluAllCases, ...miscCases, ...sseCases, ...addressingCases];
