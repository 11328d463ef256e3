// Sign-in, roles and the rest of the accounts suite (accounts.test.ts), in Chromium on PostgreSQL archives.
export {};
process.env.SANWU_E2E_ENGINE = 'postgres';
await import('./accounts.test');
