"""extract.pipeline end to end: records from articles, in one process or several."""
from __future__ import annotations

from extract.pipeline import extract, load_nlp
from extract.records import Article

TEXT = ("Microsoft invested $10 billion in OpenAI. Gomez interned at Google Brain, the search company's research unit. "
        "Mistral AI says Codestral, a 22B model for programming, is popular.")


def test_worker_processes_give_the_records_of_one_process():
    # nlp.pipe(n_process=2) sends each Doc back through msgpack: what the typer leaves in
    # Doc.user_data for the rules (the gazetteer's fingerprint) must survive the trip
    nlp = load_nlp()
    articles = [Article(f"a{i}", TEXT) for i in range(4)]
    alone = list(extract(nlp, articles, batch_size=2))
    together = list(extract(nlp, articles, batch_size=2, n_process=2))
    assert [x.relations for x in together] == [x.relations for x in alone]
    assert not any(x.warnings for x in together)
    found = {(r.source.text, r.relation, r.target.text) for r in alone[0].relations}
    assert {("Google Brain", "part_of", "Google"), ("Mistral AI", "develops", "Codestral")} <= found
