"""Each reader on the seed documents, with the exact values a person reads off the page."""

from dateline.readers.files import read_file

from .conftest import seed


def read_one(prefix):
    (doc,) = list(read_file(seed(prefix)))
    return doc


def test_digest_page_000():
    doc = read_one("000")
    assert (doc.id, doc.kind, doc.format) == ("000_4a1e41b65d09cc12", "digest", "digest_markdown")
    assert (doc.published, doc.published_precision) == ("2015-11-08", "day")
    main, *related = doc.items
    assert main.role == "main" and main.date == "2015-11-08"
    assert main.headline == ("Syrian state news reports clashes between Syrian Armed Forces and the Islamic State "
                             "in eastern Syria's Deir ez-Zor province result in the deaths of 58 militants.")
    assert doc.text[main.start:main.end] == main.headline
    assert main.summary.startswith("Syrian troops killed 58 militants") and "country's" in main.summary
    assert [s.name for s in main.sources] == ["Al Bawaba", "France 24", "UPI", "Zee News"]  # no Cover Image
    assert main.sources[2].url.startswith("http://www.upi.com/Top_News/World-News/2015/11/08/Syria-Regime-forces")
    assert len(related) == 10
    first = related[0]
    assert first.date == "2017-08-28"
    assert first.path.startswith("/news/2017/08/28/isil-militants-and-their-families")
    assert first.topics == ["Deir ez-Zor Governorate", "Islamic State", "Syria", "Syrian Civil War"]
    assert doc.text[first.start:first.end] == first.headline
    assert first.headline.endswith("A ceasefire was reached between warring parties yesterday.")
    assert related[7].topics == ["Syria", "Syrian Civil War", "military"]
    assert [r.date for r in related] == ["2017-08-28", "2016-01-23", "2017-08-30", "2017-07-11", "2017-06-20",
                                         "2017-06-18", "2017-05-02", "2017-04-27", "2017-03-08", "2017-02-11"]
    assert "military" in doc.topics and len(doc.topics) == 5


def test_digest_page_002():
    doc = read_one("002")
    main = doc.items[0]
    assert main.date == "2016-01-19" and main.summary is None
    assert main.headline.startswith("The Syrian Observatory for Human Rights claims that scores of Syrian Army")
    assert [(s.name, s.url) for s in main.sources] == [
        ("BBC", "http://www.bbc.com/news/uk-35358101"),
        ("Jerusalem Post", "http://www.jpost.com/Breaking-News/Fighting-between-Syrian-army-Islamic-State-kills-scores-442009"),
    ]
    assert len(doc.items) == 11
    assert doc.items[1].topics == ["Deir ez-Zor", "Islamic State of Iraq and the Levant", "Syrian Army",
                                   "Syrian Civil War", "Syrian Observatory for Human Rights"]
    assert doc.items[10].headline.startswith("The Syrian Observatory for Human Rights says ISIL leader Abu Bakr")


def test_plain_text_article_001():
    doc = read_one("001")
    assert (doc.kind, doc.format) == ("article", "plain_text")
    assert doc.title == "Syria: Regime forces kill 58 Islamic State fighters in Deir Ezzor province"
    dl = doc.dateline
    assert (dl.place, dl.region, dl.month, dl.day, dl.year, dl.agency) == ("Deir Ezzor", "Syria", 11, 8, None, "UPI")
    assert doc.published is None  # the text states no year; the citing digest dates it at ingest
    assert "Latest Headlines" not in doc.text
    assert doc.text.endswith("destroying four fighting positions used by the militants.")
    assert doc.text.startswith(doc.title + "\n\nActivists say IS forces clashed")


def test_plain_text_article_003_boilerplate():
    doc = read_one("003")
    assert doc.title == "Monitor: 58 Syria government fighters killed in ISIS attacks"
    assert doc.dateline is None and doc.published is None
    for furniture in ("Powered by", "About Us", "Tillerson: US does not recognize",
                      "ISIS militants killed in Libya by US airstrike"):
        assert furniture not in doc.text
    assert "Supply lines" in doc.text  # a subheading inside the story stays
    assert "ISIS militants killed at least 58 Syrian government troops and militia" in doc.text
    assert doc.text.endswith("to retake the city from ISIS group fighters.")
    assert "\n\n\n" not in doc.text


def test_wikitext_article_004():
    doc = read_one("004")
    assert (doc.kind, doc.format, doc.title) == ("reference", "wikitext", "Deir ez-Zor clashes (2011–2014)")
    assert len(doc.infobox) == 17
    fields = {f.key: f.value for f in doc.infobox}
    assert fields["Partof"] == "the Deir ez-Zor Governorate campaign of the Syrian civil war"
    assert fields["Date"] == "26 November 2011 – 10 April 2014, ()"
    assert fields["Strength3"] == "3,000+ fighters"
    headings = [(s.heading, s.level) for s in doc.sections]
    assert headings[0] == (None, 1)
    assert headings[1:5] == [("Units", 2), ("Government forces", 3), ("Rebel forces", 3),
                             ("July 2011 – May 2012 clashes", 2)]
    assert headings[-1] == ("See also", 2)
    assert len(doc.sections) == 18
    june = next(s for s in doc.sections if s.heading == "June 2012 fighting")
    body = doc.text[june.start:june.end]
    assert body.startswith("On 13 June, hundreds of Syrian Army troops")
    assert body.rstrip().endswith("Four armed pick-up trucks belonging to the rebels were also destroyed during the clash.")
    lead = doc.text[doc.sections[0].start:doc.sections[0].end].strip()
    assert lead.startswith("Protests against the Syrian government") and lead.endswith("the military airport.")
    assert doc.topics == ["Deir ez-Zor clashes (2011–2014)"]
