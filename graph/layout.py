"""Deterministic, near-linear 2-D layout for the HTML viewer.

The viewer draws with physics off, so every position is computed here, once, in Python.
``networkx.spring_layout`` is quadratic and far too slow for 20k nodes; instead:

1. the graph is taken as undirected and split into connected components;
2. each component of three or more nodes gets a Fruchterman-Reingold layout with
   grid-bucketed repulsion (only near nodes repel, which makes it near-linear) -- from
   python-igraph when it is installed (``layout_fruchterman_reingold(grid=True)``, about
   1.5 s for 20k nodes), otherwise from a numpy implementation of the same idea;
3. each component is scaled so that each node has about one square unit of room (edges
   between 1 and 3 units long at the median), and the components
   are packed, largest first, in shelves that make a roughly square picture.

Everything is seeded, and nodes are ordered by ``str(node)`` before any randomness, so the
same graph gives the same picture however it was built.

Examples
--------
>>> import networkx as nx
>>> G = nx.path_graph(4)
>>> positions = layout_positions(G, seed=1)
>>> sorted(positions) == [0, 1, 2, 3]
True
>>> positions == layout_positions(G, seed=1)
True
>>> layout_positions(nx.Graph())
{}
"""

from __future__ import annotations

import math
import random
from collections.abc import Hashable

import networkx as nx
import numpy as np

try:  # optional-but-default dependency: ten times faster than the numpy fallback
    import igraph
except ImportError:  # pragma: no cover - exercised where igraph is absent
    igraph = None

__all__ = ["layout_positions", "has_igraph"]


def has_igraph() -> bool:
    """Return True when python-igraph is available for the layout."""
    return igraph is not None


def layout_positions(G: nx.Graph, *, seed: int = 0, backend: str = "auto",
                     iterations: int | None = None) -> dict[Hashable, tuple[float, float]]:
    """Return a position ``(x, y)`` for every node of ``G``; a typical edge is 1 unit long.

    Parameters
    ----------
    G : networkx graph
        Any graph; direction and parallel edges are ignored.
    seed : int
        Seed of every random choice; the same seed gives the same positions.
    backend : {"auto", "igraph", "numpy"}
        ``"auto"`` uses python-igraph when installed, else the numpy implementation.
    iterations : int, optional
        Force-directed iterations per component (default: igraph 500, numpy 200; fewer above 5000 nodes).

    Returns
    -------
    dict
        Node -> ``(x, y)`` tuple of floats.

    Examples
    --------
    >>> import networkx as nx
    >>> pos = layout_positions(nx.cycle_graph(10), seed=3, backend="numpy")
    >>> round(min(math.dist(pos[i], pos[(i + 1) % 10]) for i in range(10)), 1) > 0.1
    True
    """
    if backend not in ("auto", "igraph", "numpy"):
        raise ValueError(f"unknown layout backend {backend!r}; use 'auto', 'igraph' or 'numpy'")
    if backend == "igraph" and igraph is None:
        raise ValueError("the igraph layout backend needs python-igraph (pip install igraph)")
    use_igraph = igraph is not None and backend != "numpy"
    nodes = sorted(G.nodes, key=str)
    if not nodes:
        return {}
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    pairs = np.fromiter((i for u, v in G.edges() for i in (index[u], index[v])), dtype=np.int64,
                        count=2 * G.number_of_edges()).reshape(-1, 2)
    pairs = np.unique(np.sort(pairs[pairs[:, 0] != pairs[:, 1]], axis=1), axis=0)
    membership = _components(n, pairs, use_igraph)
    # Components, largest first (ties: the one holding the smallest node index).
    sizes = np.bincount(membership)
    first = np.full(len(sizes), n)
    np.minimum.at(first, membership, np.arange(n))
    order = np.lexsort((first, -sizes))
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    membership = rank[membership]
    members = np.argsort(membership, kind="stable")  # node indices grouped by component
    bounds = np.concatenate([[0], np.cumsum(np.bincount(membership))])
    local = np.empty(n, dtype=np.int64)
    local[members] = np.arange(n) - bounds[membership[members]]
    edge_component = membership[pairs[:, 0]]
    edge_order = np.argsort(edge_component, kind="stable")
    edge_bounds = np.concatenate([[0], np.cumsum(np.bincount(edge_component, minlength=len(sizes)))])
    rng = np.random.default_rng(seed)
    placed = []
    for c in range(len(sizes)):
        component = members[bounds[c]:bounds[c + 1]]
        edges = local[pairs[edge_order[edge_bounds[c]:edge_bounds[c + 1]]]]
        placed.append((component, _component_layout(len(component), edges, rng, use_igraph, iterations, seed)))
    xy = np.zeros((n, 2))
    for component, coords in _pack(placed):
        xy[component] = coords
    return {node: (float(xy[i, 0]), float(xy[i, 1])) for i, node in enumerate(nodes)}


def _components(n: int, pairs: np.ndarray, use_igraph: bool) -> np.ndarray:
    """Return the connected-component number of each node."""
    if use_igraph:
        graph = igraph.Graph(n=n, edges=pairs.tolist())
        return np.asarray(graph.connected_components().membership, dtype=np.int64)
    simple = nx.Graph()
    simple.add_nodes_from(range(n))
    simple.add_edges_from(pairs.tolist())
    membership = np.empty(n, dtype=np.int64)
    for number, component in enumerate(nx.connected_components(simple)):
        membership[list(component)] = number
    return membership


def _component_layout(n: int, edges: np.ndarray, rng: np.random.Generator, use_igraph: bool,
                      iterations: int | None, seed: int) -> np.ndarray:
    """Lay out one connected component, scaled to about one square unit per node."""
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[0.0, 0.0], [1.0, 0.0]])
    start = rng.uniform(-math.sqrt(n) / 2, math.sqrt(n) / 2, size=(n, 2))
    # Fewer iterations on big components keep 20k nodes within seconds; grid FR settles fast.
    if use_igraph:
        coords = _fr_igraph(n, edges, start, iterations or (500 if n <= 5000 else 350), seed)
    else:
        coords = _fr_numpy(n, edges, start, iterations or (200 if n <= 5000 else 100))
    coords = coords - coords.min(axis=0)
    lengths = np.linalg.norm(coords[edges[:, 0]] - coords[edges[:, 1]], axis=1)
    median = float(np.median(lengths)) if len(lengths) else 1.0
    by_edge = 1.0 / max(median, 1e-9)
    # Hub-heavy news graphs pack leaves tightly around hubs; giving every node about one
    # square unit of room (but edges at most 3 units) keeps labels apart.
    width, height = coords.max(axis=0)
    by_area = math.sqrt(n / max(float(width * height), 1e-9))
    return coords * min(max(by_edge, by_area), 3 * by_edge)


def _fr_igraph(n: int, edges: np.ndarray, start: np.ndarray, iterations: int, seed: int) -> np.ndarray:
    graph = igraph.Graph(n=n, edges=edges.tolist())
    # python-igraph draws from a Python RNG object; swap in a seeded one for this call only.
    igraph.set_random_number_generator(random.Random(seed))
    try:
        layout = graph.layout_fruchterman_reingold(seed=start.tolist(), niter=iterations, grid=n > 1000)
    finally:
        igraph.set_random_number_generator(random)
    return np.asarray(layout.coords, dtype=float)


def _fr_numpy(n: int, edges: np.ndarray, start: np.ndarray, iterations: int) -> np.ndarray:
    """Fruchterman-Reingold whose repulsion comes from grid cells, not from single nodes.

    The ideal distance is 1. Each node is pushed away from the centre of mass of each of
    the 9 cells around it (its own cell without itself), weighted by the cell's node count:
    a particle-mesh approximation that costs O(n + edges) per iteration however dense a
    hub's neighbourhood gets, where exact pairs inside cells would be quadratic there.
    """
    pos = start.copy()
    cell = 2.0
    temperature = math.sqrt(n) / 4
    offsets = [(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
    u, v = edges[:, 0], edges[:, 1]
    for step in range(iterations):
        disp = np.zeros_like(pos)
        cells = np.floor(pos / cell).astype(np.int64)
        cells -= cells.min(axis=0) - 1
        width = int(cells[:, 1].max()) + 2
        keys = cells[:, 0] * width + cells[:, 1]
        unique_keys, own, counts = np.unique(keys, return_inverse=True, return_counts=True)
        sums = np.stack([np.bincount(own, pos[:, a], minlength=len(unique_keys)) for a in (0, 1)], axis=1)
        for dx, dy in offsets:
            neighbour = keys + dx * width + dy
            found = np.minimum(np.searchsorted(unique_keys, neighbour), len(unique_keys) - 1)
            exists = unique_keys[found] == neighbour
            mass = np.where(exists, counts[found], 0).astype(float)
            total = sums[found] * exists[:, None]
            if dx == 0 and dy == 0:  # the others in my own cell
                mass -= 1
                total = total - pos
            has = mass > 0
            centre = total[has] / mass[has, None]
            diff = pos[has] - centre
            d2 = np.maximum((diff ** 2).sum(axis=1), 1e-2)
            disp[has] += diff * (mass[has] / d2)[:, None]  # magnitude mass/d, away from the cell
        # Near field: exact repulsion between nodes next to each other in their cell when
        # sorted by x, and by y, which separates the close pairs the cell centroids miss.
        for axis in (0, 1):
            order = np.lexsort((pos[:, axis], keys))
            for shift in (1, 2, 3):
                a, b = order[:-shift], order[shift:]
                same = keys[a] == keys[b]
                a, b = a[same], b[same]
                diff = pos[a] - pos[b]
                push = diff / np.maximum((diff ** 2).sum(axis=1), 1e-4)[:, None]
                for k in (0, 1):
                    disp[:, k] += np.bincount(a, push[:, k], minlength=n) - np.bincount(b, push[:, k], minlength=n)
        diff = pos[u] - pos[v]
        dist = np.linalg.norm(diff, axis=1, keepdims=True)
        pull = diff * dist  # magnitude d^2, along the edge
        for axis in (0, 1):
            disp[:, axis] -= np.bincount(u, pull[:, axis], minlength=n)
            disp[:, axis] += np.bincount(v, pull[:, axis], minlength=n)
        length = np.maximum(np.linalg.norm(disp, axis=1, keepdims=True), 1e-9)
        pos += disp / length * np.minimum(length, temperature)
        temperature = max(temperature * (1 - 1 / max(iterations - step, 2)), 0.01)
    return pos


def _pack(placed: list[tuple[list[int], np.ndarray]], gap: float = 1.5):
    """Yield the components translated into shelves (rows), largest first, about square."""
    area = sum((c[:, 0].max() + gap) * (c[:, 1].max() + gap) for _, c in placed)
    row_width = max(math.sqrt(area), max(c[:, 0].max() for _, c in placed) + gap)
    x = y = row_height = 0.0
    for component, coords in placed:
        width, height = coords[:, 0].max() + gap, coords[:, 1].max() + gap
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        yield component, coords + (x, y)
        x += width
        row_height = max(row_height, height)
