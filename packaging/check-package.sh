#!/usr/bin/env bash
# Builds the Debian package from a configured, built tree and checks what a user would get:
# the files, the Depends line, the desktop/AppStream/MIME metadata, and that the unpacked
# liqscope runs on its own. Also checks `cmake --install` installs the same files.
#   check-package.sh --build-dir DIR --version X.Y.Z [--app-id ID] [--icon-sizes "16;32;..."]
#                    [--expect-feed yes|no]
# Registered with CTest as packaging_deb (label: packaging). Exit status 0 when every check passes.
set -uo pipefail

build_dir=""
version=""
app_id="io.liqscope.Liqscope"
icon_sizes="16;32;48;128;256"
expect_feed="no"
while [ $# -gt 0 ]; do
    case "$1" in
        --build-dir) build_dir="$2"; shift 2 ;;
        --version) version="$2"; shift 2 ;;
        --app-id) app_id="$2"; shift 2 ;;
        --icon-sizes) icon_sizes="$2"; shift 2 ;;
        --expect-feed) expect_feed="$2"; shift 2 ;;
        *) echo "check-package.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
if [ -z "$build_dir" ] || [ -z "$version" ]; then
    echo "usage: check-package.sh --build-dir DIR --version X.Y.Z [--app-id ID] [--icon-sizes LIST] [--expect-feed yes|no]" >&2
    exit 2
fi
build_dir="$(cd "$build_dir" && pwd)"

# Off Debian the tools are missing: report a skip (CTest SKIP_RETURN_CODE) rather than a failure.
missing=()
for tool in cpack dpkg dpkg-deb dpkg-shlibdeps desktop-file-validate appstreamcli update-mime-database file readelf; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "SKIP: packaging checks need ${missing[*]} (Debian: dpkg-dev desktop-file-utils appstream shared-mime-info file binutils)"
    exit 77
fi

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }

work="$(mktemp -d "${TMPDIR:-/tmp}/liqscope-package.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# --- Build the package --------------------------------------------------------------------------
arch="$(dpkg --print-architecture)"
deb_name="liqscope_${version}_${arch}.deb"
if ! (cd "$build_dir" && cpack -G DEB -B "$work/cpack") >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log" >&2
    echo "FAIL: cpack -G DEB failed in $build_dir (log above)" >&2
    exit 1
fi
deb="$work/cpack/$deb_name"
if [ ! -f "$deb" ]; then
    echo "FAIL: cpack did not produce $deb_name; it wrote: $(cd "$work/cpack" && ls ./*.deb 2>/dev/null)" >&2
    exit 1
fi
pass "cpack produced $deb_name"

root="$work/root"
dpkg-deb -x "$deb" "$root" || { echo "FAIL: dpkg-deb -x $deb_name" >&2; exit 1; }

# --- Control fields -----------------------------------------------------------------------------
for field in Package Version Architecture Maintainer Section Homepage Description Depends; do
    value="$(dpkg-deb -f "$deb" "$field")"
    if [ -z "$value" ]; then fail "control field $field is empty in $deb_name"; fi
done
description="$(dpkg-deb -f "$deb" Description)"
synopsis="$(head -n 1 <<<"$description")"
[ "$(sed -n '2p' <<<"$description" | sed 's/^ //')" != "$synopsis" ] ||
    fail "control Description repeats its synopsis as the first line of the extended description"
[ "$(wc -l <<<"$description")" -ge 3 ] || fail "control Description has no extended description"
depends="$(dpkg-deb -f "$deb" Depends)"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "control Version is '$(dpkg-deb -f "$deb" Version)', expected $version"
case "$depends" in
    *libqt6charts6*) pass "Depends names libqt6charts6" ;;
    *) fail "Depends does not name libqt6charts6 (is the desktop window linked into liqscope?): $depends" ;;
esac
case "$depends" in
    *libqt6core6*) pass "Depends names libqt6core6" ;;
    *) fail "Depends does not name libqt6core6: $depends" ;;
esac
case "$depends" in
    *libqt6sql6-sqlite*) pass "Depends names libqt6sql6-sqlite (the event store's driver)" ;;
    *) fail "Depends does not name libqt6sql6-sqlite (the event store's driver): $depends" ;;
esac
# The PostgreSQL driver (a desk's shared store) is recommended: installed by default, not required.
recommends="$(dpkg-deb -f "$deb" Recommends)"
case "$recommends" in
    *libqt6sql6-psql*) pass "Recommends names libqt6sql6-psql" ;;
    *) fail "Recommends does not name libqt6sql6-psql (--store postgresql://): $recommends" ;;
esac

# --- Files --------------------------------------------------------------------------------------
share="$root/usr/share"
expected=(
    "usr/bin/liqscope"
    "usr/share/applications/$app_id.desktop"
    "usr/share/metainfo/$app_id.metainfo.xml"
    "usr/share/mime/packages/liqscope.xml"
    "usr/share/icons/hicolor/scalable/apps/liqscope.svg"
)
[ "$expect_feed" = "yes" ] && expected+=("usr/bin/liqscope-feed" "usr/bin/liqscope-collect"
    "usr/lib/systemd/user/liqscope-collect.service")
IFS=';' read -r -a sizes <<<"$icon_sizes"
for size in "${sizes[@]}"; do
    expected+=("usr/share/icons/hicolor/${size}x${size}/apps/liqscope.png")
done
for file in "${expected[@]}"; do
    if [ -s "$root/$file" ]; then pass "$file"; else fail "$deb_name lacks $file"; fi
done
for size in "${sizes[@]}"; do
    png="$share/icons/hicolor/${size}x${size}/apps/liqscope.png"
    [ -f "$png" ] || continue
    dims="$(file -b "$png" | grep -o '[0-9]* x [0-9]*')"
    [ "$dims" = "$size x $size" ] || fail "${png#"$root"/} is '$dims', expected $size x $size"
done
for binary in "$root"/usr/bin/*; do
    [ -x "$binary" ] || fail "${binary#"$root"/} is not executable"
    # A build-tree RUNPATH in an installed binary would load libraries from the developer's machine.
    if readelf -d "$binary" 2>/dev/null | grep -E 'R(UN)?PATH' | grep -q "$build_dir"; then
        fail "${binary#"$root"/} carries a RUNPATH into the build tree"
    fi
    # libpq is resolved at run time from the QPSQL driver's copy: linked, every start would load it with
    # its Kerberos, LDAP and TLS libraries (models/store/postgresdirect.cpp).
    if readelf -d "$binary" 2>/dev/null | grep NEEDED | grep -q 'libpq\.so'; then
        fail "${binary#"$root"/} links libpq, which every start would then load"
    fi
done

# --- Metadata validators ------------------------------------------------------------------------
desktop="$share/applications/$app_id.desktop"
if [ -f "$desktop" ]; then
    if out="$(desktop-file-validate "$desktop" 2>&1)" && [ -z "$out" ]; then
        pass "desktop-file-validate"
    else
        fail "desktop-file-validate $app_id.desktop: $out"
    fi
    grep -qx 'Exec=liqscope %f' "$desktop" || fail "$app_id.desktop: Exec is not 'liqscope %f'"
    grep -qx 'MimeType=application/x-liqscope-snapshot;' "$desktop" || fail "$app_id.desktop: MimeType line"
fi
metainfo="$share/metainfo/$app_id.metainfo.xml"
if [ -f "$metainfo" ]; then
    if out="$(appstreamcli validate --no-net "$metainfo" 2>&1)"; then
        pass "appstreamcli validate --no-net"
    else
        fail "appstreamcli validate --no-net $app_id.metainfo.xml: $out"
    fi
    grep -q "<id>$app_id</id>" "$metainfo" || fail "metainfo id is not $app_id"
    grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" ||
        fail "metainfo does not launch $app_id.desktop"
    grep -q "<release version=\"$version\"" "$metainfo" || fail "metainfo has no release entry for $version"
    homepage="$(dpkg-deb -f "$deb" Homepage)"
    grep -q "<url type=\"homepage\">$homepage</url>" "$metainfo" ||
        fail "metainfo homepage differs from the package Homepage ($homepage)"
fi
if [ -f "$share/mime/packages/liqscope.xml" ]; then
    mime="$work/mime"
    mkdir -p "$mime/packages" && cp "$share/mime/packages/liqscope.xml" "$mime/packages/"
    if update-mime-database "$mime" >/dev/null 2>"$work/mime.log" &&
        grep -q '^[0-9]*:application/x-liqscope-snapshot:\*\.liqscope$' "$mime/globs2" &&
        grep -q 'liqscope-snapshot' "$mime/magic" &&
        grep -q 'application/x-liqscope-snapshot application/json' "$mime/subclasses"; then
        pass "update-mime-database: glob, magic and sub-class of application/json"
    else
        fail "MIME package liqscope.xml does not compile to the glob/magic/sub-class: $(cat "$work/mime.log")"
    fi
fi

# --- The unpacked program runs on its own --------------------------------------------------------
liqscope="$root/usr/bin/liqscope"
if [ -x "$liqscope" ]; then
    run() { (cd "$work" && env -u LD_LIBRARY_PATH QT_QPA_PLATFORM=offscreen "$liqscope" "$@"); }
    if out="$(run --version 2>&1)" && [[ "$out" == *"$version"* ]]; then
        pass "liqscope --version: $out"
    else
        fail "usr/bin/liqscope --version did not print $version: $out"
    fi
    # The bundled sample travels inside the binary: every window of it must reach the summary.
    if out="$(run --summary 2>&1)" && [[ "$out" == *"1h"* && "$out" == *"4h"* && "$out" == *"12h"* && "$out" == *"24h"* ]]; then
        pass "liqscope --summary ($(wc -l <<<"$out") lines)"
    else
        fail "usr/bin/liqscope --summary failed or lacks the 1h/4h/12h/24h windows: $out"
    fi
    if out="$(run --summary --format json 2>&1)" && [[ "$out" == "{"* && "$out" == *'"24h"'* ]]; then
        pass "liqscope --summary --format json"
    else
        fail "usr/bin/liqscope --summary --format json did not print a JSON summary: $out"
    fi
fi
feed="$root/usr/bin/liqscope-feed"
if [ -x "$feed" ]; then
    if out="$(cd "$work" && env -u LD_LIBRARY_PATH QT_QPA_PLATFORM=offscreen "$feed" --version 2>&1)" &&
        [[ "$out" == *"$version"* ]]; then
        pass "liqscope-feed --version: $out"
    else
        fail "usr/bin/liqscope-feed --version did not print $version: $out"
    fi
fi

# --- cmake --install gives people building from source the same files ----------------------------
prefix="$work/prefix"
if cmake --install "$build_dir" --prefix "$prefix" >"$work/install.log" 2>&1; then
    deb_files="$(cd "$root/usr" && find . -type f | sort)"
    installed_files="$(cd "$prefix" && find . -type f | sort)"
    if [ "$deb_files" = "$installed_files" ]; then
        pass "cmake --install --prefix installs the same $(wc -l <<<"$deb_files") files"
    else
        fail "cmake --install and the package differ: $(diff <(echo "$deb_files") <(echo "$installed_files") | grep '^[<>]' | tr '\n' ' ')"
    fi
else
    fail "cmake --install $build_dir --prefix $prefix failed: $(cat "$work/install.log")"
fi

if [ "$failures" -gt 0 ]; then
    echo "$failures packaging check(s) failed" >&2
    exit 1
fi
echo "All packaging checks passed for $deb_name"
