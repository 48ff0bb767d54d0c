"""A model family's brand is read from the gazetteer the build was given (``--gazetteers DIR``), not the default's."""
from __future__ import annotations

import json
import shutil

import pytest

from extract.families import doc_families, known_families, model_family
from extract.gazetteer import load_gazetteer
from extract.pipeline import extract_doc, load_nlp
from extract.records import Article
from extract.resources import GAZETTEER_DIR

TEXT = "Meta released Llama 3 in April. Llama Vell Nano, a smaller model, followed in June and runs on phones."


@pytest.fixture(scope="module")
def custom_gazetteer(tmp_path_factory):
    """The default gazetteer plus a model of an invented family, "Vell", made by another company."""
    folder = tmp_path_factory.mktemp("gazetteers")
    for path in GAZETTEER_DIR.iterdir():
        shutil.copy(path, folder / path.name)
    (folder / "extra.jsonl").write_text(json.dumps({"name": "Vell-2", "type": "model", "developer": "Harrowgate"}) + "\n")
    return folder


def _develops(gazetteer_dir):
    nlp = load_nlp(gazetteer_dir=gazetteer_dir)
    doc = nlp(TEXT)
    extraction = extract_doc(doc, Article("a", TEXT))
    return doc, {(r.source.text, r.target.text) for r in extraction.relations if r.relation == "develops"}


def test_a_custom_gazetteers_family_makes_a_name_another_familys_brand(custom_gazetteer):
    doc, develops = _develops(str(custom_gazetteer))
    assert "Vell" in doc_families(doc)
    assert ("Meta", "Llama 3") in develops
    assert ("Meta", "Llama Vell Nano") not in develops  # Vell is a family of the gazetteer in use


def test_the_default_gazetteer_does_not_know_the_custom_family():
    doc, develops = _develops(None)
    assert "Vell" not in doc_families(doc)
    assert ("Meta", "Llama Vell Nano") in develops  # one stated developer of the Llama family


def test_model_family_takes_the_families_it_is_given(custom_gazetteer):
    families = known_families(load_gazetteer(custom_gazetteer))
    assert model_family("Llama Vell Nano", families) is None
    assert model_family("Llama Vell Nano") == "llama"  # the default gazetteer's families
    assert known_families() == known_families(load_gazetteer())
