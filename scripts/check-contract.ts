// `npm run contract:check`: fails when a generated file in contract/generated/ is not exactly
// what `npm run contract:gen` would write from its document (contract/openapi.yaml, the trading
// API; contract/war-room-store.yaml, the war-room store), so that neither can be edited without
// the other. Also fails when a document is not valid OpenAPI 3.1.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

export const SPEC_PATH = 'contract/openapi.yaml';
export const GENERATED_PATH = 'contract/generated/openapi.ts';

export interface ContractFiles {
  spec: string;
  generated: string;
}

/** Every document and the file generated from it; `npm run contract:gen` writes each. */
export const CONTRACTS: readonly ContractFiles[] = [
  { spec: SPEC_PATH, generated: GENERATED_PATH },
  { spec: 'contract/war-room-store.yaml', generated: 'contract/generated/war-room-store.ts' },
];

export type CheckResult = { ok: true; message: string } | { ok: false; message: string };

// A top-level `openapi:` key; block scalars are indented, so this cannot match inside text.
const OPENAPI_VERSION = /^openapi:[ \t]*["']?([^"'\s#]+)["']?[ \t]*(?:#.*)?$/m;

/**
 * The text `openapi-typescript <spec> -o <file>` writes: the CLI makes this same call with every
 * output option at its default and prepends the same header (check-contract.test.ts compares the
 * two byte for byte). openapi-typescript lints the document with Redocly's `minimal` rules, which
 * check it against the OpenAPI schema of its version and resolve every $ref, and throws on errors;
 * left without a Redocly config, as here, it also makes duplicate operationIds an error.
 */
export async function generateTypes(specPath: string, options: { silent?: boolean } = {}): Promise<string> {
  const absolute = resolve(specPath);
  const text = await readFile(absolute, 'utf8');
  const version = OPENAPI_VERSION.exec(text)?.[1];
  if (version === undefined) throw new Error('no top-level `openapi:` version');
  if (!/^3\.1\.\d+$/.test(version))
    throw new Error(`it declares \`openapi: ${version}\`; the contract must be 3.1.x`);
  // A URL, not a string: openapiTS reads a plain string as the document itself.
  const ast = await openapiTS(pathToFileURL(absolute), { silent: options.silent ?? false });
  return `${COMMENT_HEADER}${astToString(ast)}`;
}

export async function checkContract(
  specPath = SPEC_PATH,
  generatedPath = GENERATED_PATH,
  options: { silent?: boolean } = {},
): Promise<CheckResult> {
  let expected: string;
  try {
    expected = await generateTypes(specPath, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `${specPath} is not a valid OpenAPI 3.1 document: ${reason}` };
  }
  let actual: string;
  try {
    actual = await readFile(generatedPath, 'utf8');
  } catch {
    return { ok: false, message: `${generatedPath} is missing: run \`npm run contract:gen\`` };
  }
  if (actual === expected) return { ok: true, message: `${generatedPath} matches ${specPath}` };
  return {
    ok: false,
    message: `${generatedPath} does not match ${specPath} (${firstDifference(expected, actual)}): run \`npm run contract:gen\``,
  };
}

// Says where the files part, so a stray hand edit can be found without a diff tool.
export function firstDifference(expected: string, actual: string): string {
  const want = expected.split('\n');
  const have = actual.split('\n');
  const length = Math.max(want.length, have.length);
  for (let index = 0; index < length; index += 1) {
    if (want[index] !== have[index]) {
      const line = index + 1;
      if (want[index] === undefined) return `line ${line}: unexpected extra lines`;
      if (have[index] === undefined) return `line ${line}: lines missing`;
      return `first difference at line ${line}: expected ${JSON.stringify(want[index]?.trim())}`;
    }
  }
  return 'the files differ';
}

/** Checks every document, not stopping at the first drift: each result says which one it is. */
export async function checkContracts(
  contracts: readonly ContractFiles[] = CONTRACTS,
  options: { silent?: boolean } = {},
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const { spec, generated } of contracts) results.push(await checkContract(spec, generated, options));
  return results;
}

if (import.meta.main) {
  for (const result of await checkContracts()) {
    if (result.ok) {
      console.log(`contract: ${result.message}`);
    } else {
      console.error(`contract: ${result.message}`);
      process.exitCode = 1;
    }
  }
}
