#!/usr/bin/env bash
# Installs every build, run and test dependency of Backsight on Debian 12. Idempotent: packages already
# present are skipped, and apt-get update runs only when something is missing.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql libqt6opengl6-dev
  qt6-charts-dev qt6-positioning-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-qpa-plugins libgl-dev
  libquazip1-qt6-dev zlib1g-dev libzstd-dev libsqlite3-dev libssl-dev libeigen3-dev libsimdjson-dev
  libyaml-cpp-dev
  fonts-dejavu-core poppler-utils qt6-translations-l10n
  appstream dpkg-dev
  postgresql libpq-dev
  python3 python3-pandas python3-sklearn python3-sqlalchemy
  clang llvm libclang-rt-14-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: done"
