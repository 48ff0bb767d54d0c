"""A build's outputs are published as one set (issue 15): a build killed at any point of its write
phase, or one that meets a full disk, leaves the folder with one build's files, never a mix.

The kill trials run the real ``newsgraph build`` in a subprocess, with the extraction replaced by
a fixed graph (the write phase is under test, not the parsing) and ``os.replace`` counted: the
process SIGKILLs itself just before the k-th rename of the write phase, for every k, and just after
the last one. Every rename of the phase is one step of it (a staged file put in place, the journal,
each switch of a file), so the trials visit every point between two file system changes.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

import graph.build as build_module
import graph.io.atomic as atomic
from extract.records import Article, Extraction, Mention
from graph.cli import main
from graph.io.atomic import PUBLISH_JOURNAL

OUTPUTS = ("graph.json", "graph.graphml", "graph.html", "merges.csv", "report.json")

#: Runs `newsgraph build IN -o OUT` with a fixed graph per variant, killing itself at rename KILL_AT
#: (before it; -KILL_AT: after it; 0: never), and prints how many renames the write phase made.
KILLED_BUILD = textwrap.dedent("""
    import os, signal, sys
    import graph.build as build_module
    from graph.cli import main
    sys.path.insert(0, sys.argv[4])
    from test_output_set import fixed_build

    variant, out, kill_at = sys.argv[1], sys.argv[2], int(sys.argv[3])
    build_module.build_graph = fixed_build(variant)
    renames = 0
    real_replace = os.replace

    def replace(src, dst, **kwargs):
        global renames
        renames += 1
        if renames == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        real_replace(src, dst, **kwargs)
        if renames == -kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    os.replace = replace
    try:
        main(["build", "articles", "-o", out, "--no-cache", "-q"])
    except SystemExit as exit:
        print(renames)
        sys.exit(exit.code)
""")


def fixed_build(variant: str):
    """A stand-in for build_graph that makes one small graph per variant, without a model."""

    def extraction(article_id: str, name: str) -> Extraction:
        text = f"{name} released a model."
        return Extraction(Article(article_id, text),
                          mentions=(Mention(article_id, name, "company", 0, len(name), 0, len(text)),))

    def build_graph(inputs, *, report, **_):
        # every output differs between the two: one article and no merge, two articles and a merge
        names = {"old": ["Nvidia"], "new": ["Mistral AI", "Mistral AI Inc."]}[variant]
        extractions = [extraction(f"a{n}", name) for n, name in enumerate(names, 1)]
        report.articles, report.model = len(extractions), "test_model"
        return build_module.assemble_graph(extractions, metadata={"tool": "newsgraph", "model": "test_model"},
                                           report=report)

    return build_graph


def run_build(cwd: Path, variant: str, out: Path, kill_at: int = 0) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", KILLED_BUILD, variant, str(out), str(kill_at),
                           str(Path(__file__).parent)], cwd=cwd, capture_output=True, text=True, timeout=120)


def outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS if (out / name).exists()}


@pytest.fixture(scope="module")
def references(tmp_path_factory):
    """The old and the new build's complete sets, and how many renames the new build's write phase makes."""
    root = tmp_path_factory.mktemp("sets")
    (root / "articles").mkdir()
    (root / "articles" / "a.txt").write_text("unused: the graph is fixed\n", encoding="utf-8")
    sets, renames = {}, 0
    for variant in ("old", "new"):
        done = run_build(root, variant, root / variant)
        assert done.returncode == 0, done.stderr
        sets[variant] = outputs(root / variant)
        assert set(sets[variant]) == set(OUTPUTS)
    shutil.copytree(root / "old", root / "old-then-new")
    renames = int(run_build(root, "new", root / "old-then-new").stdout.split()[-1])
    assert outputs(root / "old-then-new") == sets["new"], "the outputs are not deterministic"
    assert all(sets["old"][name] != sets["new"][name] for name in OUTPUTS), "each file must tell the builds apart"
    return root, sets, renames


def which_build(files: dict[str, bytes], sets: dict) -> str | None:
    """The build whose complete set ``files`` is, or None for a mix or a partial set."""
    for variant, complete in sets.items():
        if files == complete:
            return variant
    return None


def test_a_build_killed_anywhere_in_its_write_phase_leaves_one_builds_set(references, tmp_path):
    root, sets, renames = references
    assert renames >= 2 * len(OUTPUTS) + 1  # a staged file each, the journal, a switch each
    seen = {}
    for kill_at in [*range(1, renames + 1), -renames]:
        out = tmp_path / f"kill-{kill_at}"
        shutil.copytree(root / "old", out)
        killed = run_build(root, "new", out, kill_at)
        assert killed.returncode == -signal.SIGKILL, (kill_at, killed.stdout, killed.stderr)
        # any newsgraph command that reads the folder first finishes a switch the kill interrupted
        stats = CliRunner().invoke(main, ["stats", str(out / "graph.json")])
        assert stats.exit_code == 0, stats.output
        seen[kill_at] = which_build(outputs(out), sets)
        assert seen[kill_at] is not None, f"killed at rename {kill_at}: a mix of two builds"
        assert not (out / PUBLISH_JOURNAL).exists()
        # hidden leftovers are only .NAME.*.tmp files, never read; the next build removes its staged ones
        assert all(p.name.startswith(".") and p.name.endswith(".tmp")
                   for p in out.iterdir() if p.name not in OUTPUTS), sorted(p.name for p in out.iterdir())
        if kill_at == len(OUTPUTS):  # killed before the commit, with staged files left: the next build drops them
            assert [p for p in out.iterdir() if ".staged-" in p.name]
            again = run_build(root, "new", out)
            assert again.returncode == 0 and outputs(out) == sets["new"]
            assert not [p for p in out.iterdir() if ".staged-" in p.name]
    # before the journal is in place the old set stays; from then on the new one is what a reader sees
    assert "old" in seen.values() and "new" in seen.values(), seen


def test_without_the_journal_a_killed_switch_would_show_a_mix(references, tmp_path):
    """What the journal is for: the same kill, with the roll-forward taken away, leaves a mix."""
    root, sets, renames = references
    out = tmp_path / "out"
    shutil.copytree(root / "old", out)
    killed = run_build(root, "new", out, renames - 1)  # after the first switches, before the last
    assert killed.returncode == -signal.SIGKILL
    assert which_build(outputs(out), sets) is None
    assert (out / PUBLISH_JOURNAL).exists()
    atomic.finish_publish(out)
    assert which_build(outputs(out), sets) == "new"


@pytest.fixture
def fixed(monkeypatch, tmp_path):
    """A build in this process with the fixed graph; returns the articles folder."""
    monkeypatch.setattr(build_module, "build_graph", fixed_build("new"))
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("unused\n", encoding="utf-8")
    return tmp_path / "articles"


@pytest.mark.parametrize("failing", OUTPUTS)
def test_a_full_disk_at_any_output_publishes_nothing_and_says_so_in_one_line(references, fixed, tmp_path,
                                                                           monkeypatch, failing):
    root, sets, _ = references
    out = tmp_path / "out"
    shutil.copytree(root / "old", out)
    real_fsync = os.fsync

    def fsync(fd):
        # the disk fills up while this output is written (the staged file's flush fails)
        name = Path(os.readlink(f"/proc/self/fd/{fd}")).name
        if stat.S_ISREG(os.fstat(fd).st_mode) and name.startswith(f".{failing}."):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    result = CliRunner().invoke(main, ["build", str(fixed), "-o", str(out), "--no-cache", "-q"])
    assert result.exit_code == 1
    assert result.output == (f"newsgraph: error: no space left on device writing {out / failing}; "
                             f"the outputs in {out} are as they were\n")
    assert outputs(out) == sets["old"]
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUTS)  # no staged file, no journal left


def test_a_symlinked_output_is_written_through_and_a_pipe_directly(fixed, tmp_path):
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (elsewhere / "graph.json").write_text("old\n", encoding="utf-8")
    os.chmod(elsewhere / "graph.json", 0o640)
    (out / "graph.json").symlink_to(elsewhere / "graph.json")
    os.mkfifo(out / "merges.csv")
    received = []
    reader = threading.Thread(target=lambda: received.append((out / "merges.csv").read_bytes()))
    reader.start()
    result = CliRunner().invoke(main, ["build", str(fixed), "-o", str(out), "--no-cache", "-q"])
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert (out / "graph.json").is_symlink()
    assert json.loads((elsewhere / "graph.json").read_text(encoding="utf-8"))["graph"]["model"] == "test_model"
    assert stat.S_IMODE(os.stat(elsewhere / "graph.json").st_mode) == 0o640
    assert stat.S_ISFIFO(os.stat(out / "merges.csv").st_mode) and received and received[0].startswith(b"surface,entity_id")
    assert not [p for p in [*out.iterdir(), *elsewhere.iterdir()] if p.name.startswith(".")]


@pytest.mark.parametrize("command", [
    ["render", "{out}/graph.json", "-o", "{tmp}/view.html"],
    ["export", "{out}/graph.json", "--format", "gexf", "-o", "{tmp}/graph.gexf"],
    ["eval", "{out}/graph.json", "--gold", "{tmp}/gold.json"],
])
def test_every_command_that_reads_the_folder_finishes_a_killed_switch_first(references, tmp_path, command):
    root, sets, renames = references
    out = tmp_path / "out"
    shutil.copytree(root / "old", out)
    killed = run_build(root, "new", out, renames - 1)
    assert killed.returncode == -signal.SIGKILL and (out / PUBLISH_JOURNAL).exists()
    (tmp_path / "gold.json").write_text(json.dumps({"entities": [], "relations": []}), encoding="utf-8")
    CliRunner().invoke(main, [part.format(out=out, tmp=tmp_path) for part in command])
    assert which_build(outputs(out), sets) == "new" and not (out / PUBLISH_JOURNAL).exists()
