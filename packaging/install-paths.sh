# shellcheck shell=bash
# Sourced by install-user.sh, install-desktop-files.sh and uninstall-user.sh so that what gets
# installed and what gets removed come from one list.

KVMGUI_APP_ID=io.github.kvmgui.kvmgui
KVMGUI_ICON_NAME=kvmgui
KVMGUI_ICON_SIZES="16 22 24 32 48 64 128 256"

# Trailing slashes removed, so callers can compare directories as strings.
kvmgui_strip_slashes() {
    local dir=$1
    while [ "$dir" != / ] && [ "${dir%/}" != "$dir" ]; do
        dir=${dir%/}
    done
    printf '%s\n' "$dir"
}

# The XDG base-directory spec says to ignore a relative or empty XDG_DATA_HOME.
kvmgui_data_home() {
    case "${XDG_DATA_HOME:-}" in
        /*) kvmgui_strip_slashes "$XDG_DATA_HOME" ;;
        *) kvmgui_strip_slashes "$HOME/.local/share" ;;
    esac
}

# XDG_BIN_HOME is not in the spec yet, but pipx/uv-style tools honour it; same relative-path rule.
kvmgui_bin_home() {
    case "${XDG_BIN_HOME:-}" in
        /*) kvmgui_strip_slashes "$XDG_BIN_HOME" ;;
        *) kvmgui_strip_slashes "$HOME/.local/bin" ;;
    esac
}

kvmgui_venv_dir() {
    printf '%s\n' "$1/kvmgui/venv"
}

# Every file placed under the data directory, relative to it. Icons keep the same relative
# path as under resources/icons/ in the repository.
kvmgui_data_files() {
    printf '%s\n' "applications/$KVMGUI_APP_ID.desktop"
    printf '%s\n' "metainfo/$KVMGUI_APP_ID.metainfo.xml"
    printf '%s\n' "icons/hicolor/scalable/apps/$KVMGUI_ICON_NAME.svg"
    local size
    for size in $KVMGUI_ICON_SIZES; do
        printf '%s\n' "icons/hicolor/${size}x${size}/apps/$KVMGUI_ICON_NAME.png"
    done
}

# Tell menus and icon themes about the change. Best effort: these tools are optional and a
# failure here must not undo an otherwise complete install or uninstall.
kvmgui_refresh_caches() {
    local data_home=$1
    local hicolor="$data_home/icons/hicolor"
    if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$data_home/applications" ]; then
        update-desktop-database -q "$data_home/applications" || true
    fi
    if [ -d "$hicolor" ]; then
        # Toolkits that watch the theme directory's mtime pick up new icons from this alone.
        touch "$hicolor" || true
        # Refresh a cache only if one exists: without a cache, toolkits scan the directories,
        # and only a stale cache can hide the icons.
        if [ -f "$hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
            gtk-update-icon-cache -q -f -t "$hicolor" || true
        fi
    fi
}
