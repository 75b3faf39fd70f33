"""Error codes: dateline/errors.py lists every code the package uses, each with its meaning."""

import re
from importlib import resources
from pathlib import Path

import pytest
import yaml

import dateline
from dateline import errors
from dateline.extract.actors import ActorDataError
from dateline.extract.casualties import TermsError
from dateline.extract.casualties.terms import parse_terms
from dateline.extract.numbers import LexiconError

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


def test_data_file_errors_carry_codes_and_stay_value_errors():
    """The knowledge-file errors are DatelineErrors with an E3xx code, still ValueErrors for
    ``except ValueError`` callers, and still importable from the modules that raise them."""
    for cls, code in ((TermsError, "E312"), (LexiconError, "E314"), (ActorDataError, "E315")):
        assert issubclass(cls, errors.DatelineError) and issubclass(cls, ValueError), cls
        assert cls is getattr(errors, cls.__name__) and cls.code == code


# The word lists moved out of casualties/*.py into data/casualty_terms.yaml.
MOVED_CASUALTY_KEYS = ["auxiliaries", "transitive_predicates", "object_words", "object_count_qualifiers",
                       "not_object_caps", "aside_gerunds", "noun_triggers", "casualty_participles",
                       "reflexive_objects", "reflexive_cues", "zero_cues", "zero_noun_modifiers", "zero_nouns",
                       "clause_openers", "headline_openers", "ordinals", "possessives", "not_names",
                       "place_prepositions", "compound_heads", "anaphors", "np_postmodifiers", "parent_nouns",
                       "coordinated_determiners", "irregular_plurals", "clause_breaks"]


@pytest.fixture(scope="module")
def casualty_terms_raw():
    return yaml.safe_load(resources.files("dateline.data").joinpath("casualty_terms.yaml").read_text("utf-8"))


@pytest.mark.parametrize("key", MOVED_CASUALTY_KEYS)
def test_missing_casualty_terms_key_is_e312_naming_the_key(casualty_terms_raw, key):
    raw = {k: v for k, v in casualty_terms_raw.items() if k != key}
    with pytest.raises(errors.TermsError, match=repr(key)) as err:
        parse_terms(raw)
    assert err.value.code == "E312"


def test_casualty_terms_word_list_holding_a_boolean_is_e312(casualty_terms_raw):
    raw = dict(casualty_terms_raw, not_names=[*casualty_terms_raw["not_names"], False])  # a bare No
    with pytest.raises(errors.TermsError, match="not_names holds"):
        parse_terms(raw)
