"""The data files read as their authors meant: YAML 1.1 turns a bare No, Yes, On or Off into a boolean."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

# keys whose values are flags; anywhere else a boolean is a word YAML misread ("No" in a list of words)
FLAG_KEYS = {"state", "bare", "clip", "own_losses", "group_default"}


def booleans(node, path=""):
    if isinstance(node, bool):
        yield path
    elif isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, bool):
                yield f"{path}/{key} (a key)"
            if str(key) not in FLAG_KEYS:
                yield from booleans(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from booleans(value, f"{path}[{i}]")


@pytest.mark.parametrize("name", sorted(p.name for p in resources.files("dateline.data").iterdir()
                                        if p.name.endswith(".yaml")))
def test_no_word_is_read_as_a_boolean(name):
    data = yaml.safe_load(resources.files("dateline.data").joinpath(name).read_text("utf-8"))
    assert list(booleans(data)) == [], f"quote these words in dateline/data/{name}"
