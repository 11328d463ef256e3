// The import suite on a PostgreSQL archive (test/e2e/engine.ts).
export {};
process.env.SANWU_E2E_ENGINE = 'postgres';
await import('./import.test');
