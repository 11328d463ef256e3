// The lifecycle suite (lifecycle.test.ts: appraisal, holds, destruction, transfer), in Chromium on a PostgreSQL archive.
export {};
process.env.SANWU_E2E_ENGINE = 'postgres';
await import('./lifecycle.test');
