"""A news site's home from its address: weak evidence for the places its stories name."""

from functools import lru_cache

import pytest

from dateline.extract.places import PlaceFinder
from dateline.extract.publisher import publisher_home
from dateline.extract.sentences import split_sentences
from dateline.gazetteer import Gazetteer


@lru_cache(maxsize=1)
def gazetteer():
    return Gazetteer.load()


@pytest.mark.parametrize("url, place, admin1, cc", [
    ("http://web.archive.org/web/20151010015250/http://www.chicagotribune.com/news/x", "Chicago", "Illinois", None),
    ("http://pittsburgh.cbslocal.com/2016/01/01/x/", "Pittsburgh", "Pennsylvania", None),
    ("http://www.dnainfo.com:80/chicago/20150130/rogers-park/x", "Chicago", "Illinois", None),
    ("https://www.washingtonpost.com/local/x", "Washington", "District of Columbia", None),
    ("https://guardian.ng/news/x", None, None, "NG"),
    ("https://www.bbc.co.uk/news/x", None, None, "GB"),
    # a town under 100,000 counts at the start of the site's name only
    ("http://www.bozemandailychronicle.com/news/crime/x", "Bozeman", "Montana", None),
    ("http://helenair.com/news/local/x", "Helena", "Montana", None),
])
def test_the_home_a_site_address_names(url, place, admin1, cc):
    home = publisher_home(url, gazetteer())
    assert home is not None
    assert [(e.name, e.admin1) for e in home.places][:1] == ([(place, admin1)] if place else [])
    assert home.country_code == cc


@pytest.mark.parametrize("url", [None, "", "http://www.wral.com/x", "https://www.example.tv/x", "not a url",
                                 # inside a word, not a town: Tanda (India), Aston (England); "Police" is no place
                                 "http://www.times-standard.com/x", "http://www.seacoastonline.com/x",
                                 "https://www.policeone.com/x"])
def test_no_home_when_the_address_names_none(url):
    assert publisher_home(url, gazetteer()) is None


def test_a_home_decides_between_namesakes_only_when_the_text_does_not():
    finder = PlaceFinder(gazetteer())
    text = "Police said a man was shot and killed Sunday in Franklin."
    sents = split_sentences(text)

    def state(url):
        per = finder.places_by_sentence(text, sents, home=publisher_home(url, gazetteer()))
        return [m.place.admin1 for row in per for m in row if m.text == "Franklin"]

    assert state("http://www.tennessean.com/x") == state(None)  # no place name in the address
    assert state("http://fox17.com/x") == state(None)
    assert state("https://www.nashville.gov/x") == ["Tennessee"]
    assert state("https://www.indianapolis.com/x") == ["Indiana"]
