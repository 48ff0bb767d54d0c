"""Time reading a graph.json with its contract check against plain ``json.load`` of the same file.

For synthetic graphs (3 edges per node, evidence on every edge) prints the file size and:

- ``json.load``: the baseline, parsing only;
- ``parse+check``: :func:`graph.io.validate.load_graph_json` (the parse with its number hooks,
  the escaped-surrogate scan and the contract check), and its ratio to the baseline;
- ``check``: :func:`graph.io.validate.check_graph_data` alone, and microseconds per node, which stay
  flat as the graph grows when the check is linear;
- ``read_json``: the whole read into a networkx graph.

Each time is the best of ``--repeat`` runs. Run from the repository root:
``python benchmarks/read_graph.py [--sizes 20000 80000]`` (80,000 nodes is a ~100 MB file).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.io import read_json, write_json  # noqa: E402
from graph.io.validate import check_graph_data, load_graph_json  # noqa: E402
from tests.graph.synthetic import synthetic_graph  # noqa: E402


def best_of(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(n_nodes: int, repeat: int, folder: Path) -> None:
    path = folder / f"graph-{n_nodes}.json"
    write_json(synthetic_graph(n_nodes, seed=1, articles=max(5, n_nodes // 4)), path)
    size_mb = path.stat().st_size / 1e6

    def plain():
        with open(path, encoding="utf-8") as handle:
            json.load(handle)

    baseline = best_of(repeat, plain)
    checked = best_of(repeat, lambda: load_graph_json(path))
    data = load_graph_json(path)
    check = best_of(repeat, lambda: check_graph_data(data))
    whole = best_of(1, lambda: read_json(path))
    print(f"{n_nodes:>7,} nodes {size_mb:7.1f} MB  json.load {baseline:6.2f} s  parse+check {checked:6.2f} s "
          f"(x{checked / baseline:.2f})  check {check:6.2f} s ({check / n_nodes * 1e6:5.1f} µs/node)  "
          f"read_json {whole:6.2f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 80_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as folder:
        for n_nodes in args.sizes:
            measure(n_nodes, args.repeat, Path(folder))


if __name__ == "__main__":
    main()
