"""people16: two readings of founders and their employers. Names are invented; entities are typed by hand.

- A heading line made of names alone ("6. Quellor", "Ines Varga, Quellor") names the entry the paragraph under
  it describes: a bare title there ("Founder Ines Varga") is held at that company, not at the article's most
  named one, even when the tagger does not name the heading word.
- A company the sentence names only as a person's former employer ("founded by former Spotify engineer Lena
  Brandt") is where the person worked, not what the person founded or leads.
"""
from __future__ import annotations

from extract.relations import find_relations

ENTS = {
    "Spotify": "COMPANY", "Quellor": "COMPANY", "Norrvik": "COMPANY", "Ines Varga": "PERSON",
    "Lena Brandt": "PERSON", "Marc Olin": "PERSON",
}


def _triples(make_doc, text, ents=None):
    ents = {k: v for k, v in (ents or ENTS).items() if k in text}
    return {(r.source.text, r.relation, r.target.text) for r in find_relations(make_doc(text, ents), "t1")}


LISTICLE = ("Spotify dominates audio. Spotify sells ads, and Spotify buys rivals.\n\n"
            "6. Quellor\n"
            "The paid search engine charges $5 a month. Founder Ines Varga runs it without outside money, "
            "and Quellor says it has 50,000 members.")


def test_a_bare_title_under_a_heading_is_held_at_the_headings_company(make_doc):
    ents = dict(ENTS)
    got = _triples(make_doc, LISTICLE, ents)
    assert ("Ines Varga", "founded", "Quellor") in got
    assert ("Ines Varga", "founded", "Spotify") not in got


def test_a_prose_line_above_is_no_heading(make_doc):
    text = ("Spotify dominates audio. Spotify sells ads, and Spotify buys rivals.\n\n"
            "Quellor says it will compete with everyone this year in Europe and Asia.\n"
            "Founder Ines Varga runs it without outside money.")
    assert ("Ines Varga", "founded", "Quellor") not in _triples(make_doc, text)


def test_a_former_employer_is_not_the_company_founded(make_doc):
    got = _triples(make_doc, "Spotify grew. The Stockholm start-up, founded by former Spotify engineer Lena Brandt, "
                             "sells audio tools.")
    assert ("Lena Brandt", "founded", "Spotify") not in got
    assert ("Lena Brandt", "works_for", "Spotify") in got


def test_a_former_chief_still_led_the_company_the_title_names(make_doc):
    got = _triples(make_doc, "Norrvik hired former Spotify chief executive Marc Olin as an adviser.")
    assert ("Marc Olin", "leads", "Spotify") in got or ("Marc Olin", "works_for", "Spotify") in got
