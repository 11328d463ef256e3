// The district in the browser (district.test.ts), every step of it, in Chromium on a PostgreSQL archive.
export {};
process.env.SANWU_E2E_ENGINE = 'postgres';
await import('./district.test');
