// The demo's accounts (`sanwu demo --users`) in the e2e tests: the CLI run with their password, signing
// in on the page (signing out whoever is signed in first) and the signed-in user's menu.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const ROOT = join(import.meta.dirname, '../..');
export const PASSWORD = 'demo-pass-2025';

/** `sanwu …` with SANWU_PASSWORD set (for `--as` and `demo --users`) and the suite's archive environment. */
export function sanwuWith(env: () => NodeJS.ProcessEnv): (...args: string[]) => string {
  return (...args) =>
    execFileSync(process.execPath, [join(ROOT, 'bin/sanwu.js'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...env(), SANWU_PASSWORD: PASSWORD },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 600_000,
    });
}

export async function menu(p: Page, item: string): Promise<void> {
  await p.getByTestId('signed-in-user').click();
  await p.getByRole('menuitem', { name: item }).click();
}

export async function signIn(p: Page, origin: string, username: string, password = PASSWORD): Promise<void> {
  await p.goto(`${origin}/`);
  const card = p.getByTestId('sign-in');
  await card.or(p.getByTestId('signed-in-user')).first().waitFor();
  if (await p.getByTestId('signed-in-user').isVisible()) {
    await menu(p, '退出登录');
    await card.waitFor();
  }
  await card.getByLabel('用户名').fill(username);
  await card.getByLabel('密码').fill(password);
  await card.getByRole('button', { name: '登录' }).click();
  await p.getByTestId('signed-in-user').waitFor();
}
