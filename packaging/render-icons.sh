#!/usr/bin/env bash
# Regenerates the committed icon PNGs in resources/icons from their SVG sources with QtSvg.
#   packaging/render-icons.sh [BUILD_DIR]     (default: build; configured if needed)
# Commit the PNGs afterwards: the packaging_icons_* tests fail while they differ from the SVGs.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${1:-$root/build}"
icons="$root/resources/icons"

if [ ! -f "$build_dir/build.ninja" ] && [ ! -f "$build_dir/Makefile" ]; then
    cmake -S "$root" -B "$build_dir" -G Ninja >/dev/null
fi
cmake --build "$build_dir" --target liqscope_render_icon -j "${JOBS:-2}"
tool="$build_dir/packaging/liqscope-render-icon"

export QT_QPA_PLATFORM=offscreen
"$tool" "$icons/liqscope-small.svg" "$icons" 16 32
"$tool" "$icons/liqscope.svg" "$icons" 48 128 256
echo "Rendered into $icons: liqscope-16/32/48/128/256.png"
