"""Issue 15: hostile input never aborts a build. Each reproduction of the adversarial run, through
click's CliRunner where the failure was the command's, else through extract.ingest."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract import ingest
from extract.ingest import html_to_article, read_articles, read_file
from extract.records import Article, Skip
from graph.build import BuildReport, build_graph
from graph.cli import main

GOOD_ROW = '{"text": "Acme Robotics said on Monday it agreed to acquire Zorblax for $120 million."}'


def build(*args):
    return CliRunner().invoke(main, ["build", *map(str, args)])


def skipped_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("skipped ")]


def report_skips(out: Path) -> list[dict]:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))["skipped"]


# --------------------------------------------------------------------------- 1: a row that aborted the build

def test_jsonl_row_with_a_number_of_4301_digits_is_a_skipped_row(tmp_path):
    feed = tmp_path / "b.jsonl"
    feed.write_text(GOOD_ROW + '\n{"id": ' + "1" * 4301 + ', "text": "x"}\n', encoding="utf-8")
    result = build(feed, "-o", tmp_path / "out", "--no-cache")
    assert result.exit_code == 0, result.output
    assert skipped_lines(result) == [
        f"skipped {feed}:2: malformed JSON: Exceeds the limit (4300 digits) for integer string conversion"]
    assert json.loads((tmp_path / "out" / "graph.json").read_text())["graph"]["articles"]


@pytest.mark.parametrize("cache", [True, False], ids=["cache", "no-cache"])
def test_jsonl_rows_with_a_lone_surrogate_are_skipped_rows(tmp_path, cache):
    # before: "'utf-8' codec can't encode character '\ud800'" from graph/cache.py (or the pipeline
    # with --no-cache) aborted the build with nothing written
    feed = tmp_path / "s.jsonl"
    feed.write_text("\n".join([GOOD_ROW, r'{"text": "Arm \ud800 sued"}', r'{"id": "\ud800", "text": "Arm sued."}',
                               r'{"title": "\udc00", "text": "Arm sued."}', r'{"text": "Arm \ud83d\udcaa sued."}']),
                    encoding="utf-8")
    out = tmp_path / "out"
    result = build(feed, "-o", out, *([] if cache else ["--no-cache"]))
    assert result.exit_code == 0, result.output
    half = "(half of a character: not Unicode text)"
    assert skipped_lines(result) == [
        f"skipped {feed}:2: 'text' has a lone surrogate \\ud800 at character 4 {half}",
        f"skipped {feed}:3: 'id' has a lone surrogate \\ud800 at character 0 {half}",
        f"skipped {feed}:4: 'title' has a lone surrogate \\udc00 at character 0 {half}",
    ]
    articles = json.loads((out / "graph.json").read_text())["graph"]["articles"]
    assert sorted(articles) == ["s.jsonl#1", "s.jsonl#5"]  # a pair of escapes is one character: kept


def test_articles_given_to_build_graph_with_a_lone_surrogate_are_skipped(newsgraph_nlp):
    report = BuildReport()
    G = build_graph([Article("bad", "Nvidia \udc80 rose."), "Arm said \ud800 on Monday it sued Qualcomm.",
                     Article("good", "Acme Robotics agreed to acquire Zorblax.")], nlp=newsgraph_nlp, report=report)
    assert [(s.path, s.reason.split(" at ")[0]) for s in report.skipped] == [
        ("bad", "'text' has a lone surrogate \\udc80"), ("text-2", "'text' has a lone surrogate \\ud800")]
    assert report.articles == 1 and list(G.graph["articles"]) == ["good"]


def test_a_text_with_a_question_mark_is_text_not_a_glob(newsgraph_nlp, tmp_path):
    # before: any "?", "*" or "[" made a string a glob pattern, so an interview built nothing
    interview = ("Q: Who do you see as your rivals?\nA: Groq and Cerebras, mostly. "
                 "Nvidia [the chip maker] bought Mellanox in 2020.")
    report = BuildReport()
    G = build_graph([interview], nlp=newsgraph_nlp, report=report)
    assert report.articles == 1 and not report.skipped
    assert any(d.get("relation") == "acquires" for _, _, d in G.edges(data=True))
    # a pattern stays a pattern
    report = BuildReport()
    build_graph([str(tmp_path / "*.txt")], nlp=newsgraph_nlp, report=report)
    assert report.articles == 0 and "glob matched no article files" in report.skipped[0].reason


# --------------------------------------------------------------------------- 2: line ends

@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"], ids=["CR", "CRLF", "LF"])
def test_every_line_end_ends_a_jsonl_row(tmp_path, end):
    # before: CR-separated rows were one line, here of 780 bytes > 4 x 100: one "article too long" skip
    rows = [json.dumps({"text": f"Row {n:02d}: Arm sued Qualcomm."}) for n in range(20)]
    path = tmp_path / "feed.jsonl"
    path.write_bytes(end.join(rows).encode("utf-8") + end.encode())
    records = read_file(path, article_id="feed.jsonl", max_chars=100)
    assert [(r.text, r.path) for r in records] == [
        (f"Row {n:02d}: Arm sued Qualcomm.", f"{path}:{n + 1}") for n in range(20)]
    assert ingest.estimate_articles([path]) == 20  # the progress bar's total counts the same lines


def test_cr_at_the_end_of_a_read_chunk_and_lf_at_the_start_of_the_next_are_one_line_end(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest.jsonl, "_CHUNK_BYTES", 7)
    rows = ['{"text":"a"}', '{"text":"bb"}', '{"text":"c"}']  # 12 bytes + CR: the CR ends the second chunk
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"\r\n".join(row.encode() for row in rows))
    assert [(r.text, r.path) for r in read_file(path, article_id="f")] == [
        ("a", f"{path}:1"), ("bb", f"{path}:2"), ("c", f"{path}:3")]


def test_jsonl_with_nul_bytes_in_one_row_skips_only_that_row(tmp_path):
    # before: a NUL byte anywhere in the first 64 KB made the whole file "binary file (contains NUL bytes)"
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'{"text": "Arm sued Qualcomm."}\n{"text": "Nv\x00idia"}\n\x00{"text": "x"}\n{"text": "Dell"}\n')
    records = read_file(path, article_id="f")
    assert [r.text if isinstance(r, Article) else r.reason for r in records] == [
        "Arm sued Qualcomm.", "Nvidia", "malformed JSON: Expecting value at column 1", "Dell"]


def test_rows_that_are_not_articles_are_skipped_rows(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\ufeff" + "\n".join(['[1, 2]', '3', '"text"', 'null', '{"text": ["a"]}', '{"text": 5}',
                                          '{"text": "\\u0000\\u0007"}', GOOD_ROW]), encoding="utf-8")
    assert [r.reason if isinstance(r, Skip) else r.id for r in read_file(path, article_id="f")] == [
        "row is a JSON array, not an object", "row is a JSON number, not an object",
        "row is a JSON string, not an object", "row is a JSON null, not an object",
        "'text' must be a string, not array", "'text' must be a string, not number", "'text' is empty", "f#8"]


def test_a_byte_order_mark_may_start_any_row(tmp_path):
    # files joined with cat keep each one's BOM: json.loads refused the row ("Unexpected UTF-8 BOM")
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD_ROW.encode() + b"\n\xef\xbb\xbf" + GOOD_ROW.encode() + b"\n")
    assert [r.id for r in read_file(path, article_id="f")] == ["f#1", "f#2"]


# --------------------------------------------------------------------------- 3: HTML in linear time

def _misnested(n: int) -> str:
    return "<p>Amazon invests in Anthropic.</p>" + "<b>" * n + "x" + "</i>" * n


def test_misnested_markup_of_140_kb_is_read_at_once():
    # before: 25-32 s (every stray </i> looked through 20,000 open <b>); now a fraction of a second
    # (the bound is generous, for a busy machine; benchmarks/hostile_html.py measures it)
    svg_titles = "<p>Amazon invests in Anthropic.</p>" + "<svg>" * 20_000 + "<title>x</title>" * 20_000  # 14 s before
    for page in (_misnested(20_000), svg_titles):
        started = time.perf_counter()
        article = html_to_article(page, article_id="p")
        assert time.perf_counter() - started < 5
        assert article.text.startswith("Amazon invests in Anthropic.")


@pytest.mark.parametrize("unclosed", ["<!--", "<a", "</", "<![CDATA[", "<?", '<a x="', "<script>"])
def test_unclosed_constructs_scan_the_page_a_bounded_number_of_times(monkeypatch, unclosed):
    # html.parser scanned the rest of the page again for each unclosed construct: 20,000 "<!--" took 6 s,
    # 40,000 took 21 s. Counting the characters the searches for ends look at shows that it is linear.
    scanned = []

    class CountingFinder(ingest.htmlpage._Finder):
        def find(self, start: int) -> int:
            before = (self.searched_from, self.found)
            found = super().find(start)
            if (self.searched_from, self.found) != before:  # a new search, not a remembered answer
                scanned.append((len(self.text) if found < 0 else found) - start)
            return found

    monkeypatch.setattr(ingest.htmlpage, "_Finder", CountingFinder)
    page = "<p>Arm sued Qualcomm.</p>" + unclosed * 20_000
    assert html_to_article(page, article_id="p").text == "Arm sued Qualcomm."
    assert sum(scanned) <= 3 * len(page), (len(scanned), sum(scanned))


def test_a_character_reference_of_5000_digits_does_not_stop_the_page():
    # html.unescape calls int() on every digit: ValueError past 4,300 digits aborted the build
    article = html_to_article("<p>Arm &#" + "9" * 5000 + "; sued &#0000000000065; &#x1F600;</p>", article_id="p")
    assert article.text == "Arm \ufffd sued A 😀"


# --------------------------------------------------------------------------- 4: names that forge messages

def test_a_file_name_with_a_line_break_cannot_forge_a_skip_message(tmp_path):
    folder = tmp_path / "nl"
    folder.mkdir()
    (folder / "evil\nskipped fake.txt: injected line.txt").write_text("")
    (folder / "ok.txt").write_text("Acme Robotics agreed to acquire Zorblax.\n")
    out = tmp_path / "out"
    result = build(folder, "-o", out, "--no-cache", "-q")
    assert result.exit_code == 0, result.output
    evil = str(folder / "evil\nskipped fake.txt: injected line.txt")
    assert result.stderr.splitlines() == [f"skipped {evil!r}: empty file"]  # one line, quoted
    assert [s["path"] for s in report_skips(out)] == [evil]  # report.json keeps the path as it is


def test_display_path_quotes_only_what_could_mislead():
    assert ingest.display_path("news/a b.txt") == "news/a b.txt"
    assert ingest.display_path("a: b.txt") == "'a: b.txt'"  # ": " separates a path from its reason
    assert ingest.display_path("a\u202eb.txt") == "'a\\u202eb.txt'"  # a bidi override reorders the line
    assert ingest.display_path(" a.txt") == "' a.txt'"
    assert ingest.display_path("") == "''"


# --------------------------------------------------------------------------- 5: the empty path

def test_an_empty_path_is_a_skip_not_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("here.txt").write_text("Nvidia said on Monday it would buy Run:ai.\n")
    assert list(read_articles([""])) == [Skip("", "empty path")]
    result = build("", "-o", "out", "--no-cache")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == "skipped '': empty path"
    assert not Path("out").exists()


# --------------------------------------------------------------------------- 6: duplicate ids

def test_swapping_inputs_with_one_id_gives_the_same_graph_json(tmp_path):
    one = tmp_path / "one.jsonl"
    one.write_text(json.dumps({"id": "x", "text": "Acme Robotics agreed to acquire Zorblax."}) + "\n")
    two = tmp_path / "two.jsonl"
    two.write_text(json.dumps({"id": "x", "text": "Nvidia invested in Mistral AI."}) + "\n")
    outputs = []
    for order in ((one, two), (two, one)):
        out = tmp_path / f"out-{order[0].stem}"
        result = build(*order, "-o", out, "--no-cache", "-q")
        assert result.exit_code == 0, result.output
        outputs.append((out / "graph.json").read_bytes())
    assert outputs[0] == outputs[1]


def test_article_records_with_one_id_keep_one_article_whatever_their_order():
    # Records given to build_graph were not de-duplicated: both were built, graph.json kept one
    # text for the id, and the other's evidence offsets pointed into it.
    made = [Article("x", "Acme Robotics agreed to acquire Zorblax Inc."), Article("x", "Nvidia invested in Mistral AI.")]
    graphs = []
    for articles in (made, made[::-1]):
        report = BuildReport()
        G = build_graph(articles, report=report)
        assert report.articles == 1 and G.graph["article_count"] == 1
        assert [s.reason for s in report.skipped] == [
            "duplicate article id x: another article with this id comes first by content hash (not by input order)"]
        text = G.graph["articles"]["x"]["text"]
        for _, _, data in G.edges(data=True):
            for evidence in data.get("evidence", []):
                assert text[evidence["start"]:evidence["end"]] == evidence["sentence"]
        graphs.append((sorted(G.nodes), text))
    assert graphs[0] == graphs[1]
