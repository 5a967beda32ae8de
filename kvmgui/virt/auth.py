"""libvirt authentication callbacks (SASL username/password prompts) turned into plain requests.

`libvirt.openAuth` calls the callback on the thread that opens the connection (a connection
worker). The callback hands plain `CredentialPrompt`s to an `AskCredentials` function that may
block that worker until the user answers; it must never be called on the GUI thread.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import libvirt

# Kinds we can answer from a dialog; libvirt only asks for kinds listed here.
CREDENTIAL_TYPES = (
    libvirt.VIR_CRED_USERNAME, libvirt.VIR_CRED_AUTHNAME, libvirt.VIR_CRED_PASSPHRASE,
    libvirt.VIR_CRED_ECHOPROMPT, libvirt.VIR_CRED_NOECHOPROMPT, libvirt.VIR_CRED_REALM,
)
_SECRET = (libvirt.VIR_CRED_PASSPHRASE, libvirt.VIR_CRED_NOECHOPROMPT)


@dataclass(frozen=True, slots=True)
class CredentialPrompt:
    prompt: str  # libvirt's prompt text, e.g. "Please enter your authentication name"
    challenge: str
    default: str
    secret: bool  # a password: do not echo


# (uri, prompts) -> one answer per prompt, or None when the user cancelled.
AskCredentials = Callable[[str, list[CredentialPrompt]], list[str] | None]


def prompts_of(credentials: list[list[Any]]) -> list[CredentialPrompt]:
    """libvirt's [type, prompt, challenge, default, result] lists as prompts."""
    return [CredentialPrompt(prompt=str(c[1] or ""), challenge=str(c[2] or ""),
                             default=str(c[3] or ""), secret=c[0] in _SECRET)
            for c in credentials]


def auth_for(uri: str, ask: AskCredentials) -> list[Any]:
    """The `auth` argument of libvirt.openAuth, answering through `ask`."""
    def callback(credentials: list[list[Any]], _opaque: object) -> int:
        answers = ask(uri, prompts_of(credentials))
        if answers is None or len(answers) != len(credentials):
            return -1  # libvirt then fails the open with an authentication error
        for cred, answer in zip(credentials, answers, strict=True):
            cred[4] = answer
        return 0

    return [list(CREDENTIAL_TYPES), callback, None]


def open_connection(uri: str, ask: AskCredentials | None) -> libvirt.virConnect:
    """Open `uri`, answering authentication prompts through `ask` when given."""
    if ask is None:
        return libvirt.open(uri)
    return libvirt.openAuth(uri, auth_for(uri, ask), 0)
