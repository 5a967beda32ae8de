#!/bin/bash
# Install kvmgui's desktop entry, AppStream metainfo and icons into an XDG data directory.
#
# usage: install-desktop-files.sh [--launcher ABSOLUTE_PATH] [DATA_DIR]
#
# DATA_DIR defaults to $XDG_DATA_HOME, else ~/.local/share. With --launcher, the desktop
# entry runs that file instead of looking up "kvmgui" on PATH, because graphical sessions
# often do not have ~/.local/bin on their PATH.
set -eu -o pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
# shellcheck source=install-paths.sh
. "$here/install-paths.sh"

usage() {
    echo "usage: $0 [--launcher ABSOLUTE_PATH] [DATA_DIR]" >&2
    exit 2
}

launcher=""
while [ $# -gt 0 ]; do
    case "$1" in
        --launcher) [ $# -ge 2 ] || usage; launcher=$2; shift 2 ;;
        -h|--help) usage ;;
        -*) usage ;;
        *) break ;;
    esac
done
[ $# -le 1 ] || usage
data_home=$(kvmgui_strip_slashes "${1:-$(kvmgui_data_home)}")
case "$data_home" in
    /*) ;;
    *) echo "$0: DATA_DIR must be an absolute path: $data_home" >&2; exit 2 ;;
esac

# Source in the repository for a path relative to the data directory.
source_of() {
    case "$1" in
        applications/*) printf '%s\n' "$here/${1#applications/}" ;;
        metainfo/*) printf '%s\n' "$here/${1#metainfo/}" ;;
        icons/*) printf '%s\n' "$repo/resources/$1" ;;
        *) echo "$0: no source known for $1" >&2; exit 1 ;;
    esac
}

# The Exec value is written unquoted, so only accept paths that need no desktop-entry escaping.
exec_line=""
if [ -n "$launcher" ]; then
    case "$launcher" in
        /*) ;;
        *) echo "$0: --launcher must be an absolute path: $launcher" >&2; exit 2 ;;
    esac
    if [[ "$launcher" =~ ^[A-Za-z0-9/._+-]+$ ]]; then
        exec_line="Exec=$launcher"
    else
        echo "$0: note: $launcher needs quoting in a desktop entry; the menu entry will run" \
            "'kvmgui' from PATH instead" >&2
    fi
fi

while IFS= read -r rel; do
    src=$(source_of "$rel")
    dest="$data_home/$rel"
    mkdir -p "$(dirname "$dest")"
    if [ -n "$exec_line" ] && [ "${rel%.desktop}" != "$rel" ]; then
        # Replace only the command word so any field codes after it survive.
        sed -E "s|^Exec=kvmgui( \|$)|$exec_line\\1|" "$src" >"$dest"
        chmod 0644 "$dest"
        grep -qxF -- "$exec_line" "$dest" || { echo "$0: could not set Exec in $dest" >&2; exit 1; }
    else
        install -m 0644 "$src" "$dest"
    fi
    echo "installed $dest"
done < <(kvmgui_data_files)

kvmgui_refresh_caches "$data_home"
