import type { Browser } from '@playwright/test';
import { launchBrowser } from './browser.ts';
import { ensureBuild } from './build.ts';
import { measureBundle } from './bundle-size.ts';
import { measureColdStart, measureFreshStart } from './cold-start.ts';
import { measureDetection } from './detection.ts';
import { measureImport } from './import.ts';
import { killAll } from './processes.ts';
import { printReport } from './report.ts';
import type { Figure } from './report.ts';

// `npm run bench [-- size|import|start|detection|fresh ...]`: measures the figures the issues name and
// prints them against their budgets. Exit 0 when every figure is within budget, 1 when one is
// not (or could not be measured), 2 when the benchmark itself broke. Only loopback is used, and
// everything started is stopped, on error and on Ctrl-C too.
//   BENCH_TRIALS (default 5): trials of each detection drill · BENCH_FRESH=1: add `fresh`

const SUITES = ['size', 'start', 'detection', 'fresh', 'import'] as const;
type Suite = (typeof SUITES)[number];

function chosenSuites(args: string[]): Set<Suite> {
  const unknown = args.filter((a) => !(SUITES as readonly string[]).includes(a));
  if (unknown.length)
    throw new Error(`unknown suite ${unknown.join(', ')}: choose from ${SUITES.join(', ')}`);
  const chosen = new Set((args.length ? args : ['size', 'import', 'start', 'detection']) as Suite[]);
  if (process.env.BENCH_FRESH === '1') chosen.add('fresh');
  return chosen;
}

function trialCount(): number {
  const trials = Number(process.env.BENCH_TRIALS ?? 5);
  if (!Number.isInteger(trials) || trials < 1 || trials > 50)
    throw new Error(`BENCH_TRIALS must be an integer from 1 to 50, got "${process.env.BENCH_TRIALS}"`);
  return trials;
}

async function measure(suites: Set<Suite>, trials: number): Promise<Figure[]> {
  const figures: Figure[] = [];
  // Cheapest first; the start is timed before the detection drills so it has the machine alone.
  const build = suites.has('size') || suites.has('detection') ? ensureBuild() : null;
  if (build?.builtInS != null) console.log(`built in ${build.builtInS.toFixed(1)} s`);
  if (build && suites.has('size')) figures.push(...measureBundle(build.outDir));
  if (suites.has('import')) figures.push(...(await measureImport(trials)));
  let browser: Browser | null = null;
  try {
    browser = await launchBrowser();
    if (suites.has('start')) figures.push(...(await measureColdStart(browser)));
    if (build && suites.has('detection'))
      figures.push(...(await measureDetection(browser, build.outDir, trials)));
    if (suites.has('fresh')) figures.push(...(await measureFreshStart(browser)));
  } finally {
    await browser?.close();
  }
  return figures;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    console.error(`\n${signal}: stopping what the benchmark started`);
    void killAll().finally(() => process.exit(130));
  });

let exitCode = 2;
try {
  const suites = chosenSuites(process.argv.slice(2));
  const trials = trialCount();
  const startedAt = new Date();
  const figures = await measure(suites, trials);
  const verdicts = printReport(
    figures,
    `war-room benchmarks — ${startedAt.toISOString()} — Node ${process.version}` +
      (suites.has('detection') ? ` — ${trials} trials of each drill` : ''),
  );
  const failed = verdicts.filter((v) => !v.ok);
  for (const { figure, word } of failed) console.log(`\n✖ ${figure.name}: ${word}`);
  console.log(failed.length ? '' : '\nall figures within budget');
  exitCode = failed.length ? 1 : 0;
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
} finally {
  await killAll();
}
process.exit(exitCode);
