"""The README stays true: every CLI command and setting it offers is documented there."""

from __future__ import annotations

import re

from dateline.cli import COMMANDS, build_parser
from dateline.settings import SETTINGS, Settings

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    for command in COMMANDS:
        assert f"dateline {command}" in README, command


def test_quick_start_has_the_two_commands():
    quick = README.split("## Quick start", 1)[1].split("##", 1)[0]
    assert re.search(r"^make demo\b", quick, re.M) and re.search(r"^make test\b", quick, re.M)


def test_every_setting_is_described():
    assert set(SETTINGS) == set(Settings.__dataclass_fields__)


def test_every_command_has_help():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, sub_parser in sub.choices.items():
        assert sub_parser.format_help(), name
        assert name in COMMANDS
