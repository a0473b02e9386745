# Sourced by ./dev and .ci/run: puts a Node >= 22.19 and the pinned pnpm first on PATH.
# Uses the system Node when it is new enough; otherwise fetches Node 24 from the npm registry
# (package node-linux-<arch>@24 carries the binary) into .tools/ inside the repo. Nothing global changes.
cpo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cpo_tools="$cpo_root/.tools"
cpo_pnpm_version="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$cpo_root/package.json")"

cpo_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=19)?0:1)' 2>/dev/null
}

cpo_arch() {
  case "$(uname -m)" in
    x86_64|amd64) echo x64 ;;
    aarch64|arm64) echo arm64 ;;
    *) echo "unsupported CPU $(uname -m)" >&2; return 1 ;;
  esac
}

cpo_toolchain() {
  local want=("pnpm@$cpo_pnpm_version") node_pkg=""
  if [ -x "$cpo_tools/node_modules/.bin/node" ]; then export PATH="$cpo_tools/node_modules/.bin:$PATH"; fi
  if ! cpo_node_ok; then
    node_pkg="node-linux-$(cpo_arch)@24"
    want+=("$node_pkg")
  fi
  local have_pnpm=""
  [ -f "$cpo_tools/node_modules/pnpm/package.json" ] && have_pnpm="$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$cpo_tools/node_modules/pnpm/package.json" | head -1)"
  if [ "$have_pnpm" != "$cpo_pnpm_version" ] || [ -n "$node_pkg" ]; then
    # keep an already fetched Node when only pnpm is missing (npm prunes what it is not asked for)
    [ -z "$node_pkg" ] && [ -d "$cpo_tools/node_modules/node-linux-$(cpo_arch)" ] && want+=("node-linux-$(cpo_arch)@24")
    echo "cpo: fetching ${want[*]} from the npm registry into .tools/" >&2
    mkdir -p "$cpo_tools"
    npm install --prefix "$cpo_tools" --no-save --no-audit --no-fund --loglevel=error "${want[@]}" >&2 || return 1
  fi
  export PATH="$cpo_tools/node_modules/.bin:$PATH"
  cpo_node_ok || { echo "cpo: could not obtain Node >= 22.19" >&2; return 1; }
  export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
}
