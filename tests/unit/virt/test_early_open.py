"""Early opening of local connections (real test driver)."""

from kvmgui.core.uris import is_local
from kvmgui.virt import early_open


def test_local_uris_open_early_and_are_taken_once() -> None:
    early_open.begin(["test:///default"])
    conn = early_open.take("test:///default")
    assert conn is not None and conn.getType() == "TEST"
    conn.close()
    assert early_open.take("test:///default") is None  # taken once; later opens are normal


def test_remote_and_failing_uris_fall_back_to_the_normal_open() -> None:
    assert not is_local("qemu+ssh://root@host.invalid/system")
    assert not is_local("qemu+tcp://127.0.0.1/system")
    assert is_local("qemu:///system") and is_local("test:///tmp/h.xml")
    early_open.begin(["qemu+ssh://root@host.invalid/system", "test:///nonexistent/x.xml"])
    assert early_open.take("qemu+ssh://root@host.invalid/system") is None  # never begun
    assert early_open.take("test:///nonexistent/x.xml") is None  # failed: opened again later
