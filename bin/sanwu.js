#!/usr/bin/env node
// The `sanwu` command. Refuses old Node first: better-sqlite3 13 crashes on Node 20.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `sanwu 需要 Node.js 22.12 或更新版本（当前 ${process.versions.node}）。` +
      `请先在项目文件夹中运行 . scripts/env.sh（它会准备 Node 22），或按 README 安装 Node 22。\n`,
  );
  process.exit(2);
}
const { register } = await import('tsx/esm/api');
register();
await import('../src/main/cli/index.ts');
