// Issue 10's UI (trust.test.ts), every step of it, in Chromium on a PostgreSQL archive.
export {};
process.env.SANWU_E2E_ENGINE = 'postgres';
await import('./trust.test');
