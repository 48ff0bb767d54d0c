"""newsgraph's graph side: entity resolution, the networkx graph, exports, the viewer and the CLI.

The names below are imported on first use, so that the ``newsgraph`` command starts (and
answers Ctrl-C with one line) before spaCy is loaded.

>>> from graph import build_graph
"""
from __future__ import annotations

import importlib

_EXPORTS = {
    "BuildReport": "build", "assemble_graph": "build", "build_graph": "build", "graph_summary": "build",
    "to_frames": "frames", "entities_frame": "frames", "relations_frame": "frames", "deals_frame": "frames",
    "evidence": "query", "find_node": "query", "neighbourhood": "query", "subgraph": "query",
    "render_html": "render", "show": "render", "write_html": "render",
}

__all__ = [
    "BuildReport", "assemble_graph", "build_graph", "graph_summary", "to_frames", "entities_frame",
    "relations_frame", "deals_frame", "evidence", "find_node", "neighbourhood", "subgraph", "render_html",
    "show", "write_html",
]


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value  # once: later look-ups are plain attribute reads
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(__all__))
