"""error_text on a transport's failure: libvirt's ext transport runs a real command whose
stderr libvirt quotes, as it quotes ssh's (OpenSSH frames a changed host key in rows of '@')."""

from pathlib import Path

import pytest

from kvmgui.virt.errors import error_text

libvirt = pytest.importorskip("libvirt")


def failed_open(tmp_path: Path, stderr: str) -> "libvirt.libvirtError":
    command = tmp_path / "transport.sh"
    command.write_text(f"#!/bin/sh\ncat >&2 <<'EOF'\n{stderr}\nEOF\nexit 1\n")
    command.chmod(0o755)
    libvirt.registerErrorHandler(lambda _ctx, _err: None, None)
    with pytest.raises(libvirt.libvirtError) as caught:
        libvirt.open(f"qemu+ext:///system?command={command}")
    return caught.value


def test_a_framed_warning_becomes_one_line_headline_first(tmp_path: Path) -> None:
    err = failed_open(tmp_path, "@@@@@@@@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS "
                                "CHANGED!     @\n@@@@@@@@@@@@\nOffending key in /k:1\n"
                                "Host key verification failed.")
    assert "\n" in err.get_error_message()  # what libvirt itself says spans lines

    text = error_text(err)

    assert "\n" not in text and "@" not in text
    assert text.index("REMOTE HOST IDENTIFICATION HAS CHANGED!") < text.index(
        "Offending key in /k:1") < text.index("Host key verification failed.")


def test_a_one_line_transport_error_is_libvirts_own(tmp_path: Path) -> None:
    err = failed_open(tmp_path, "root@host: Permission denied (publickey).")

    assert error_text(err) == err.get_error_message()
    assert "root@host: Permission denied (publickey)." in error_text(err)
