"""Install anywhere (issue 14): one version, data found through importlib.resources, data of your own.

The wheel itself is built, installed outside the checkout and compared byte for byte in ``.ci/run``.
"""
from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

from click.testing import CliRunner

from extract.resources import DATA_DIR, GAZETTEER_DIR, LEXICON_DIR, PATTERNS_DIR
from graph._version import __version__
from graph.cli import main

REPO = Path(__file__).resolve().parents[1]


def test_version_is_defined_once_and_reported_by_the_command():
    assert importlib.metadata.version("newsgraph") == __version__  # pyproject.toml reads graph/_version.py
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and result.output == f"newsgraph, version {__version__}\n"


def test_data_is_the_package_extract_data_as_a_real_folder():
    assert DATA_DIR == Path(str(resources.files("extract.data")))
    assert isinstance(DATA_DIR, Path) and GAZETTEER_DIR == DATA_DIR / "gazetteers" and PATTERNS_DIR == DATA_DIR / "patterns"
    assert {p.name for p in DATA_DIR.glob("*.json")} >= {"merges.json"}
    assert (PATTERNS_DIR / "titles.json").is_file() and (LEXICON_DIR / "relation_triggers.json").is_file()


def _data_dir_in_a_fresh_process(env_value: str | None):
    env = {k: v for k, v in os.environ.items() if k != "NEWSGRAPH_DATA"}
    if env_value is not None:
        env["NEWSGRAPH_DATA"] = env_value
    return subprocess.run([sys.executable, "-c", "from extract.resources import DATA_DIR; print(DATA_DIR)"],
                          capture_output=True, text=True, env=env, cwd="/")


def test_newsgraph_data_replaces_the_data_folder(tmp_path):
    (tmp_path / "gazetteers").mkdir()
    assert _data_dir_in_a_fresh_process(str(tmp_path)).stdout.strip() == str(tmp_path.resolve())
    missing = _data_dir_in_a_fresh_process(str(tmp_path / "nowhere"))
    assert missing.returncode != 0 and f"NEWSGRAPH_DATA={tmp_path / 'nowhere'}: no such folder" in missing.stderr
    # from another folder, without the variable, the installed package's data
    assert Path(_data_dir_in_a_fresh_process(None).stdout.strip()) == DATA_DIR


def test_build_with_gazetteers_of_your_own(tmp_path):
    (tmp_path / "gaz").mkdir()
    (tmp_path / "gaz" / "companies.jsonl").write_text(
        json.dumps({"name": "Quorvex", "type": "company", "aliases": ["Quorvex Labs"]}) + "\n", encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Quorvex Labs hired Dana Smith as chief scientist.", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-cache", "-q",
                                       "--gazetteers", str(tmp_path / "gaz")])
    assert result.exit_code == 0, result.output
    nodes = json.loads((tmp_path / "out" / "graph.json").read_text())["nodes"]
    assert {"id": "company:quorvex", "name": "Quorvex", "type": "company"}.items() <= next(
        n for n in nodes if n["id"] == "company:quorvex").items()
