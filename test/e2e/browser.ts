// Headless Debian Chromium for the e2e tests and the UI benchmark, with console errors collected.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const SCREENSHOTS = join(import.meta.dirname, '../../test-output/screenshots');

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Console errors and uncaught exceptions of a page, for "loads without errors" assertions. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Chooses an option of the antd Select labelled `label` inside `scope` (typing to filter when it searches). */
export async function pick(page: Page, scope: Page | Locator, label: string, option: string): Promise<void> {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  await box.click();
  if (await box.isEditable()) await box.fill(option);
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await dropdown.locator(`.ant-select-item-option[title="${option}"]`).click();
  await dropdown.waitFor({ state: 'hidden' });
}

/** One API call from inside the page, as the UI itself makes it: same origin, the token and session
 * headers from web storage (never a cookie). */
export async function apiCall<T>(page: Page, method: string, input: unknown = {}): Promise<T> {
  return page.evaluate(
    async ([m, body]) => {
      const token = localStorage.getItem('sanwu.token');
      const session = sessionStorage.getItem('sanwu.session');
      const headers: Record<string, string> = { 'Content-Type': 'application/json', ...(token ? { 'x-sanwu-token': token } : {}), ...(session ? { 'x-sanwu-session': session } : {}) };
      const res = await fetch(`/api/${m}`, { method: 'POST', headers, body: JSON.stringify(body) });
      const reply = (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
      if (!reply.ok) throw new Error(`${reply.error?.code}: ${reply.error?.message}`);
      return reply.value;
    },
    [method, input] as const,
  ) as Promise<T>;
}

/** What a page shows for a feature whose engine is not in this build yet (the test then skips). */
export const COMING_SOON = '功能尚在开发中';
