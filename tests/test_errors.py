"""Error codes: dateline/errors.py lists every code the package uses, each with its meaning."""

import re
from pathlib import Path

import dateline
from dateline import errors

CODE = re.compile(r"""["'](E\d{3})["']""")


def test_every_code_used_is_listed_in_errors_py():
    root = Path(dateline.__file__).parent
    used = {(code, str(path.relative_to(root))) for path in root.rglob("*.py")
            for code in CODE.findall(path.read_text(encoding="utf-8"))}
    assert used, "no error codes found: the pattern no longer matches how codes are written"
    assert sorted((c, p) for c, p in used if c not in errors.CODES) == []


def test_codes_have_a_meaning():
    assert all(re.fullmatch(r"E\d{3}", c) and meaning.strip() for c, meaning in errors.CODES.items())


def test_library_error_classes_have_distinct_listed_codes():
    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, errors.DatelineError)]
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes))
    for c in classes:
        assert c.__name__ in errors.CODES[c.code], (c.__name__, c.code)
