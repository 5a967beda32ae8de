#!/bin/bash
# Remove what install-user.sh installed for the current user: the virtualenv, the launcher
# symlink, the desktop entry, the metainfo and the icons. Settings and other files kvmgui
# itself wrote are left alone. Running it twice is harmless.
set -eu -o pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=install-paths.sh
. "$here/install-paths.sh"

data_home=$(kvmgui_data_home)
bin_home=$(kvmgui_bin_home)
venv=$(kvmgui_venv_dir "$data_home")
launcher="$bin_home/kvmgui"

# Only remove a launcher that points into our venv; anything else there belongs to someone else.
if [ -L "$launcher" ] && [ "$(readlink "$launcher")" = "$venv/bin/kvmgui" ]; then
    rm -f -- "$launcher"
    echo "removed $launcher"
elif [ -e "$launcher" ] || [ -L "$launcher" ]; then
    echo "$0: leaving $launcher: it was not installed by install-user.sh" >&2
fi

if [ -d "$venv" ]; then
    rm -rf -- "$venv"
    echo "removed $venv"
fi
rmdir -- "$(dirname "$venv")" 2>/dev/null || true

while IFS= read -r rel; do
    path="$data_home/$rel"
    if [ -e "$path" ] || [ -L "$path" ]; then
        rm -f -- "$path"
        echo "removed $path"
    fi
    # Drop directories this left empty (e.g. icons/hicolor/16x16/apps), never the data dir itself.
    dir=$(dirname "$path")
    while [ "$dir" != "$data_home" ] && rmdir -- "$dir" 2>/dev/null; do
        dir=$(dirname "$dir")
    done
done < <(kvmgui_data_files)

kvmgui_refresh_caches "$data_home"
