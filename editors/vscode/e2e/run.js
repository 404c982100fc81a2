// End-to-end test of the agentls extension in code-server, driven like a user with Playwright
// and Debian's Chromium. Started by tests/editors/test_vscode.py, which installs the .vsix,
// starts code-server on a workspace and the fake Anthropic server, and checks RESULT.
// Env: CS_URL (code-server URL with ?folder=), SHOTS (screenshot folder), RESULT (JSON file),
//      API_KEY (typed into "agentls: Set Anthropic API key"), CHROME (default /usr/bin/chromium),
//      MODE: `full` (default: every step), `install` (a fresh install: the agent file's warning
//      and the pattern hover, with the seconds from opening the files in RESULT.times) or `sdk`
//      (a review with the bundled server: consent to install the Anthropic SDK, then the answer)
//      or `auto` (expert.auto onSave: the code lens, the ghost text at GHOST_COLUMN of line 1, Tab)
//      or `multiroot` (a workspace of two folders: a.md and b.md open, the Problems panel's text)
//      or `restart` (helper.md's problems; the server, found by AGENTLS_E2E_MARK in its
//      environment, killed with SIGKILL KILLS times; the problems once the client restarted it).
const MODE = process.env.MODE || 'full';
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const { CS_URL, SHOTS, RESULT, API_KEY } = process.env;
const t0 = Date.now();
const result = { steps: [], ok: false };
const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const save = () => fs.writeFileSync(RESULT, JSON.stringify(result, null, 2));

async function shot(page, name) {
  const file = path.join(SHOTS, `${String(result.steps.length + 1).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  result.steps.push({ name, screenshot: file, at: (Date.now() - t0) / 1000 });
  save();
  log('step', name);
}

async function palette(page, command) {
  // The command list fills in as extensions register: retry a few times.
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 15000 });
    await input.fill(`>${command}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: command }).first();
    try {
      await row.waitFor({ timeout: 5000 });
      await row.click();
      return;
    } catch (e) {
      await page.keyboard.press('Escape');
      if (attempt >= 5) throw e;
    }
  }
}

async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15000 });
  await input.fill(name);
  // exactly `name` (the expert's review, calc.py-<expert>-<hash>.md, also matches "calc.py")
  const row = page.locator('.quick-input-list .monaco-list-row .label-name', { hasText: new RegExp(`^${name.replace('.', '\\.')}$`) }).first();
  await row.waitFor({ timeout: 15000 });
  await row.click();
  const activeTab = () => page.evaluate(() => {
    const tab = document.querySelector('.editor-group-container.active .tab.active');
    return tab ? (tab.getAttribute('aria-label') || tab.textContent || '') : '';
  });
  const deadline = Date.now() + 15000;
  let label = await activeTab();
  while (!(label === name || label.startsWith(`${name},`) || label.startsWith(`${name} `)) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    label = await activeTab();
  }
  if (Date.now() >= deadline) throw new Error(`${name} did not open: the active tab is "${label}"`);
  await page.locator('.editor-group-container.active .editor-instance .view-lines .view-line').first().waitFor({ timeout: 30000 });
}

const editorText = (page) => page.evaluate(() => {
  const ed = document.querySelector('.editor-group-container.active .editor-instance .view-lines');
  return ed ? [...ed.querySelectorAll('.view-line')]
    .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
    .map((l) => l.textContent.replace(/\u00a0/g, ' ')).join('\n') : '';
});

// Editor lines render spaces as U+00A0.
const waitForText = (page, text) => page.waitForFunction((want) => [...document.querySelectorAll('.editor-instance .view-lines')]
  .some((v) => v.textContent.replace(/\u00a0/g, ' ').includes(want)), text, { timeout: 20000 });

async function hoverText(page, box, want) {
  const re = new RegExp(want, 'i');
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.move(box.x + 6, box.y + box.height / 2);
    try {
      await page.waitForFunction((w) => [...document.querySelectorAll('.monaco-hover')]
        .some((h) => new RegExp(w, 'i').test(h.innerText)), want, { timeout: 6000 });
      return page.evaluate(() => [...document.querySelectorAll('.monaco-hover')].map((h) => h.innerText).join('\n'));
    } catch {
      await page.mouse.move(5, 5);
    }
  }
  throw new Error(`no hover matching ${re}`);
}

// The language servers this session started: AGENTLS_E2E_MARK=<MARK> in their environment.
function serverPids() {
  const want = `AGENTLS_E2E_MARK=${process.env.MARK}`;
  const found = [];
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(want)) continue;
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0');
      if (argv.includes('serve') || argv.some((a) => a.endsWith('agentls_server.py'))) found.push(Number(pid));
    } catch { /* gone meanwhile */ }
  }
  return found;
}

const problemsText = (page) => page.evaluate(() => {
  const panel = document.querySelector('.markers-panel');
  return panel ? panel.innerText : '';
});

async function quickFix(page, box, title) {
  await page.mouse.move(640, 760);
  await page.mouse.click(box.x + 3, box.y + box.height / 2);
  await page.keyboard.press('Control+.');
  const item = page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
  await item.waitFor({ timeout: 20000 });
  return item;
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME || '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    await page.goto(CS_URL);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
    // the extension is active once its status bar item shows
    await page.locator('.statusbar-item', { hasText: 'agentls' }).first().waitFor({ timeout: 60000 });

    if (MODE === 'multiroot') {
      // Each folder's own settings: the Problems panel once both files are checked.
      await openFile(page, 'a.md');
      await openFile(page, 'b.md');
      await page.keyboard.press('Control+Shift+M');
      const problems = () => page.evaluate(() => {
        const panel = document.querySelector('.markers-panel');
        return panel ? panel.innerText : '';
      });
      const count = (t, w) => t.split(w).length - 1;
      const deadline = Date.now() + 60000;
      result.problems = await problems();
      while (count(result.problems, 'AG160') < 2 && Date.now() < deadline) {
        await page.waitForTimeout(250);
        result.problems = await problems();
      }
      await page.waitForTimeout(2000); // settings that arrive late would republish now
      result.problems = await problems();
      await shot(page, 'multiroot-problems');
      result.ok = true;
      return;
    }

    if (MODE === 'restart') {
      // Crash safety: the server killed outright; vscode-languageclient starts a new one
      // (its default error handler: up to 4 restarts in 3 minutes), which must show the
      // same problems. The client drops the dead server's diagnostics before it starts the new
      // one, so what shows once a new process exists came from the new server.
      await openFile(page, 'helper.md');
      await page.keyboard.press('Control+Shift+M');
      const settle = async (what) => {
        const deadline = Date.now() + 60000;
        let text = await problemsText(page);
        while (!text.includes('AG005') && Date.now() < deadline) {
          await page.waitForTimeout(100);
          text = await problemsText(page);
        }
        const seen = Date.now();
        await page.waitForTimeout(1000); // a late publication would change it now
        text = await problemsText(page);
        await shot(page, what);
        return { text, seen };
      };
      result.before = (await settle('restart-before')).text;
      result.rounds = [];
      for (let i = 0; i < Number(process.env.KILLS || 1); i++) {
        const victims = serverPids();
        if (victims.length !== 1) throw new Error(`expected one agentls server, found ${JSON.stringify(victims)}`);
        const killed = Date.now();
        process.kill(victims[0], 'SIGKILL');
        let next = [];
        while (Date.now() - killed < 60000) {
          next = serverPids().filter((pid) => pid !== victims[0]);
          if (next.length) break;
          await page.waitForTimeout(100);
        }
        if (!next.length) throw new Error('no new agentls server within 60 s of the kill');
        const restarted = (Date.now() - killed) / 1000;
        const after = await settle(`restart-after-${i + 1}`);
        result.rounds.push({ killed: victims[0], restartedAs: next, restarted,
          problemsBack: (after.seen - killed) / 1000, after: after.text });
        save();
      }
      result.ok = true;
      return;
    }

    // 1. The API key, through the command and SecretStorage.
    if (MODE !== 'install') {
    await palette(page, 'agentls: Set Anthropic API key');
    const keyInput = page.locator('.quick-input-widget input[type="password"]');
    await keyInput.waitFor({ timeout: 15000 });
    await keyInput.fill(API_KEY);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.body.innerText.includes('Anthropic API key stored'), null, { timeout: 15000 });
    await shot(page, 'api-key-stored');
    }
    if (MODE === 'auto') {
      // expert.auto "onSave": edit f's body and save; after "Send", the code lens above f, the
      // suggestion's replacement as ghost text with the cursor at its first change, Tab applies it.
      await palette(page, 'Notifications: Clear All Notifications');
      await openFile(page, 'calc.py');
      result.autoBefore = await editorText(page);
      // Edit only once the server has the file (its outline in the breadcrumbs): an edit and
      // save before the lazily started server's didOpen would reach it as the opened text.
      await page.keyboard.press('Control+Home');
      await page.locator('.breadcrumbs-control .monaco-breadcrumb-item', { hasText: /^\s*f\s*$/ }).first()
        .waitFor({ timeout: 60000 });
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('End');
      await page.keyboard.type('  # sum');
      await page.keyboard.press('Control+S');
      // The consent (window/showMessageRequest) is a notification: a toast, or in the list
      // behind the bell when the toast is not shown.
      const send = page.locator('.notification-list-item', { hasText: 'expert.auto' })
        .locator('.monaco-button', { hasText: /^Send$/ }).first();
      for (let attempt = 0; ; attempt++) {
        try {
          await send.waitFor({ timeout: 5000 });
          break;
        } catch (e) {
          if (attempt >= 12) throw e;
          await palette(page, 'Notifications: Show Notifications');
        }
      }
      result.consent = await page.locator('.notification-list-item', { hasText: 'expert.auto' }).first().innerText();
      await send.click();
      const lens = page.locator('.editor-instance .codelens-decoration', { hasText: 'agentls: 1 suggestion' }).first();
      await lens.waitFor({ timeout: 60000 });
      result.lens = await page.locator('.editor-instance .codelens-decoration').first().innerText();
      await shot(page, 'auto-code-lens');
      await page.locator('.editor-instance .view-lines').first().click();
      await page.keyboard.press('Control+Home');
      for (let i = 0; i < Number(process.env.GHOST_COLUMN || 0); i++) await page.keyboard.press('ArrowRight');
      const ghost = '.editor-instance .ghost-text-decoration, .editor-instance .ghost-text-decoration-preview';
      for (let attempt = 0; ; attempt++) {
        await palette(page, 'Trigger Inline Suggestion'); // editor.action.inlineSuggest.trigger
        try {
          await page.waitForSelector(ghost, { timeout: 5000 });
          break;
        } catch (e) {
          if (attempt >= 3) throw e;
        }
      }
      result.ghost = await page.evaluate((g) => [...document.querySelectorAll(g)].map((e) => e.textContent).join(''), ghost);
      await shot(page, 'auto-ghost-text');
      await page.keyboard.press('Tab');
      await page.waitForFunction((g) => document.querySelectorAll(g).length === 0, ghost, { timeout: 10000 });
      // not saved (a save would send the changed `f` again); the applied suggestion's code
      // changed, so its lens goes at the next refresh
      await page.waitForFunction(() => ![...document.querySelectorAll('.editor-instance .codelens-decoration')]
        .some((l) => l.textContent.includes('agentls:')), null, { timeout: 10000 }).catch(() => {});
      result.lensAfter = await page.evaluate(() => [...document.querySelectorAll('.editor-instance .codelens-decoration')]
        .map((l) => l.textContent).join(' | '));
      result.autoAfter = await editorText(page);
      await shot(page, 'auto-tab-applied');
      result.ok = true;
      return;
    }
    if (MODE === 'sdk') {
      // The bundled server has no Anthropic SDK: the first review asks to install it.
      await openFile(page, 'calc.py');
      await palette(page, 'agentls: Review this module with the expert');
      const install = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Install$/ }).first();
      await install.waitFor({ timeout: 60000 });
      result.consent = await page.locator('.monaco-dialog-box').first().innerText();
      await shot(page, 'sdk-consent');
      await install.click();
      const marker = '.editor-instance .squiggly-hint, .editor-instance .squiggly-info';
      await page.waitForFunction((m) => document.body.innerText.includes('suggestion(s) from')
        || document.querySelectorAll(m).length > 0, marker, { timeout: 240000 });
      await shot(page, 'sdk-expert-review');
      result.ok = true;
      return;
    }

    // 2. The agent file: the AG005 warning squiggle and its hover.
    const opened = Date.now();
    result.times = {};
    await openFile(page, 'helper.md');
    const squiggle = page.locator('.editor-instance .squiggly-warning').first();
    await squiggle.waitFor({ timeout: 60000 });
    result.times.warning = (Date.now() - opened) / 1000;
    result.agentBefore = await editorText(page);
    result.status = await page.locator('.statusbar-item', { hasText: 'agentls' }).first().innerText().catch(() => '');
    await shot(page, 'agent-warning-squiggle');
    const sqBox = await squiggle.boundingBox();
    result.agentHover = await hoverText(page, sqBox, 'lenient retry');
    await shot(page, 'agent-warning-hover');

    // 3. Its quick fix, from the lightbulb menu (Ctrl+.).
    if (MODE === 'full') {
    const fix = await quickFix(page, sqBox, 'Quote the values');
    await shot(page, 'agent-quick-fix-menu');
    await fix.click();
    await waitForText(page, 'description: "Use it.');
    await page.keyboard.press('Control+S');
    await page.waitForFunction(() => document.querySelectorAll('.editor-instance .squiggly-warning').length === 0, null, { timeout: 15000 });
    result.agentAfter = await editorText(page);
    await shot(page, 'agent-fixed');
    }

    // 4. The pattern hover on a class in a Python file.
    await openFile(page, 'config.py');
    const word = page.locator('.editor-instance .view-lines .view-line span span', { hasText: /^Config$/ }).first();
    await word.waitFor({ timeout: 30000 });
    result.pythonHover = await hoverText(page, await word.boundingBox(), 'singleton');
    result.times.patternHover = (Date.now() - opened) / 1000;
    await shot(page, 'python-pattern-hover');
    if (MODE === 'install') {
      // A Copilot agent file (language id `chatagent`): VS Code's own check and agentls's
      // together in the Problems panel, a problem VS Code reports shown once.
      await openFile(page, 'planner.agent.md');
      await page.keyboard.press('Control+Shift+M');
      const problems = () => page.evaluate(() => {
        const panel = document.querySelector('.markers-panel');
        return panel ? panel.innerText : '';
      });
      const settled = (t) => t.includes('AG160') && t.includes("'target' attribute") && !t.includes('AG170');
      const deadline = Date.now() + 30000;
      result.problems = await problems();
      while (!settled(result.problems) && Date.now() < deadline) {
        await page.waitForTimeout(250);
        result.problems = await problems();
      }
      await page.waitForTimeout(1500); // a late duplicate would show up now
      result.problems = await problems();
      result.language = await page.locator('.statusbar-item[id*="editorLanguageStatus"], .statusbar-item[aria-label*="Language"]')
        .first().innerText().catch(() => '');
      await shot(page, 'copilot-agent-problems');
      result.ok = true;
      return;
    }

    // 5. "review module" against the fake Anthropic server, then apply a suggestion.
    await openFile(page, 'calc.py');
    result.calcBefore = await editorText(page);
    await palette(page, 'agentls: Review this module with the expert');
    const marker = '.editor-instance .squiggly-hint, .editor-instance .squiggly-info';
    await page.waitForFunction((m) => document.body.innerText.includes('suggestion(s) from')
      || document.querySelectorAll(m).length > 0, marker, { timeout: 60000 }).catch(() => {});
    await shot(page, 'expert-review');
    await openFile(page, 'calc.py'); // the review opens beside it; come back to the module
    const line1 = page.locator('.editor-instance .view-lines .view-line span span', { hasText: /^f$/ }).first();
    await line1.waitFor({ timeout: 30000 });
    const apply = await quickFix(page, await line1.boundingBox(), 'Apply:');
    result.applyTitle = await apply.innerText();
    await shot(page, 'expert-apply-menu');
    await apply.click();
    // An AI edit needs confirmation: VS Code shows the refactor preview with the change
    // unticked; the user ticks it and applies.
    const previewApply = page.locator('.part.panel .monaco-button', { hasText: /^Apply$/ }).first();
    await previewApply.waitFor({ timeout: 20000 });
    const tick = page.locator('.part.panel .monaco-custom-toggle').first();
    await tick.waitFor({ timeout: 10000 });
    await tick.click();
    await page.waitForFunction(() => document.querySelector('.part.panel .monaco-custom-toggle.checked') !== null,
      null, { timeout: 10000 });
    await shot(page, 'expert-refactor-preview');
    await previewApply.click();
    await waitForText(page, 'def total(a, b)');
    await openFile(page, 'calc.py');
    await page.keyboard.press('Control+S');
    result.calcAfter = await editorText(page);
    await shot(page, 'expert-applied');
    result.ok = true;
  } catch (e) {
    result.error = String(e && e.stack || e);
    log('ERROR', result.error);
    try { await shot(await browser.contexts()[0].pages()[0], 'failure'); } catch { /* ignore */ }
  } finally {
    save();
    await browser.close();
    log(result.ok ? 'RESULT: PASS' : 'RESULT: FAIL');
    process.exit(result.ok ? 0 : 1); // eslint-disable-line no-unsafe-finally
  }
})();
