// The daily-work suite daily-firstrun.test.ts, every test of it, in Chromium on a PostgreSQL archive.
export {};
process.env.SANWU_E2E_ENGINE = 'postgres';
await import('./daily-firstrun.test');
