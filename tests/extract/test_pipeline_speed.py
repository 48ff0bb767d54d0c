"""The speed-ups of ``load_nlp`` change no annotation: the attribute ruler's matches found by look-ups
(extract.attribute_matches) and the lemmatizer's word lists held as sets give what spaCy's own give."""
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from extract.attribute_matches import AttributeMatches, UnsupportedPattern, speed_up_attribute_ruler
from extract.pipeline import DEFAULT_MODEL, index_lemma_words

#: Invented text in several registers, with the words the ruler's patterns are about: contractions
#: ("ai n't", "gon na", "got ta", "let 's", "c'm on", "y'all"), "there is/are", spaces and line breaks.
TEXTS = [
    "There are three reasons Acme Robotics ain't selling, and they're gonna tell us why.",
    "\"We gotta ship it,\" said Ana Ruiz, the company's chief executive. \"C'mon, let's go.\"\n\nY'all know it.",
    "SAN JOSE, Calif.--(BUSINESS WIRE)--Helio Robotics, Inc. today announced a $40 million Series B.  \n",
    "Is there a model that beats Llama 3 70B? There was one, and it gets better: it got faster.",
    "The start-ups were bought by larger rivals; their founders left to found companies of their own.",
    "Q: What's next?\nA: We'll see.   Analysts expected smaller losses, wider margins and fewer layoffs.",
]


@pytest.fixture(scope="module")
def stock_and_fast():
    stock, fast = spacy.load(DEFAULT_MODEL), spacy.load(DEFAULT_MODEL)
    assert speed_up_attribute_ruler(fast)
    index_lemma_words(fast)
    return stock, fast


def test_the_same_annotations_as_spacys_own(stock_and_fast):
    stock, fast = stock_and_fast
    attrs = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
    for a, b in zip(stock.pipe(TEXTS), fast.pipe(TEXTS)):
        assert [t.text for t in a] == [t.text for t in b]
        assert (a.to_array(attrs) == b.to_array(attrs)).all(), a.text
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]


def test_the_same_matches_as_spacys_matcher(stock_and_fast):
    stock, _ = stock_and_fast
    ruler = stock.get_pipe("attribute_ruler")
    fast = AttributeMatches(ruler)
    with stock.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        docs = list(stock.pipe(TEXTS))
    for doc in docs:
        expected = type(ruler).match(ruler, doc)
        assert expected and fast.match(doc) == expected
    assert any(m[3] - m[2] == 2 for doc in docs for m in fast.match(doc))  # two-token patterns were met


def test_patterns_of_other_shapes_keep_spacys_matcher():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}]], {"LEMMA": "x"})
    with pytest.raises(UnsupportedPattern):
        AttributeMatches(ruler)
    assert not speed_up_attribute_ruler(nlp)
    assert "match" not in vars(ruler)
