#!/bin/bash
# Install kvmgui for the current user, without root:
#   - a private virtualenv in $XDG_DATA_HOME/kvmgui/venv (default ~/.local/share/kvmgui/venv)
#     with this checkout installed into it (not editable, so the checkout can move or go away);
#   - a launcher symlink ~/.local/bin/kvmgui (or $XDG_BIN_HOME/kvmgui);
#   - the desktop entry, AppStream metainfo and icons (see install-desktop-files.sh).
# Set PYTHON to choose the interpreter for the venv (default python3, needs 3.11 or newer).
# Building libvirt-python needs libvirt-dev, pkg-config, gcc and python3-dev (see Makefile).
set -eu -o pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
# shellcheck source=install-paths.sh
. "$here/install-paths.sh"

data_home=$(kvmgui_data_home)
bin_home=$(kvmgui_bin_home)
venv=$(kvmgui_venv_dir "$data_home")
launcher="$bin_home/kvmgui"
target="$venv/bin/kvmgui"
python=${PYTHON:-python3}

if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "$0: $python is missing or older than Python 3.11; set PYTHON=/path/to/python3.11+" >&2
    exit 1
fi

# Refuse before building anything if the launcher name is taken by something that is not ours.
if { [ -e "$launcher" ] || [ -L "$launcher" ]; } && [ "$(readlink "$launcher" || true)" != "$target" ]; then
    echo "$0: $launcher already exists and is not kvmgui's launcher; remove it first" >&2
    exit 1
fi

if [ ! -x "$venv/bin/python" ]; then
    echo "creating virtualenv $venv"
    "$python" -m venv "$venv"
fi
# Build from a scratch copy: setuptools builds in-tree, which would leave build/ in the checkout
# and could ship modules since deleted from it that linger in build/lib.
scratch=$(mktemp -d)
trap 'rm -rf -- "$scratch"' EXIT
tar -C "$repo" --exclude=./.git --exclude=./.venv --exclude=./build --exclude='*.egg-info' \
    --exclude=__pycache__ -cf - . | tar -C "$scratch" -xf -
echo "installing kvmgui from $repo into $venv"
"$venv/bin/python" -m pip install --quiet --upgrade "$scratch"
[ -x "$target" ] || { echo "$0: pip did not create $target" >&2; exit 1; }

mkdir -p "$bin_home"
ln -sfn "$target" "$launcher"
echo "installed $launcher -> $target"

"$here/install-desktop-files.sh" --launcher "$launcher" "$data_home"

case ":$PATH:" in
    *":$bin_home:"*) ;;
    *) echo "note: $bin_home is not on your PATH; add it to run 'kvmgui' from a terminal" ;;
esac
