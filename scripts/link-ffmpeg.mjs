// Playwright records video with its own ffmpeg build, which cannot be downloaded here.
// Debian's ffmpeg (with libvpx) works when linked where Playwright looks for it, so
// this postinstall step creates that link. It is a no-op when ffmpeg is not installed
// yet (.ci/run installs it before `npm ci`), and never fails the install.
import { existsSync, mkdirSync, readFileSync, symlinkSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const systemFfmpeg = '/usr/bin/ffmpeg';

try {
  const browsersJson = join(root, 'node_modules/playwright-core/browsers.json');
  if (!existsSync(browsersJson) || !existsSync(systemFfmpeg)) process.exit(0);
  const { browsers } = JSON.parse(readFileSync(browsersJson, 'utf8'));
  const ffmpeg = browsers.find((b) => b.name === 'ffmpeg');
  if (!ffmpeg) process.exit(0);
  // PLAYWRIGHT_BROWSERS_PATH=0 (set by playwright.config.ts) makes Playwright look here.
  const target = join(
    root,
    `node_modules/playwright-core/.local-browsers/ffmpeg-${ffmpeg.revision}/ffmpeg-linux`,
  );
  mkdirSync(dirname(target), { recursive: true });
  rmSync(target, { force: true });
  symlinkSync(systemFfmpeg, target);
} catch (error) {
  console.warn(`link-ffmpeg: skipped (${error instanceof Error ? error.message : String(error)})`);
}
