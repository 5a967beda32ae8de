#!/usr/bin/env bash
# Render the README screenshots from the demo host: screenshots.sh KVMGUI OUTPUT_DIR
set -eu
kvmgui=$1
out=$2
mkdir -p "$out"
demo=$("$(dirname "$kvmgui")/python" -c 'from kvmgui.core.resource_paths import demo_host_uri; print(demo_host_uri())')
export QT_QPA_PLATFORM=offscreen
for theme in light dark; do
    "$kvmgui" --demo --theme "$theme" --select web01 --screenshot "$out/main-$theme.png" &
    "$kvmgui" --demo --theme "$theme" --select db01 --edit --screenshot-delay-ms 2000 \
        --screenshot "$out/editor-$theme.png" &
    "$kvmgui" --demo --theme "$theme" --select web01 --tab performance \
        --screenshot-delay-ms 30000 --screenshot "$out/performance-$theme.png" &
    "$kvmgui" --demo --theme "$theme" --select "$demo" --tab topology \
        --screenshot-delay-ms 2000 --screenshot "$out/topology-$theme.png" &
done
wait
"$kvmgui" topology --connect "$demo" --format svg --output "$out/topology-demo.svg"
