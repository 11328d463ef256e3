# Source this file: puts Node.js >= 22.12 first on PATH, installing Node 22 from the npm registry
# into .tools/ when the system's Node is older (better-sqlite3 13 crashes on Node 20).
#   . scripts/env.sh
_sanwu_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
_sanwu_node_ok() {
  command -v node >/dev/null 2>&1 && node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}
if [ -x "$_sanwu_root/.tools/node_modules/.bin/node" ]; then
  export PATH="$_sanwu_root/.tools/node_modules/.bin:$PATH"
fi
if ! _sanwu_node_ok; then
  echo "安装 Node.js 22 到 $_sanwu_root/.tools（系统的 Node 版本过旧）……" >&2
  npm install --prefix "$_sanwu_root/.tools" --no-save --no-package-lock --loglevel=error node@22 >&2 || return 1 2>/dev/null || exit 1
  export PATH="$_sanwu_root/.tools/node_modules/.bin:$PATH"
  _sanwu_node_ok || { echo "无法准备 Node.js 22" >&2; return 1 2>/dev/null || exit 1; }
fi
# The Electron binary cannot be downloaded on these machines; the core and UI never need it.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
unset _sanwu_root
