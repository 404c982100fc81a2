// Opens each Copilot header file in code-server (VS Code 1.139, no extension installed) and
// records what VS Code itself shows on it: the error, warning and info squiggles of the
// active editor, and the problem counts of the status bar. Started by
// tests/agentfiles/test_copilot_headers_vscode.py. Env: CS_URL (with ?folder=), FILES (JSON
// list of relative paths), RESULT (JSON file written), CHROME, PLAYWRIGHT (playwright-core path).
'use strict';
const fs = require('node:fs');
const { chromium } = require(process.env.PLAYWRIGHT);

(async () => {
  const files = JSON.parse(process.env.FILES);
  const browser = await chromium.launch({ executablePath: process.env.CHROME || '/usr/bin/chromium', args: ['--no-sandbox'] });
  const result = {};
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(process.env.CS_URL);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForTimeout(5000); // the chat contributions (and the validator) start late
    for (const file of files) {
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 15000 });
      await input.fill(file);
      const base = file.split('/').pop();
      // the row whose label is exactly this file (fuzzy matching ranks others first at times)
      const exact = new RegExp(`^${base.replace(/\./g, '\\.')}$`);
      const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: exact }) }).first();
      await row.waitFor({ timeout: 15000 });
      await row.click();
      await page.waitForFunction((name) => {
        const tab = document.querySelector('.editor-group-container.active .tab.active');
        return tab && (tab.getAttribute('aria-label') || '').includes(name);
      }, base, { timeout: 15000 });
      await page.waitForTimeout(2500); // the prompt-file validator runs after the model loads
      result[file] = await page.evaluate(() => {
        const q = (s) => document.querySelectorAll(`.editor-group-container.active ${s}`).length;
        return { error: q('.squiggly-error'), warning: q('.squiggly-warning'), info: q('.squiggly-info') };
      });
      await page.keyboard.press('Control+W');
    }
  } finally {
    fs.writeFileSync(process.env.RESULT, JSON.stringify(result, null, 2));
    await browser.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
