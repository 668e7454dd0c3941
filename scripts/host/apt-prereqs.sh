#!/usr/bin/env bash
# Debian packages the real-editor tests need: a C/C++ toolchain and Kerberos headers so that
# code-server's native modules compile (`kerberos` needs gssapi/gssapi.h), and Chromium for
# playwright-core to drive; and pre-commit, which test/unit/ci/preCommit.test.ts runs the
# repository's hook with (git comes with it). Idempotent: packages already present are skipped without apt-get update.
set -euo pipefail
pkgs=(libkrb5-dev build-essential pkg-config python3 chromium pre-commit git)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "apt-prereqs: all present (${pkgs[*]})"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "apt-prereqs: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "apt-prereqs: done"
