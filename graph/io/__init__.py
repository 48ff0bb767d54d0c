"""Reading and writing graphs, one module per format (like ``networkx.readwrite``).

Every writer replaces its file atomically (:mod:`graph.io.atomic`): an interrupted
export leaves the previous file, never a truncated one.
"""
from graph.io.atomic import atomic_open, atomic_write_bytes, atomic_write_text

__all__ = ["atomic_open", "atomic_write_bytes", "atomic_write_text"]
