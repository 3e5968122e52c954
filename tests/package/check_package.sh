#!/usr/bin/env bash
# Builds the Debian package from this build tree's own targets (cpack, as `--target package` does) and checks
# what it installs, its control fields and its metadata; then, as root where apt-get can, installs it with
# `apt-get install ./backsight_*.deb` and runs the installed backsight-cli. Usage: check_package.sh BUILD_DIR VERSION
set -euo pipefail
build=$1
version=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
for tool in cpack dpkg-deb dpkg-shlibdeps appstreamcli; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (bash installer/install-deps.sh)"; exit 77; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work" >"$work/cpack.log" 2>&1; then
  cat "$work/cpack.log" >&2
  fail "cpack could not build the package"
fi
debs=("$work"/backsight_*.deb)
[ -f "${debs[0]}" ] || fail "cpack wrote no backsight_*.deb into $work"
deb=${debs[0]}
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"

contents=$(dpkg-deb --contents "$deb" | awk '{print $6}')
id=io.github.backsight.Backsight
for path in ./usr/bin/backsight ./usr/bin/backsight-cli \
            ./usr/share/applications/$id.desktop ./usr/share/metainfo/$id.metainfo.xml \
            ./usr/share/icons/hicolor/scalable/apps/backsight.svg \
            ./usr/share/man/man1/backsight.1.gz ./usr/share/man/man1/backsight-cli.1.gz \
            ./usr/share/bash-completion/completions/backsight-cli \
            ./usr/share/bash-completion/completions/backsight; do
  grep -qxF "$path" <<<"$contents" || fail "the package lacks $path"
done
if grep -vE '^\./usr/(bin|share)/|^\./usr/$|^\./$' <<<"$contents"; then
  fail "the package installs files outside /usr/bin and /usr/share (above)"
fi

field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = backsight ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', expected $version"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] || fail "Architecture is '$(field Architecture)'"
depends=$(field Depends)
echo "Depends: $depends"
# From dpkg-shlibdeps (with versions), and the Qt plugins it cannot see.
for dep in 'libc6 (>= ' 'libqt6core6 (>= ' 'libqt6widgets6 (>= ' 'libqt6sql6 (>= ' 'libquazip1-qt6' 'libssl3 (>= ' \
           'libqt6sql6-sqlite' 'libqt6svg6'; do
  grep -qF "$dep" <<<"$depends" || fail "Depends lacks '$dep'"
done

root="$work/root"
dpkg-deb -x "$deb" "$root"
appstreamcli validate --no-net "$root/usr/share/metainfo/$id.metainfo.xml" || fail "appstreamcli validate failed"
grep -qx "Exec=backsight" "$root/usr/share/applications/$id.desktop" || fail "the .desktop entry does not start backsight"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$root/usr/share/applications/$id.desktop" || fail "desktop-file-validate failed"
fi
for page in backsight backsight-cli; do
  gzip -t "$root/usr/share/man/man1/$page.1.gz" || fail "$page.1.gz is not gzip"
  zcat "$root/usr/share/man/man1/$page.1.gz" | grep -q "^\.TH " || fail "$page.1.gz has no .TH header"
done
bash -n "$root/usr/share/bash-completion/completions/backsight-cli" || fail "the bash completion does not parse"
[ "$("$root/usr/bin/backsight-cli" --version)" = "backsight-cli $version" ] || fail "the packaged backsight-cli --version is wrong"

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null || [ -n "${BACKSIGHT_SKIP_INSTALL_TEST:-}" ]; then
  echo "install: skipped (needs root and apt-get; BACKSIGHT_SKIP_INSTALL_TEST unset)"
  exit 0
fi
was_installed=0
dpkg-query -W -f='${Status}' backsight 2>/dev/null | grep -q "install ok installed" && was_installed=1
cp "$deb" "$work/install.deb"
chmod a+r "$work" "$work/install.deb" # apt's sandbox user reads the file
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=120 "$work/install.deb" >"$work/apt.log" 2>&1 ||
  { cat "$work/apt.log" >&2; fail "apt-get install ./$(basename "$deb") failed"; }
installed=$(/usr/bin/backsight-cli --version)
echo "installed: $installed"
[ -f /usr/share/applications/$id.desktop ] || fail "the installed package has no .desktop entry"
if [ $was_installed -eq 0 ]; then # leave the machine as it was
  apt-get remove -y -qq -o DPkg::Lock::Timeout=120 backsight >>"$work/apt.log" 2>&1 || fail "apt-get remove backsight failed"
fi
[ "$installed" = "backsight-cli $version" ] || fail "the installed backsight-cli --version printed '$installed'"
echo "ok"
