// `npm run bench [-- name…]`: runs bench/*.bench.ts (each default-exports an async function that
// returns its figures), prints them, and writes bench/results/latest.json. Not part of `npm test`.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type BenchFigures = Record<string, number | string | boolean>;
export type Bench = () => Promise<BenchFigures>;

const here = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)));

const all: Record<string, BenchFigures> = {};
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  process.stderr.write(`== ${name}\n`);
  const bench = (await import(join(here, file))).default as Bench;
  const figures = await bench();
  all[name] = figures;
  for (const [k, v] of Object.entries(figures)) process.stdout.write(`${name}.${k}: ${v}\n`);
}
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'latest.json'), `${JSON.stringify(all, null, 2)}\n`);
