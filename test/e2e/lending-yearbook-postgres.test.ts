// 借阅, 利用, 年报 and the package with its stamped files (lending-yearbook.test.ts), every step of it, in
// Chromium on a PostgreSQL archive.
export {};
process.env.SANWU_E2E_ENGINE = 'postgres';
await import('./lending-yearbook.test');
