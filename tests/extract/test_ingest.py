"""Tests for extract.ingest: every input gives Article records or a Skip with a reason."""
from __future__ import annotations

import codecs
import json
import os
import re
import unicodedata
from pathlib import Path

import pytest

from extract import ingest
from extract.ingest import (
    IngestError, clean_text, decode_bytes, html_to_article, normalize_date, read_articles, read_file,
)
from extract.records import Article, Skip

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def only(records):
    records = list(records)
    assert len(records) == 1, records
    return records[0]


def read_bad(name: str):
    return only(read_file(BAD / name, article_id=name))


def skip_reason(records) -> str:
    record = only(records)
    assert isinstance(record, Skip), record
    return record.reason


# --------------------------------------------------------------------------- paths


def test_folder_is_read_recursively_in_relative_path_order(tmp_path):
    write(tmp_path / "news" / "b.txt", "Second\n\nIBM bought HashiCorp.")
    write(tmp_path / "news" / "a" / "z.md", "First\n\nArm sued Qualcomm.")
    write(tmp_path / "news" / "a-b.html", "<p>Dell sells AI servers.</p>")
    write(tmp_path / "news" / "feed.jsonl", '{"text": "Cisco bought Splunk."}\n')
    records = list(read_articles([tmp_path / "news"]))
    assert [r.id for r in records] == ["a-b.html", "a/z.md", "b.txt", "feed.jsonl#1"]
    assert records[1].path == str(tmp_path / "news" / "a" / "z.md")


def test_folder_ignores_other_extensions_and_hidden_entries(tmp_path):
    write(tmp_path / "logo.png", b"\x89PNG\r\n\x1a\n")
    write(tmp_path / "notes.csv", "a,b\n")
    write(tmp_path / ".hidden.txt", "Hidden note")
    write(tmp_path / ".git" / "msg.txt", "commit message")
    write(tmp_path / "story.TXT", "Upper-case extensions count")
    assert [r.id for r in read_articles([tmp_path])] == ["story.TXT"]


def test_folder_without_article_files_is_reported(tmp_path):
    write(tmp_path / "only.csv", "a,b\n")
    assert only(read_articles([tmp_path])) == Skip(
        str(tmp_path), "folder has no .txt, .md, .html, .htm or .jsonl files")


def test_file_given_directly_is_read_as_text_whatever_its_extension(tmp_path):
    path = write(tmp_path / "sub" / "notes.csv", "company,deal\nAMD,ZT Systems\n")
    article = only(read_articles([path]))
    assert article == Article(id="notes.csv", text="company,deal\nAMD,ZT Systems\n",
                              title="company,deal", path=str(path))


def test_glob_ids_are_relative_to_the_glob_root(tmp_path):
    write(tmp_path / "news" / "2024" / "a.txt", "A story")
    write(tmp_path / "news" / "2023" / "b.md", "B story")
    write(tmp_path / "news" / "2023" / "c.csv", "not read")
    records = list(read_articles([str(tmp_path / "news" / "**" / "*")]))
    assert [r.id for r in records] == ["2023/b.md", "2024/a.txt"]


def test_glob_that_spells_an_extension_reads_those_files(tmp_path):
    write(tmp_path / "deals.csv", "AMD,ZT Systems")
    assert only(read_articles([str(tmp_path / "*.csv")])).id == "deals.csv"


def test_glob_matching_nothing_is_a_skip(tmp_path):
    pattern = str(tmp_path / "*.txt")
    assert only(read_articles([pattern])) == Skip(pattern, "glob matched no article files")


def test_missing_path_is_a_skip_and_the_build_goes_on(tmp_path):
    write(tmp_path / "real.txt", "Nvidia ships chips")
    records = list(read_articles([tmp_path / "missing.txt", tmp_path / "real.txt"]))
    assert records[0] == Skip(str(tmp_path / "missing.txt"), "no such file or folder")
    assert records[1].id == "real.txt"


def test_same_file_name_in_two_folders_keeps_both_with_unique_ids(tmp_path):
    # issue 14, item 7: b/story.txt used to be skipped as a duplicate of a/story.txt
    first = write(tmp_path / "a" / "story.txt", "One")
    second = write(tmp_path / "b" / "story.txt", "Two")
    for inputs in ([tmp_path / "a", tmp_path / "b"], [first, second], [second, first]):
        records = sorted(read_articles(inputs), key=lambda r: r.id)
        assert [(r.id, r.text) for r in records] == [("a/story.txt", "One"), ("b/story.txt", "Two")]


def test_clash_of_folder_names_is_resolved_one_level_up(tmp_path):
    a = write(tmp_path / "x" / "news" / "today.txt", "One")
    b = write(tmp_path / "y" / "news" / "today.txt", "Two")
    assert [r.id for r in read_articles([a.parent, b.parent])] == ["x/news/today.txt", "y/news/today.txt"]


def test_byte_identical_file_in_another_folder_is_a_duplicate(tmp_path):
    first = write(tmp_path / "a" / "story.txt", "Same")
    second = write(tmp_path / "b" / "story.txt", "Same")
    for order in ([tmp_path / "a", tmp_path / "b"], [tmp_path / "b", tmp_path / "a"]):
        skip, kept = read_articles(order)  # the skip comes as it is read, the article kept after every input
        assert skip == Skip(str(second), f"duplicate article id story.txt: same article as {first}")
        assert (kept.id, kept.path) == ("story.txt", str(first))


def test_url_and_pdf_say_what_is_supported(tmp_path):
    url, = read_articles(["https://example.com/news/1.html"])
    assert url == Skip("https://example.com/news/1.html", "a URL, not a file: newsgraph reads .txt, .md, "
                       ".html/.htm and .jsonl files; save the page and give its file")
    pdf = write(tmp_path / "report.pdf", b"%PDF-1.7\n...")
    assert only(read_articles([pdf])).reason == (
        "binary file (PDF document): newsgraph reads .txt, .md, .html/.htm and .jsonl files; save it as text first")


def test_duplicate_jsonl_id_across_files_in_the_bad_corpus():
    # feed-1 is used by feed_mixed.jsonl rows 1 and 10 and by nested/feed_dup.jsonl row 1: the row
    # with the smallest content hash keeps it, the others are skips that name the one kept
    records = list(read_articles([BAD]))
    kept = only(r for r in records if isinstance(r, Article) and r.id == "feed-1")
    assert kept.path == f"{BAD / 'feed_mixed.jsonl'}:10"
    reason = f"duplicate article id feed-1: {kept.path} has it too and comes first by content hash (not by input order)"
    assert [r for r in records if isinstance(r, Skip) and "duplicate" in r.reason] == [
        Skip(f"{BAD / 'feed_mixed.jsonl'}:1", reason), Skip(f"{BAD / 'nested' / 'feed_dup.jsonl'}:1", reason)]


def test_of_articles_with_one_id_the_same_one_is_kept_whatever_the_order_of_inputs(tmp_path):
    # issue 15, item 6: the first seen used to keep the id, so graph.json depended on the order of inputs
    one = write(tmp_path / "one.jsonl", jsonl({"id": "x", "text": "Arm sued Qualcomm."}, {"id": "y", "text": "Y"}))
    two = write(tmp_path / "two.jsonl", jsonl({"id": "x", "text": "Cisco bought Splunk."}))
    kept = [[(r.id, r.text) for r in read_articles(order) if isinstance(r, Article)] for order in ([one, two], [two, one])]
    assert sorted(kept[0]) == sorted(kept[1])
    assert ("x", "Arm sued Qualcomm.") in kept[0]  # its content hash is the smaller of the two


def test_many_articles_with_one_id_are_not_held_in_memory(tmp_path, monkeypatch):
    path = write(tmp_path / "feed.jsonl", jsonl(*({"id": "x", "text": f"Row {n}"} for n in range(300))))
    held = []
    real = ingest.paths._duplicate_skip

    def watching(one, other):
        held.append(1)
        return real(one, other)

    monkeypatch.setattr(ingest.paths, "_duplicate_skip", watching)
    records = read_articles([path])
    skips = [next(records) for _ in range(299)]  # each skip comes as its row is read, not at the end
    assert all(isinstance(s, Skip) for s in skips) and len(held) == 299
    assert isinstance(next(records), Article)


def test_names_with_spaces_and_non_ascii_characters_keep_their_names():
    ids = {r.id for r in read_articles([BAD]) if isinstance(r, Article)}
    assert {"Nvidia earnings Q3 2024.txt", "société générale – résumé.md", "日本語ニュース.txt",
            "nested/deeper/llama.txt"} <= ids


def test_nfd_file_names_give_nfc_ids(tmp_path):
    write(tmp_path / unicodedata.normalize("NFD", "café.txt"), "Cafe news")
    assert only(read_articles([tmp_path])).id == "café.txt"


# --------------------------------------------------------------------------- plain text


@pytest.mark.parametrize("text, title", [
    ("\n\nNvidia unveils Blackwell\n\nNvidia said on Monday it would ship Blackwell.\n", "Nvidia unveils Blackwell"),
    ("Is the AI boom a bubble?\nAnalysts disagree.", "Is the AI boom a bubble?"),
    ("Nvidia said on Monday it would ship Blackwell.\nMore.", None),
    ("Microsoft is training a model that could rival\nthe largest models from OpenAI", None),
    ("x" * 199 + "\n\nbody", "x" * 199),
    ("x" * 200 + "\n\nbody", None),
])
def test_plain_text_title_is_a_short_first_line_without_a_period(tmp_path, text, title):
    path = write(tmp_path / "story.txt", text)
    assert only(read_file(path, article_id="story.txt")) == Article(
        id="story.txt", text=text, title=title, path=str(path))


def test_markdown_heading_mark_is_not_part_of_the_title_but_stays_in_the_text():
    article = read_bad("utf8_bom.md")
    assert article.title == "Anthropic releases Claude 3.5 Sonnet"
    assert article.text.startswith("# Anthropic releases Claude 3.5 Sonnet\n\n")


def test_markdown_front_matter_gives_title_date_and_url(tmp_path):
    text = ('---\nlayout: post\ntitle: "xAI raises $6 billion"\ndate: 2024-05-27 09:00\n'
            "url: https://blog.example/xai\n---\n\nxAI said it raised $6 billion.\n")
    path = write(tmp_path / "xai.md", text)
    assert only(read_file(path, article_id="xai.md")) == Article(
        "xai.md", text, "xAI raises $6 billion", "https://blog.example/xai", "2024-05-27", str(path))


def test_front_matter_without_title_falls_back_to_the_first_line_after_it(tmp_path):
    path = write(tmp_path / "n.md", "---\ntags: [ai]\n---\n## Groq raises $640 million\n\nBody.")
    assert only(read_file(path, article_id="n.md")).title == "Groq raises $640 million"
    path = write(tmp_path / "rule.txt", "-----\nBody.")
    assert only(read_file(path, article_id="rule.txt")).title is None  # no letter or digit


def test_single_long_line_without_punctuation(tmp_path):
    line = " ".join(["cloud revenue grew at Alphabet and Amazon"] * 5000)[:200_000]
    path = write(tmp_path / "long.txt", line)
    article = only(read_file(path, article_id="long.txt"))
    assert (article.title, len(article.text), article.text == line) == (None, 200_000, True)


# --------------------------------------------------------------------------- HTML


def test_html_article_text_without_boilerplate():
    article = read_bad("boilerplate.html")
    assert article == Article(
        id="boilerplate.html",
        text=("Arm Holdings has sued Qualcomm in Delaware, saying the chip maker breached a licence it "
              "held through Nuvia, the start-up Qualcomm bought for $1.4 billion in 2021.\n\n"
              'Qualcomm said the claim had "no merit" & that it would fight it.\n\n'
              "Shares of Arm fell 3%.\n\n"
              "Arm’s headquarters in Cambridge."),
        title="Arm sues Qualcomm over Nuvia licence",
        url="https://chipwire.example/arm-qualcomm",
        date="2024-10-23",
        path=str(BAD / "boilerplate.html"),
    )
    assert "TEXT" not in article.text  # every boilerplate element of the fixture says TEXT


def test_html_without_article_uses_the_page_title_without_site_name_and_time_datetime():
    article = read_bad("no_article_element.htm")
    assert (article.title, article.url, article.date) == ("SK Hynix to build HBM plant in Indiana", None, "2024-04-03")
    assert article.text == (
        "SK Hynix to build HBM plant\n\nPosted April 3\n\n"
        "SK Hynix said it will invest $3.87 billion in an advanced packaging plant in West Lafayette, "
        "Indiana. The plant will make high-bandwidth memory for Nvidia’s AI chips.\n\n"
        "Purdue University will work with SK Hynix on research.")


def test_html_metadata_fallbacks_og_url_date_meta_and_first_h1():
    page = ('<html><head><meta property="og:url" content="https://x.example/a">'
            '<meta name="date" content="2024-03">'
            '</head><body><div><h1>Cerebras files for IPO</h1><p>Cerebras filed on Monday.</p></div></body></html>')
    article = html_to_article(page, article_id="a.html")
    assert (article.title, article.url, article.date) == ("Cerebras files for IPO", "https://x.example/a", "2024-03")
    assert article.text == "Cerebras files for IPO\n\nCerebras filed on Monday."


def test_html_prefers_the_largest_article_then_main():
    page = ("<body><p>Site intro</p><main><p>Main only</p>"
            "<article><p>Teaser.</p></article>"
            "<article><p>The full story about Groq raising $640 million.</p></article></main></body>")
    assert html_to_article(page, article_id="p").text == "The full story about Groq raising $640 million."
    page = "<body><p>Site intro</p><main><p>Main text</p><div>More main</div></main><p>Outro</p></body>"
    assert html_to_article(page, article_id="p").text == "Main text\n\nMore main"


def test_html_without_closing_head_or_paragraph_tags():
    page = "<html><head><title>Title here<body><p>One<p>Two<br>Three"
    article = html_to_article(page, article_id="p")
    assert (article.title, article.text) == ("Title here", "One\n\nTwo\n\nThree")


def test_html_declared_charset_is_used_when_the_page_is_not_utf8():
    article = read_bad("declared_windows_1251.html")
    assert article.title == "Яндекс запускает YandexGPT 3"
    assert article.text == "Яндекс запускает YandexGPT 3\n\nКомпания Яндекс представила модель YandexGPT 3 в Москве."


def test_html_with_only_boilerplate_is_a_skip():
    assert skip_reason(read_file(BAD / "only_boilerplate.html", article_id="x")) == "no article text in HTML"


@pytest.mark.parametrize("value, expected", [
    ("2024-05-06T23:30:00-07:00", "2024-05-06"), ("2024-05", "2024-05"), ("2024", "2024"),
    ("2024/5/6", "2024-05-06"), ("20240506", "2024-05-06"), ("Mon, 06 May 2024 10:00:00 GMT", "2024-05-06"),
    ("6 May 2024", "2024-05-06"), ("May 6, 2024", "2024-05-06"), ("Sept. 2024", "2024-09"),
    ("2024-13-01", None), ("yesterday", None), ("", None), (None, None),
])
def test_dates_are_normalised_to_iso(value, expected):
    assert normalize_date(value) == expected


# --------------------------------------------------------------------------- JSONL


def test_jsonl_rows_good_and_bad():
    path = BAD / "feed_mixed.jsonl"
    records = read_file(path, article_id="feed_mixed.jsonl")
    where = lambda line: f"{path}:{line}"  # noqa: E731
    assert records == [
        Article("feed-1", "AMD said it will buy ZT Systems for $4.9 billion.", "AMD buys ZT Systems",
                "https://news.example/amd-zt", "2024-08-19", where(1)),
        Article("feed_mixed.jsonl#3", "Cisco completed its purchase of Splunk in March 2024.",
                "Row without id", None, None, where(3)),
        Skip(where(4), "malformed JSON: Expecting value at column 82"),
        Skip(where(5), "malformed JSON: Expecting value at column 1"),
        Skip(where(6), "row has no 'text' field"),
        Skip(where(7), "'text' must be a string, not number"),
        Skip(where(8), "'text' must be a string, not array"),
        Skip(where(9), "row is a JSON array, not an object"),
        # line 10 repeats the id feed-1: read_file reads it, read_articles reports the duplicate
        Article("feed-1", "A second row that reuses the id feed-1.", None, None, None, where(10)),
        Skip(where(11), "'text' is empty"),
        Article("feed-12", "Oracle signed a cloud deal with OpenAI\nin June.", None, None, "2024-06-11", where(12)),
        Article("13", "Numeric ids become strings.", None, None, None, where(13)),
        Skip(where(14), "'title' must be a string or null, not object"),
        Article("feed-15", "Apple said Siri will use Gemini.\nGoogle did not comment.", None, None, None, where(15)),
    ]


def test_jsonl_with_bom_and_crlf_line_ends():
    records = read_file(BAD / "feed_crlf_bom.jsonl", article_id="f")
    assert [(r.id, r.text) for r in records] == [
        ("crlf-1", "Dell and Nvidia built an AI factory."), ("crlf-2", "HPE bought Juniper Networks.")]


def jsonl(*rows: dict) -> str:
    return "".join(json.dumps(row) + "\n" for row in rows)


def test_jsonl_file_is_streamed_row_by_row_so_only_rows_are_limited(tmp_path):
    rows = [{"id": f"r{n}", "text": f"Row {n:04d} says Nvidia sells chips to Dell."} for n in range(300)]
    path = write(tmp_path / "feed.jsonl", jsonl(*rows))
    assert path.stat().st_size > 4 * 100 * 30  # far more than 4 bytes for each of 100 characters
    records = read_file(path, article_id="feed.jsonl", max_chars=100)
    assert [(r.id, r.text, r.path) for r in records] == [
        (row["id"], row["text"], f"{path}:{n}") for n, row in enumerate(rows, start=1)]


def test_jsonl_row_over_the_limit_is_a_skip_naming_its_line(tmp_path):
    path = write(tmp_path / "feed.jsonl", jsonl(
        {"id": "ok-1", "text": "Arm sued Qualcomm."},
        {"id": "long", "text": "x" * 150},  # a short line, a long text
        {"id": "huge", "text": "y" * 1000},  # a line longer than 4 bytes for each of 100 characters
        {"id": "ok-4", "text": "Cisco bought Splunk."}))
    huge_line_bytes = len(json.dumps({"id": "huge", "text": "y" * 1000}))
    assert read_file(path, article_id="feed.jsonl", max_chars=100) == [
        Article("ok-1", "Arm sued Qualcomm.", path=f"{path}:1"),
        Skip(f"{path}:2", f"article too long: 150 characters > 100 {LIMIT_HINT}"),
        Skip(f"{path}:3", f"article too long: row of {huge_line_bytes:,} bytes > 400 "
                          "(4 bytes for each of 100 characters; raise with --max-article-chars)"),
        Article("ok-4", "Cisco bought Splunk.", path=f"{path}:4"),
    ]
    assert [r.id for r in read_file(path, article_id="feed.jsonl", max_chars=0)] == ["ok-1", "long", "huge", "ok-4"]


def test_jsonl_line_too_long_is_passed_over_in_chunks_and_rows_stay_in_little_memory(tmp_path, monkeypatch):
    import tracemalloc

    row = json.dumps({"text": "Nvidia said data-center revenue rose. " * 60}) + "\n"  # 2.3 KB
    path = tmp_path / "feed.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        f.write(row * 1000)
        f.write(json.dumps({"text": "z" * 3_000_000}) + "\r\n")  # one 3 MB line
        f.write(row * 1000)
    monkeypatch.setattr(ingest.jsonl, "_CHUNK_BYTES", 16_384)
    tracemalloc.start()
    try:
        counts = {"articles": 0, "skips": 0}
        for record in read_articles([path], max_chars=10_000):
            counts["articles" if isinstance(record, Article) else "skips"] += 1
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert counts == {"articles": 2000, "skips": 1}
    assert path.stat().st_size > 7_000_000 and peak < 1_500_000, peak  # the long line alone is 3 MB


def test_read_articles_over_a_jsonl_file_is_lazy(tmp_path, monkeypatch):
    path = write(tmp_path / "feed.jsonl", jsonl(*({"text": f"Row {n}: Arm sued Qualcomm."} for n in range(1000))))
    parsed = []
    real_row = ingest.jsonl._jsonl_row

    def counting_row(line, **kwargs):
        parsed.append(kwargs["number"])
        return real_row(line, **kwargs)

    monkeypatch.setattr(ingest.jsonl, "_jsonl_row", counting_row)
    records = read_articles([path])
    assert parsed == []  # nothing is read before the first record is asked for
    assert next(records).text == "Row 0: Arm sued Qualcomm."
    assert parsed == [1]
    records.close()


def test_jsonl_rows_with_invalid_utf8_are_decoded_one_row_at_a_time(tmp_path):
    rows = [
        '{"text": "Société Générale backs Mistral."}'.encode("utf-8"),
        b'{"text": "Nvidia\x92s chips"}',  # one stray cp1252 byte in an ASCII row
        rb'{"text": "caf\u00e9 cr\u00e8me \u201cd\u00e9j\u00e0\u201d"}',  # JSON escapes are not bytes to decode
        b'{"text": "Caf\xe9 Robotique raised \x8015 million"}',  # a row written in cp1252
        "“Blackwell” — ".encode("utf-8").join([b'{"text": "', b'\x93sold out\x94"}']),  # UTF-8 and stray bytes
        b'{"text": "\xff\xfe broken"',  # undecodable and malformed: only this row is skipped
        b'{"text": "Arm sued Qualcomm."}',
    ]
    path = write(tmp_path / "feed.jsonl", b"\n".join(rows) + b"\n")
    records = read_file(path, article_id="f")
    assert [r.text if isinstance(r, Article) else r.reason for r in records] == [
        "Société Générale backs Mistral.",
        "Nvidia’s chips",
        "café crème “déjà”",
        "Café Robotique raised €15 million",
        "“Blackwell” — “sold out”",
        "malformed JSON: Expecting ',' delimiter at column 21",
        "Arm sued Qualcomm.",
    ]
    for row, record in zip(rows, records):  # each row decoded as a file of that row alone would be
        if isinstance(record, Article):
            assert record.text == json.loads(clean_text(decode_bytes(row)[0]))["text"]


@pytest.mark.parametrize("codec, bom", [
    ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-16-le", b""),
])
def test_jsonl_with_a_byte_order_mark_or_in_utf16_is_read(tmp_path, codec, bom):
    text = jsonl({"id": "a", "text": "Arm sued Qualcomm."}, {"id": "b", "text": "Société Générale backs Mistral."})
    path = write(tmp_path / "feed.jsonl", bom + text.encode(codec))
    assert [(r.id, r.text, r.path) for r in read_file(path, article_id="f")] == [
        ("a", "Arm sued Qualcomm.", f"{path}:1"), ("b", "Société Générale backs Mistral.", f"{path}:2")]


def test_only_jsonl_that_is_not_utf8_has_a_whole_file_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest.jsonl, "MAX_WHOLE_JSONL_BYTES", 1000)
    text = jsonl(*({"text": f"Row {n}: Arm sued Qualcomm."} for n in range(100)))
    utf8 = write(tmp_path / "utf8.jsonl", text)
    assert len(read_file(utf8, article_id="u")) == 100
    utf16 = write(tmp_path / "utf16.jsonl", codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    size = utf16.stat().st_size
    assert read_file(utf16, article_id="w") == [Skip(str(utf16), (
        f"file too large: {size:,} bytes > 1,000 for JSONL that is not UTF-8 (save it as UTF-8 to have it read row by row)"))]


def test_jsonl_lone_carriage_returns_end_rows_and_line_numbers_count_them(tmp_path):
    path = write(tmp_path / "feed.jsonl", b'{"text": "a"}\r{"text": "b"}\r\n\r\n{"text": "c"}')
    assert [(r.id, r.path) for r in read_file(path, article_id="f")] == [
        ("f#1", f"{path}:1"), ("f#2", f"{path}:2"), ("f#4", f"{path}:4")]


def test_jsonl_binary_data_at_the_start_is_one_skip_for_the_file(tmp_path):
    path = write(tmp_path / "feed.jsonl", b"\x01\x02\x03\x04\x05\x06" * 2000 + b'\n{"text": "Arm"}\n')
    assert read_file(path, article_id="f") == [Skip(str(path), "binary file (12000 control characters in 12017)")]


# --------------------------------------------------------------------------- decoding


@pytest.mark.parametrize("name, title, fragment", [
    ("latin1_acquisition.txt", "Société Générale backs Café Robotique", "Générale Ventures"),
    ("cp1252_quotes.txt", "Nvidia’s €5 billion bet", "called the deal “historic” on Monday — the largest"),
    ("mixed_utf8_cp1252.txt", "Zürich-based Scandit raises funds", "— that its investors include “Warburg Pincus”"),
    ("utf16le_bom.txt", "Samsung ships Galaxy AI update", "100 million phones"),
    ("utf16be_bom.txt", "Sony and Honda show Afeela car", "Afeela sedan at CES"),
    ("utf16le_no_bom.txt", "Intel delays Ohio fab", "open in 2030"),
    ("invalid_utf8.txt", "Baidu opens Ernie to the public", "Ernie Bot ÿþÃ reached"),  # cp1252 fallback
    ("latin1_undefined_in_cp1252.txt", "Bosch buys Lyn Labs", "a München start-up"),  # latin-1; C1 0x81 removed
])
def test_encodings_are_decoded(name, title, fragment):
    article = read_bad(name)
    assert (article.title, fragment in article.text, "\ufeff" in article.text) == (title, True, False)


@pytest.mark.parametrize("data, expected", [
    ("naïve".encode("utf-8"), ("naïve", "utf-8")),
    (codecs.BOM_UTF8 + "naïve".encode("utf-8"), ("naïve", "utf-8-sig")),
    (codecs.BOM_UTF32_LE + "naïve".encode("utf-32-le"), ("naïve", "utf-32-le")),
    (codecs.BOM_UTF32_BE + "naïve".encode("utf-32-be"), ("naïve", "utf-32-be")),
    (codecs.BOM_UTF16_BE + "naïve".encode("utf-16-be"), ("naïve", "utf-16-be")),
    ("“quoted”".encode("cp1252"), ("“quoted”", "cp1252")),
    (b"M\xfcnchen \x8d", ("München \x8d", "latin-1")),
    (b"", ("", "utf-8")),
])
def test_decode_bytes(data, expected):
    assert decode_bytes(data) == expected


def test_decode_bytes_refuses_invalid_utf16_after_its_bom():
    with pytest.raises(IngestError, match=r"^invalid UTF-16-LE after its byte-order mark at byte 2$"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8A\x00")  # a lone high surrogate


@pytest.mark.parametrize("name, reason", [
    ("logo_named_as_text.txt", "binary file (PNG image)"),
    ("report_named_as_markdown.md", "binary file (PDF document): newsgraph reads .txt, .md, .html/.htm and .jsonl files; "
                                    "save it as text first"),
    ("compressed_feed.jsonl", "binary file (GZIP archive)"),
    ("nul_bytes.txt", "binary file (contains NUL bytes)"),
    ("control_noise.txt", "binary file (340 control characters in 343)"),
    ("empty.txt", "empty file"),
    ("whitespace_only.md", "whitespace-only file"),
    ("invisible_only.txt", "whitespace-only file"),
])
def test_unreadable_contents_are_skips(name, reason):
    assert read_file(BAD / name, article_id=name) == [Skip(str(BAD / name), reason)]


def test_zip_magic_is_binary():
    with pytest.raises(IngestError, match=r"^binary file \(ZIP archive\)$"):
        decode_bytes(b"PK\x03\x04" + b"word/document.xml")


# --------------------------------------------------------------------------- cleaning


def test_zero_width_and_control_characters_are_removed_and_line_ends_unified():
    assert read_bad("zero_width_and_controls.txt").text == (
        "OpenAI hires a new CTO\n\n"
        "OpenAI said on Friday that it hired a chief technology officer from Microsoft.\n"
        "The new CTO starts in June.\nShares of Microsoft rose 2%.\n"
        "The deal was reported by The Verge.\n")


def test_emoji_sequences_survive():
    article = read_bad("emoji_launch.txt")
    assert article.title == "🚀 SpaceX launches Starlink 🛰️ batch"
    for sequence in ("👨\u200d👩\u200d👧", "👩🏽\u200d💻", "🇺🇸", "🔥💯"):
        assert sequence in article.text


def test_right_to_left_text_loses_only_its_bidi_marks():
    arabic = read_bad("rtl_arabic.txt")
    assert arabic.title == "أعلنت شركة أرامكو عن استثمار جديد"
    assert arabic.text == ("أعلنت شركة أرامكو عن استثمار جديد\n\n"
                           "قالت أرامكو السعودية إنها استثمرت 100 مليون دولار في شركة Groq للذكاء الاصطناعي. "
                           "The deal was announced in Riyadh.\n")
    hebrew = read_bad("rtl_hebrew.md")
    assert hebrew.text == ("# וויז נרכשה על ידי Google\n\n"
                           "גוגל רכשה את וויז בשנת 2013 תמורת 1.1 מיליארד דולר. Waze was founded in Israel.\n")


def test_text_is_nfc(tmp_path):
    path = write(tmp_path / "nfd.txt", unicodedata.normalize("NFD", "Nestlé and Société Générale"))
    assert only(read_file(path, article_id="nfd.txt")).text == "Nestlé and Société Générale"


def test_zero_width_joiner_between_scripts_is_kept():
    persian = "می\u200cخواهم"  # ZWNJ is spelling in Persian
    assert clean_text(persian) == persian
    assert clean_text("Micro\u200dsoft \u200c") == "Microsoft "


# --------------------------------------------------------------------------- sizes and file system


LIMIT_HINT = "(raise with --max-article-chars)"


def test_file_over_four_bytes_a_character_is_skipped_without_being_read(tmp_path, monkeypatch):
    path = tmp_path / "dump.txt"
    with open(path, "wb") as f:
        f.truncate(10**9)  # sparse: a gigabyte on paper, nothing on disk

    def must_not_open(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(ingest.base, "open", must_not_open, raising=False)
    assert read_file(path, article_id="dump.txt") == [Skip(str(path), (
        "article too long: file of 1,000,000,000 bytes > 20,000,000 "
        "(4 bytes for each of 5,000,000 characters; raise with --max-article-chars)"))]


@pytest.mark.parametrize("name, text, article_text", [
    ("long.txt", "é" * 101, "é" * 101),  # 202 bytes, under 4 a character: read, then counted
    ("long.html", "<p>" + "word " * 21 + "</p>", ("word " * 21).strip()),
])
def test_article_longer_than_max_chars_is_a_skip(tmp_path, name, text, article_text):
    path = write(tmp_path / name, text)
    assert read_file(path, article_id=name, max_chars=100) == [
        Skip(str(path), f"article too long: {len(article_text)} characters > 100 {LIMIT_HINT}")]
    assert only(read_file(path, article_id=name, max_chars=len(article_text))).text == article_text


def test_html_limit_counts_the_article_text_not_the_page(tmp_path):
    page = "<nav>" + "Home " * 20 + "</nav><p>Arm sued Qualcomm.</p>"  # 136 characters, 18 of them the article
    path = write(tmp_path / "page.html", page)
    assert only(read_file(path, article_id="page.html", max_chars=50)).text == "Arm sued Qualcomm."
    assert read_file(path, article_id="page.html", max_chars=30) == [Skip(str(path), (  # the page is over 4 x 30 bytes
        "article too long: file of 136 bytes > 120 (4 bytes for each of 30 characters; raise with --max-article-chars)"))]


def test_twenty_megabyte_article_is_skipped_by_default_and_read_without_a_limit(tmp_path):
    paragraph = "Nvidia said data-center revenue rose. TSMC said it would build more fabs.\n\n"
    text = "Chip makers report\n\n" + paragraph * (20_000_000 // len(paragraph))
    path = write(tmp_path / "huge.txt", text)
    assert only(read_articles([path])) == Skip(
        str(path), f"article too long: {len(text):,} characters > 5,000,000 {LIMIT_HINT}")
    for no_limit in (None, 0):
        article = only(read_articles([path], max_chars=no_limit))
        assert (article.title, len(article.text) == len(text) > 19_000_000) == ("Chip makers report", True)


@pytest.mark.parametrize("max_chars", [-1, 1.5, True])
def test_max_chars_must_be_a_count_and_is_checked_before_reading(tmp_path, max_chars):
    with pytest.raises(ValueError, match="max_chars"):
        read_articles([tmp_path / "never-read.txt"], max_chars=max_chars)  # not iterated: raised at once
    with pytest.raises(ValueError, match="max_chars"):
        ingest.iter_file(tmp_path / "never-read.txt", article_id="x", max_chars=max_chars)


def test_file_without_read_permission(tmp_path):
    path = write(tmp_path / "secret.txt", "Apple plans a foldable iPhone")
    os.chmod(path, 0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read any file (root)")
        assert read_file(path, article_id="secret.txt") == [Skip(str(path), "permission denied")]
    finally:
        os.chmod(path, 0o644)


def test_permission_denied_on_open_is_a_skip(tmp_path, monkeypatch):
    # The same path as above, even when running as root: open() is what fails.
    path = write(tmp_path / "secret.txt", "Apple plans a foldable iPhone")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(ingest.base, "open", denied, raising=False)
    assert only(read_articles([tmp_path])) == Skip(str(path), "permission denied")


def test_unlistable_folder_is_a_skip(tmp_path, monkeypatch):
    write(tmp_path / "ok.txt", "Readable")
    write(tmp_path / "locked" / "a.txt", "Unreachable")
    real_scandir = os.scandir

    def scandir(path):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(ingest.paths.os, "scandir", scandir)
    assert list(read_articles([tmp_path])) == [
        Skip(str(tmp_path / "locked"), "permission denied"),
        Article("ok.txt", "Readable", "Readable", path=str(tmp_path / "ok.txt")),
    ]


def test_broken_symlink_is_a_skip(tmp_path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "deleted.txt")
    expected = Skip(str(link), f"broken symlink (target {tmp_path / 'deleted.txt'} does not exist)")
    assert list(read_articles([link])) == [expected]
    assert list(read_articles([tmp_path])) == [expected]


def test_symlink_loops_are_skips(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)
    assert list(read_articles([tmp_path])) == [
        Skip(str(tmp_path / "a.txt"), "symlink loop"),
        Skip(str(tmp_path / "b.txt"), "symlink loop"),
        Skip(str(tmp_path / "sub" / "up"), "symlink loop (folder already being read)"),
    ]


def test_symlinked_folder_is_followed(tmp_path):
    write(tmp_path / "store" / "x.txt", "Stored")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "linked").symlink_to(tmp_path / "store")
    assert [r.id for r in read_articles([tmp_path / "corpus"])] == ["linked/x.txt"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_named_pipe_is_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    assert only(read_articles([tmp_path])) == Skip(str(tmp_path / "pipe.txt"), "not a regular file")


# --------------------------------------------------------------------------- the whole bad corpus


def test_every_file_of_the_bad_corpus_is_read_or_reported():
    files = sorted(p for p in BAD.rglob("*") if p.is_file())
    for path in files:  # each file named explicitly
        records = read_file(path, article_id=path.name)
        assert records and all(r.path == str(path) or r.path.startswith(f"{path}:") for r in records)

    records = list(read_articles([BAD]))  # the folder: .csv is ignored there, everything else accounted for
    assert all(isinstance(r, (Article, Skip)) for r in records)
    covered = {re.sub(r"\.jsonl:\d+$", ".jsonl", r.path) for r in records}
    assert covered == {str(p) for p in files if p.suffix.lower() in ingest.ARTICLE_SUFFIXES}
    articles = [r for r in records if isinstance(r, Article)]
    for article in articles:  # what later stages rely on: clean, NFC text and one-line titles
        assert "\r" not in article.text and "\x00" not in article.text and "\u200b" not in article.text
        assert unicodedata.is_normalized("NFC", article.text)
        assert article.title is None or "\n" not in article.title


# --------------------------------------------------------------------------- any bytes at all


def _check_any_bytes(tmp_path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    records = read_file(path, article_id=path.name)
    assert records
    for record in records:
        assert isinstance(record, (Article, Skip))
        if isinstance(record, Skip):
            assert record.reason and "\n" not in record.reason
        else:
            assert record.text.strip() and "\r" not in record.text
            assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\ufeff]", record.text)
            assert unicodedata.is_normalized("NFC", record.text)


try:
    from hypothesis import HealthCheck, given, settings, strategies as st
except ImportError:  # hypothesis is a test extra; the rest of this module runs without it
    st = None

if st is None:
    def test_any_bytes_give_articles_or_skips_never_an_exception():
        pytest.skip("hypothesis is not installed")
else:
    _TEXTISH = st.one_of(
        st.binary(max_size=300),
        st.text(max_size=200).map(lambda s: s.encode("utf-8", "surrogatepass")),
        st.text(max_size=100).map(lambda s: s.encode("utf-16", "surrogatepass")),
        st.lists(st.sampled_from(['{"text": "Arm"}', '{"id": 1, "text": 2}', "{", "<p>x</p>", "\r\n", "\u200b",
                                  "é"]), max_size=8).map(lambda parts: "\n".join(parts).encode("utf-8")),
    )

    @settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(data=_TEXTISH, suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl", ".bin"]))
    def test_any_bytes_give_articles_or_skips_never_an_exception(tmp_path, data, suffix):
        _check_any_bytes(tmp_path, data, suffix)


def test_one_path_given_as_a_string_is_one_path_not_its_letters(tmp_path):
    # iterated letter by letter, "/nowhere" would start with "/" and read the whole file system
    missing = str(tmp_path / "nowhere")
    assert [(type(r).__name__, r.reason) for r in read_articles(missing)] == [("Skip", "no such file or folder")]
    (tmp_path / "a.txt").write_text("Acme hires\n\nAcme hired Jane Roe.\n", encoding="utf-8")
    assert [r.id for r in read_articles(tmp_path / "a.txt")] == [r.id for r in read_articles([tmp_path / "a.txt"])] == ["a.txt"]
