// The report settings in the browser (report-settings.test.ts), every step of it, in Chromium on PostgreSQL archives.
export {};
process.env.SANWU_E2E_ENGINE = 'postgres';
await import('./report-settings.test');
