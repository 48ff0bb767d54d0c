"""Pronouns and descriptions (coref17b): where an antecedent stands. Invented texts."""
from __future__ import annotations

C = "COMPANY"


def test_a_resolved_pronoun_stands_where_it_is_written_not_where_its_name_was(make_doc, referent):
    # the company's name sits in a relative clause ("that Corvane makes"); the first "it", the main clause's
    # subject, is Corvane, and the second "it", in the participle's clause, continues that subject: it is not
    # the parent named in passing inside the apposition
    text = ("The drives that Corvane makes sell well. Last June it completed its merger with Hale Micro, "
            "the storage unit of Tamsin Group, creating what it called the largest drive maker in Europe.")
    doc = make_doc(text, {"Corvane": C, "Hale Micro": C, "Tamsin Group": C})
    assert referent(doc, "it", 0) == "Corvane"
    assert referent(doc, "it", 1) == "Corvane"


def test_a_name_inside_another_relative_clause_is_still_background(make_doc, referent):
    text = "Strathmore, which is backed by Quillon, raised $40 million last week, putting it among the leaders."
    doc = make_doc(text, {"Strathmore": C, "Quillon": C})
    assert referent(doc, "it") == "Strathmore"

