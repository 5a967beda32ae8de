"""The committed translations cover every user-visible string of the current source.

lupdate runs over the source into a scratch .ts; every (context, source) it finds must be in
the committed .ts, finished and non-empty, and the committed .qm must be what lrelease makes
of the committed .ts. Strings lupdate cannot see (a ``tr`` of a variable or inside an
f-string, ``t = self.tr``) are caught by reading the source with ``ast``.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest
from lxml import etree
from PySide6.QtCore import QTranslator

REPO = Path(__file__).resolve().parents[3]


def _load_update_script() -> ModuleType:
    path = REPO / "packaging" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


update = _load_update_script()
LANGUAGES: tuple[str, ...] = update.LANGUAGES
# The translation helpers themselves pass variables on: everything else must be literal.
HELPER_FILES = {REPO / "kvmgui" / "ui" / "i18n.py"}
PRINTF = re.compile(r"%(?:\d+|[sdn%])")
BRACED = re.compile(r"\{(\w+)\}")
MNEMONIC = re.compile(r"&(?!&)(.)")


@dataclass(frozen=True)
class Entry:
    numerus: bool
    finished: bool
    texts: tuple[str, ...]  # the translation, or its numerus forms


def read_ts(path: Path) -> dict[tuple[str, str], Entry]:
    entries = {}
    for context in etree.parse(str(path)).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")]
            texts = tuple(forms) if forms else (translation.text or "",)
            entries[(name, message.findtext("source") or "")] = Entry(
                message.get("numerus") == "yes",
                translation.get("type") not in ("unfinished", "vanished", "obsolete"),
                texts)
    return entries


@pytest.fixture(scope="module")
def current_strings(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Entry]:
    """What lupdate finds in the source right now (a fresh .ts, nothing translated)."""
    scratch = tmp_path_factory.mktemp("lupdate") / "current.ts"
    update.run_lupdate(update.lupdate_inputs(), scratch, "zh_CN")
    return read_ts(scratch)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_of_the_source_is_translated(
    language: str, current_strings: dict[tuple[str, str], Entry]
) -> None:
    committed = read_ts(update.ts_path(language))
    missing = sorted(key for key in current_strings if key not in committed)
    unfinished = sorted(key for key in current_strings if key in committed
                        and not (committed[key].finished and all(committed[key].texts)))
    assert not missing, f"not in {update.ts_path(language).name} (run `make translations`): " \
                        f"{missing}"
    assert not unfinished, f"untranslated in {update.ts_path(language).name}: {unfinished}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_committed_ts_holds_nothing_the_source_lost(
    language: str, current_strings: dict[tuple[str, str], Entry]
) -> None:
    committed = read_ts(update.ts_path(language))
    stale = sorted(key for key in committed if key not in current_strings)
    assert not stale, f"strings no longer in the source (run `make translations`): {stale}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_committed_qm_is_compiled_from_the_committed_ts(language: str, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    update.run_lrelease(update.ts_path(language), fresh)
    committed = update.qm_path(language)
    assert committed.exists(), f"{committed.name} is missing (run `make translations`)"
    assert committed.read_bytes() == fresh.read_bytes(), \
        f"{committed.name} is older than {update.ts_path(language).name} (run `make translations`)"


@pytest.mark.parametrize("language", LANGUAGES)
def test_qm_loads_and_gives_each_translation(language: str) -> None:
    translator = QTranslator()
    assert translator.load(str(update.qm_path(language)))
    for (context, source), entry in read_ts(update.ts_path(language)).items():
        n = 2 if entry.numerus else -1
        assert translator.translate(context, source, None, n) == entry.texts[-1], (context, source)


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders_and_mnemonics(language: str) -> None:
    wrong = []
    for (context, source), entry in read_ts(update.ts_path(language)).items():
        for text in entry.texts:
            if not text:
                continue
            # Python's % formatting fills placeholders in order: the order must stay.
            if PRINTF.findall(text) != PRINTF.findall(source):
                wrong.append((context, source, text, "printf placeholders"))
            if sorted(BRACED.findall(text)) != sorted(BRACED.findall(source)):
                wrong.append((context, source, text, "{name} placeholders"))
            if len(MNEMONIC.findall(text)) != len(MNEMONIC.findall(source)):
                wrong.append((context, source, text, "& mnemonic"))
            elif MNEMONIC.findall(source) and \
                    MNEMONIC.findall(text)[0].lower() != MNEMONIC.findall(source)[0].lower() \
                    and not MNEMONIC.findall(text)[0].isdigit():
                wrong.append((context, source, text, "mnemonic letter"))
    assert not wrong, wrong


def test_message_catalog_lists_the_current_templates() -> None:
    expected = update.catalog_source(update.message_templates(update.source_files()))
    assert update.CATALOG.read_text(encoding="utf-8") == expected, \
        "packaging/message_catalog.py is stale (run `make translations`)"


def test_template_collection_refuses_a_computed_template(tmp_path: Path) -> None:
    source = tmp_path / "computed.py"
    source.write_text('problems.error("name", "The " + what + " is wrong.")\n')
    with pytest.raises(update.TemplateError, match="computed.py:1"):
        update.message_templates([source])


def test_template_collection_reads_messages_and_problems(tmp_path: Path) -> None:
    source = tmp_path / "pure.py"
    source.write_text(
        'Message.of("{a} and {b}", a=1, b=2)\n'
        'problems.warning("field", "Watch "\n    "out.")\n'
        'Problem.make("error", "field", "Broken {thing}.", thing=3)\n'
        'log.error("not a template %s", 1)\n'
        'Problem.error(field_name, template)\n')
    assert update.message_templates([source]) == ["Broken {thing}.", "Watch out.", "{a} and {b}"]


def _invisible_to_lupdate(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Attribute) \
                and node.value.attr == "tr":
            yield f"{path}:{node.lineno}: an alias of tr hides its strings from lupdate"
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("tr", "translate")):
            continue
        receiver = node.func.value
        if node.func.attr == "tr" and not (isinstance(receiver, ast.Name) and (
                receiver.id == "self" or receiver.id[:1].isupper())):
            # lupdate files `feature.tr(...)` under the context "feature", not the class's name.
            yield f"{path}:{node.lineno}: tr() on {ast.unparse(receiver)} gets the wrong context"
        position = 1 if node.func.attr == "translate" else 0
        text = node.args[position] if len(node.args) > position else None
        if not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
            yield f"{path}:{node.lineno}: the text of {node.func.attr}() must be a literal"
        parent = parents.get(node)
        while parent is not None:
            if isinstance(parent, ast.JoinedStr):
                yield f"{path}:{node.lineno}: {node.func.attr}() inside an f-string"
                break
            parent = parents.get(parent)


def test_every_translated_text_is_a_literal_lupdate_can_read() -> None:
    problems = [problem for path in update.source_files() if path not in HELPER_FILES
                for problem in _invisible_to_lupdate(path)]
    assert not problems, problems


def test_the_lint_catches_what_lupdate_cannot_see(tmp_path: Path) -> None:
    source = tmp_path / "hidden.py"
    source.write_text('t = self.tr\nlabel = f"{self.tr(\'Name\')}:"\nself.tr(text)\n'
                      'feature.tr("Performance")\nSummary.tr("Memory")\n')
    found = list(_invisible_to_lupdate(source))
    assert sorted(line.split(":")[1] for line in found) == ["1", "2", "3", "4"]
