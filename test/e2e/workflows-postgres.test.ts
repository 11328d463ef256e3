// The whole UI's workflows (workflows.test.ts), every one of them, in Chromium on a PostgreSQL archive.
export {};
process.env.SANWU_E2E_ENGINE = 'postgres';
await import('./workflows.test');
