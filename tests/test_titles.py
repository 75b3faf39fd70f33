"""Event titles in the digest style: the event's own first sentence, without wire furniture."""

from dateline.enrich.titles import clean_sentence, event_title

UPI_TITLE = "Syria: Regime forces kill 58 Islamic State fighters in Deir Ezzor province"


def test_dateline_removed_and_title_skipped():
    lead = ("DEIR EZZOR, Syria, Nov. 8 (UPI) -- Clashes between regime troops and the Islamic State in eastern "
            "Syria's Deir Ezzor province Sunday resulted in the deaths of 58 militants, Syrian state news reported.")
    assert event_title([UPI_TITLE, lead], document_title=UPI_TITLE) == lead[35:]


def test_chronology_anchor_removed():
    assert clean_sentence("On 26 November, 10 soldiers were killed by defectors in fierce clashes around the city.") \
        == "10 soldiers were killed by defectors in fierce clashes around the city."
    assert clean_sentence("On the night of 14–15 October, the Republican Guard captured the village.") \
        == "The Republican Guard captured the village."


def test_nothing_invented_and_weekday_clauses_kept():
    s = "On Tuesday, police said a man was shot."
    assert clean_sentence(s) == s
    assert clean_sentence(":: ISIS militants killed at least 58 troops") == "ISIS militants killed at least 58 troops"


def test_long_sentence_cut_at_a_clause():
    s = "Rebels attacked the base, " + "and the army answered with artillery fire on the outskirts, " * 6 + "at night."
    t = clean_sentence(s)
    assert len(t) <= 241 and t.endswith(".") and s.startswith(t[:-1])


def test_title_only_event():
    assert event_title([UPI_TITLE], document_title=UPI_TITLE) == UPI_TITLE


def test_page_furniture_is_never_a_title():
    headline = "2 dead, 5 injured in Newburgh Halloween party shooting - WPIX 11 New York"
    lead = "NEWBURGH, N.Y. — Police are questioning two people in connection with a shooting at a party."
    for junk in ("Please enable Javascript to watch this video", "Just One More Thing...", "2:25",
                 "Already a subscriber?", "Terrance Booker.", "(Photo by George Frey/Getty Images)"):
        assert event_title([headline, junk, lead], document_title=headline) == \
            "Police are questioning two people in connection with a shooting at a party."


def test_the_headline_without_its_site_name_stands_in_when_no_sentence_reads_as_a_report():
    headline = "2 dead, 5 injured in Newburgh Halloween party shooting - WPIX 11 New York"
    assert event_title([headline, "Just One More Thing...", "We have sent you a verification email?"],
                       document_title=headline) == "2 dead, 5 injured in Newburgh Halloween party shooting"


def test_a_photo_caption_is_not_the_title():
    headline = "Monitor: 58 Syria government fighters killed in ISIS attacks"
    caption = "A boy who fled Deir Ezzor sits on a truck at a camp in Ain Issa, north of Raqqa, Syria August 12, 2017."
    lead = ":: ISIS militants killed at least 58 Syrian government troops and militia, a monitor said Friday."
    assert event_title([headline, caption, lead], document_title=headline) == \
        "ISIS militants killed at least 58 Syrian government troops and militia, a monitor said Friday."
