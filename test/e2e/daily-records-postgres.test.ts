// The daily-work suite daily-records.test.ts, every test of it, in Chromium on a PostgreSQL archive.
export {};
process.env.SANWU_E2E_ENGINE = 'postgres';
await import('./daily-records.test');
