// The assembler's encodings against GNU as: every table line and program is checked
// against encodings.golden.json (GNU as's bytes, stored so the suite runs without
// binutils), and, where `as` is installed, the golden file against GNU as itself.
// Regenerate the golden file with: UPDATE_GOLDEN=1 npx vitest run tests/x86/encodings.test.ts
import { describe, expect, test } from 'vitest';
import { encodingCases, programCases } from './cases/index.ts';
import { requireTool } from '../oracle.ts';
import { gasAvailable } from './gas-oracle.ts';
import { assembleCase, assembleProgram, gasGolden, readGolden, writeGolden } from './harness.ts';

const gas = requireTool('GNU as (binutils)', () => gasAvailable);

if (process.env.UPDATE_GOLDEN === '1') {
  if (!gasAvailable) throw new Error('UPDATE_GOLDEN=1 needs GNU as (binutils)');
  writeGolden(gasGolden());
}
const golden = readGolden();

describe('instruction table', () => {
  test.each(encodingCases)('%s', (text, build) => {
    expect(golden.lines[text], `no golden bytes for "${text}": run with UPDATE_GOLDEN=1`).toBeDefined();
    expect(assembleCase(build)).toBe(golden.lines[text]);
  });
});

describe('programs', () => {
  test.each(programCases.map((p) => [p.name, p] as const))('%s', (name, p) => {
    expect(golden.programs[name], `no golden bytes for "${name}": run with UPDATE_GOLDEN=1`).toBeDefined();
    expect(assembleProgram(p)).toBe(golden.programs[name]);
  });
});

describe('golden file', () => {
  test('holds exactly the table and the programs', () => {
    expect(Object.keys(golden.lines).sort()).toEqual([...new Set(encodingCases.map(([t]) => t))].sort());
    expect(Object.keys(golden.programs).sort()).toEqual(programCases.map((p) => p.name).sort());
  });

  gas.test('agrees with GNU as', () => {
    expect(golden).toEqual(gasGolden());
  });
});
