// What the clerk sees is true (truth.test.ts), every step of it, in Chromium on PostgreSQL archives.
export {};
process.env.SANWU_E2E_ENGINE = 'postgres';
await import('./truth.test');
