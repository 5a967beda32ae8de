"""The URI built from the Add Connection dialog's fields (pure)."""

import pytest

from kvmgui.core.uris import (
    ConnectionFields, Hypervisor, Transport, UriProblem, build_uri, uses_remote_fields,
)

H, T = Hypervisor, Transport


@pytest.mark.parametrize("fields,uri", [
    (ConnectionFields(H.QEMU_SYSTEM), "qemu:///system"),
    (ConnectionFields(H.QEMU_SESSION), "qemu:///session"),
    (ConnectionFields(H.XEN), "xen:///system"),
    (ConnectionFields(H.LXC), "lxc:///system"),
    (ConnectionFields(H.TEST), "test:///default"),
    (ConnectionFields(H.DEMO, demo_path="/opt/demo.xml"), "test:///opt/demo.xml"),
    (ConnectionFields(H.QEMU_SYSTEM, T.SSH, host="kvm1.example"), "qemu+ssh://kvm1.example/system"),
    (ConnectionFields(H.QEMU_SESSION, T.SSH, user="ann", host="kvm1", port="2222"),
     "qemu+ssh://ann@kvm1:2222/session"),
    (ConnectionFields(H.XEN, T.TLS, host="10.0.0.5"), "xen+tls://10.0.0.5/system"),
    (ConnectionFields(H.LXC, T.TCP, host="fe80::1"), "lxc+tcp://[fe80::1]/system"),
    (ConnectionFields(H.QEMU_SYSTEM, T.SSH, host="  kvm1  "), "qemu+ssh://kvm1/system"),
])
def test_fields_make_the_uri(fields: ConnectionFields, uri: str) -> None:
    result = build_uri(fields)
    assert result.ok, result.problem
    assert result.uri == uri


@pytest.mark.parametrize("fields,problem", [
    (ConnectionFields(H.QEMU_SYSTEM, T.SSH), UriProblem.HOST_REQUIRED),
    (ConnectionFields(H.QEMU_SYSTEM, T.SSH, host="bad host"), UriProblem.BAD_HOST),
    (ConnectionFields(H.QEMU_SYSTEM, T.SSH, host="h/x"), UriProblem.BAD_HOST),
    (ConnectionFields(H.QEMU_SYSTEM, T.SSH, host="h", user="a@b"), UriProblem.BAD_USER),
    (ConnectionFields(H.QEMU_SYSTEM, T.SSH, host="h", port="70000"), UriProblem.BAD_PORT),
    (ConnectionFields(H.QEMU_SYSTEM, T.SSH, host="h", port="0"), UriProblem.BAD_PORT),
    (ConnectionFields(H.DEMO, T.SSH, host="h", demo_path="/d.xml"), UriProblem.LOCAL_ONLY),
    (ConnectionFields(custom_uri="not a uri"), UriProblem.BAD_CUSTOM_URI),
])
def test_bad_fields_name_the_problem(fields: ConnectionFields, problem: UriProblem) -> None:
    result = build_uri(fields)
    assert result.problem is problem
    assert not result.ok


def test_custom_uri_wins_over_the_fields() -> None:
    fields = ConnectionFields(H.XEN, T.SSH, host="ignored",
                              custom_uri=" qemu+ssh://r@h/system?keyfile=/k ")
    assert build_uri(fields).uri == "qemu+ssh://r@h/system?keyfile=/k"
    assert build_uri(fields).ok
    assert not uses_remote_fields(fields)
    assert uses_remote_fields(ConnectionFields(H.XEN, T.SSH))
    assert not uses_remote_fields(ConnectionFields(H.XEN, T.LOCAL))
