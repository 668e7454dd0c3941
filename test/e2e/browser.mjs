// Debian's Chromium driven by playwright-core (never `npx playwright install`: no download works).
import * as fs from 'node:fs';

export const CHROMIUM = process.env.GOAL_DOCS_CHROMIUM || '/usr/bin/chromium';

export function chromiumMissing() {
  return fs.existsSync(CHROMIUM) ? undefined
    : `Chromium not found at ${CHROMIUM}: run \`bash scripts/host/apt-prereqs.sh\` (or \`apt-get install chromium\`), or set GOAL_DOCS_CHROMIUM`;
}

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  // launch() gives each browser a fresh temporary profile.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}
