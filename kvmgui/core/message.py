"""English messages a UI can translate: a "{name}" template plus its arguments (pure).

The UI looks the template up under the translation context "Messages"
(``kvmgui.ui.i18n.translate_template``) and then fills in the arguments; an argument that is a
``Message`` itself (a word such as "portgroup" inside a sentence) is translated first.
``packaging/update_translations.py`` finds the templates of ``Message.of("...")`` calls in the
source, so write the template as a literal there.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    template: str
    args: tuple[tuple[str, str | Message], ...] = ()

    @classmethod
    def of(cls, template: str, /, **args: object) -> Message:
        """``template`` with ``args``; values other than Messages are kept as text."""
        return cls(template, tuple(sorted(
            (name, value if isinstance(value, Message) else str(value))
            for name, value in args.items())))

    def __str__(self) -> str:
        """The English text."""
        return self.template.format(**{name: str(value) for name, value in self.args})


class MessageError(Exception):
    """An error whose ``message`` a UI translates; ``str()`` is the English text."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message
