"""libvirt URIs (pure): the dialog's URI, the one is_local rule, passwords kept out."""

import pytest

from kvmgui.core.uris import (
    ConnectionFields, Hypervisor, Transport, UriProblem, build_uri, is_local, is_test_driver,
    uri_parts, uses_remote_fields, without_password,
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


@pytest.mark.parametrize("uri,local", [
    ("qemu:///system", True), ("qemu:///session", True), ("qemu+unix:///system", True),
    ("test:///default", True), ("test:///tmp/host.xml", True),
    ("qemu+ssh://root@host/system", False), ("qemu+ssh:///system", False),
    ("qemu+tcp://127.0.0.1/system", False), ("qemu://kvm1.example/system", False),
    ("qemu+tls://[fe80::1]/system", False),
])
def test_one_rule_says_whether_the_host_is_this_machine(uri: str, local: bool) -> None:
    assert is_local(uri) is local


def test_test_driver_and_uri_parts() -> None:
    assert is_test_driver("test:///default") and not is_test_driver("qemu:///system")
    parts = uri_parts("qemu+ssh://ann@kvm1:2222/system?keyfile=/k")
    assert (parts.driver, parts.transport, parts.user, parts.host, parts.port, parts.path) == (
        "qemu", "ssh", "ann", "kvm1", 2222, "/system")
    assert uri_parts("qemu+ssh://kvm1:notaport/system").port is None


@pytest.mark.parametrize("uri,clean", [
    ("qemu+ssh://root:secret@host/system", "qemu+ssh://root@host/system"),
    ("qemu+ssh://root:@host:22/system?keyfile=/k", "qemu+ssh://root@host:22/system?keyfile=/k"),
    ("qemu+tcp://:pw@host/system", "qemu+tcp://host/system"),
])
def test_a_password_in_a_uri_is_taken_out(uri: str, clean: str) -> None:
    assert without_password(uri) == (clean, True)
    assert "secret" not in without_password(uri)[0]


@pytest.mark.parametrize("uri", ["qemu:///system", "qemu+ssh://root@host/system",
                                 "test:///tmp/a:b@c.xml"])
def test_uris_without_a_password_stay_as_they_are(uri: str) -> None:
    assert without_password(uri) == (uri, False)


def test_the_dialog_refuses_a_custom_uri_with_a_password() -> None:
    result = build_uri(ConnectionFields(custom_uri="qemu+ssh://root:secret@host/system"))
    assert result.problem is UriProblem.PASSWORD_IN_URI and not result.ok
    assert "secret" not in result.uri
