"""newsgraph's graph side: entity resolution, the networkx graph, exports, the viewer and the CLI.

>>> from graph import build_graph
"""
from .build import BuildReport, assemble_graph, build_graph, graph_summary
from .frames import deals_frame, entities_frame, relations_frame, to_frames
from .query import evidence, find_node, neighbourhood, subgraph
from .render import render_html, show, write_html

__all__ = [
    "BuildReport", "assemble_graph", "build_graph", "graph_summary", "to_frames", "entities_frame",
    "relations_frame", "deals_frame", "evidence", "find_node", "neighbourhood", "subgraph", "render_html",
    "show", "write_html",
]
