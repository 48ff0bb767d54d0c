"""benchmarks/paths.py: the dependency path between two entities, on hand-built parses (no model)."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("newsgraph_bench_paths", REPO / "benchmarks" / "paths.py")
paths = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(paths)


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def make(vocab, rows):
    """A Doc from ``(word, head index, dep, lemma, pos)`` rows."""
    words, heads, deps, lemmas, pos = zip(*rows)
    return Doc(vocab, words=list(words), heads=list(heads), deps=list(deps), lemmas=list(lemmas), pos=list(pos))


def test_subject_object_path_and_conjunct_subjects(vocab):
    doc = make(vocab, [
        ("Gates", 3, "nsubj", "Gates", "PROPN"), ("and", 0, "cc", "and", "CCONJ"),
        ("Allen", 0, "conj", "Allen", "PROPN"), ("founded", 3, "ROOT", "found", "VERB"),
        ("Microsoft", 3, "dobj", "Microsoft", "PROPN"), (".", 3, "punct", ".", "PUNCT")])
    assert paths.dep_path(doc[0], doc[4]) == "H <nsubj found >dobj T"
    assert paths.dep_path(doc[2], doc[4]) == "H <nsubj found >dobj T"     # through the conjunction
    assert paths.dep_path(doc[4], doc[0]) == "H <dobj found >nsubj T"
    assert paths.dep_path(doc[0], doc[2]) == "H =conj T"
    assert paths.dep_path(doc[0], doc[0]) is None


def test_apposition_and_copula_collapse_to_one_node(vocab):
    # "Chrome, a browser developed by Google"
    doc = make(vocab, [
        ("Chrome", 0, "ROOT", "Chrome", "PROPN"), (",", 0, "punct", ",", "PUNCT"), ("a", 3, "det", "a", "DET"),
        ("browser", 0, "appos", "browser", "NOUN"), ("developed", 3, "acl", "develop", "VERB"),
        ("by", 4, "agent", "by", "ADP"), ("Google", 5, "pobj", "Google", "PROPN")])
    assert paths.dep_path(doc[6], doc[0]) == "H <pobj by <agent develop <acl T=browser"
    # "Holden is a subsidiary of General Motors": the copula joins subject and complement like an apposition
    doc = make(vocab, [
        ("Holden", 1, "nsubj", "Holden", "PROPN"), ("is", 1, "ROOT", "be", "AUX"), ("a", 3, "det", "a", "DET"),
        ("subsidiary", 1, "attr", "subsidiary", "NOUN"), ("of", 3, "prep", "of", "ADP"),
        ("General", 6, "compound", "General", "PROPN"), ("Motors", 4, "pobj", "Motors", "PROPN")])
    holden, gm = doc[0:1], doc[5:7]                                     # a multi-word name is its head
    assert paths.dep_path(holden, gm) == "H=subsidiary >prep of >pobj T"


def test_names_are_found_with_any_spacing_longest_first():
    ents = [{"id": 0, "names": ["Samsung"]}, {"id": 1, "names": ["Samsung Electronics"]},
            {"id": 2, "names": ["TSKGV(Turkish Armed Forces Foundation )"]}]
    text = "Samsung Electronics, a division of Samsung, and TSKGV(Turkish Armed Forces Foundation)."
    found = [(text[s:e], eid) for s, e, eid in paths.find_mentions(text, ents)]
    assert found == [("Samsung Electronics", 1), ("Samsung", 0), ("TSKGV(Turkish Armed Forces Foundation)", 2)]


def test_skips_cleanly_without_shared(tmp_path):
    done = subprocess.run([sys.executable, str(REPO / "benchmarks" / "paths.py")], capture_output=True, text=True,
                          env={"NEWSGRAPH_SHARED": str(tmp_path), "PATH": ""})
    assert done.returncode == 0 and "not found" in done.stdout
