"""Deterministic, near-linear 2-D layout for the HTML viewer.

The viewer draws with physics off, so every position is computed here, once, in Python.
``networkx.spring_layout`` is quadratic and far too slow for 20k nodes; instead:

1. the graph is taken as undirected and split into connected components; nodes without
   an edge are kept apart (the viewer hides them until asked);
2. each component of three or more nodes gets a Fruchterman-Reingold layout with
   grid-bucketed repulsion (only near nodes repel, which makes it near-linear) -- from
   python-igraph when it is installed (``layout_fruchterman_reingold(grid=True)``, about
   1.5 s for 20k nodes), otherwise from a numpy implementation of the same idea -- and is
   scaled so that the median edge is ``edge_length`` long;
3. overlaps are removed from each component with each node's box (its shape and its label
   under it), the idea of Gephi's Noverlap: boxes that overlap are pushed apart along the
   axis where they overlap least, with pairs found through a uniform grid, so each round is
   linear; what is left after some rounds is spread out from the centre until nothing
   overlaps;
4. the components are packed, tallest first, in shelves whose width is chosen so that the
   whole picture has the canvas's aspect ratio; nodes without an edge go in a grid under it.

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
from collections.abc import Hashable, Mapping

import networkx as nx
import numpy as np

try:  # optional-but-default dependency: ten times faster than the numpy fallback
    import igraph
except ImportError:  # pragma: no cover - exercised where igraph is absent
    igraph = None

__all__ = ["layout_positions", "has_igraph", "overlapping_pairs"]

#: A node's box: extents (left, top, right, bottom) around its position; left and top are negative.
Box = tuple[float, float, float, float]


def has_igraph() -> bool:
    """Return True when python-igraph is available for the layout."""
    return igraph is not None


def layout_positions(G: nx.Graph, *, seed: int = 0, backend: str = "auto", iterations: int | None = None,
                     boxes: Mapping[Hashable, Box] | None = None, edge_length: float = 1.0,
                     aspect: float = 1.0, room: float = 4.0, rounds: int = 25) -> dict[Hashable, tuple[float, float]]:
    """Return a position ``(x, y)`` for every node of ``G``, boxes apart, packed to ``aspect``.

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
    boxes : mapping, optional
        Node -> ``(left, top, right, bottom)``: the room the node takes around its position
        (its shape and label), in the units of the result. No two boxes overlap in the
        result. Default: a square of side ``0.4 * edge_length`` around each node.
    edge_length : float
        Median edge length before overlaps are removed.
    aspect : float
        Width / height of the picture to aim for (the canvas's).
    room : float
        Before overlaps are removed, each component is spread until its bounding box has
        ``room`` times the area of its boxes: more room is faster (fewer rounds of pushing
        apart), less gives a tighter picture.
    rounds : int
        Rounds of pushing overlapping boxes apart before the picture is spread by 10%: fewer
        is faster on large graphs, more gives a tighter picture.

    Returns
    -------
    dict
        Node -> ``(x, y)`` tuple of floats; y grows downwards, as on a screen.

    Examples
    --------
    >>> import networkx as nx
    >>> pos = layout_positions(nx.cycle_graph(10), seed=3, backend="numpy")
    >>> round(min(math.dist(pos[i], pos[(i + 1) % 10]) for i in range(10)), 1) > 0.1
    True
    >>> boxes = {i: (-2.0, -1.0, 2.0, 1.0) for i in range(10)}
    >>> pos = layout_positions(nx.cycle_graph(10), boxes=boxes, seed=3)
    >>> overlapping_pairs(pos, boxes)
    []
    """
    if backend not in ("auto", "igraph", "numpy"):
        raise ValueError(f"unknown layout backend {backend!r}; use 'auto', 'igraph' or 'numpy'")
    if backend == "igraph" and igraph is None:
        raise ValueError("the igraph layout backend needs python-igraph (pip install igraph)")
    if not (edge_length > 0 and aspect > 0):
        raise ValueError("edge_length and aspect must be positive")
    use_igraph = igraph is not None and backend != "numpy"
    nodes = sorted(G.nodes, key=str)
    if not nodes:
        return {}
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    extents = _box_array(nodes, boxes, edge_length)
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
    sizes = sizes[order]
    members = np.argsort(membership, kind="stable")  # node indices grouped by component
    bounds = np.concatenate([[0], np.cumsum(np.bincount(membership))])
    local = np.empty(n, dtype=np.int64)
    local[members] = np.arange(n) - bounds[membership[members]]
    edge_component = membership[pairs[:, 0]]
    edge_order = np.argsort(edge_component, kind="stable")
    edge_bounds = np.concatenate([[0], np.cumsum(np.bincount(edge_component, minlength=len(sizes)))])
    rng = np.random.default_rng(seed)
    placed, isolated = [], []
    for c in range(len(sizes)):
        component = members[bounds[c]:bounds[c + 1]]
        if len(component) == 1:
            isolated.append(int(component[0]))
            continue
        edges = local[pairs[edge_order[edge_bounds[c]:edge_bounds[c + 1]]]]
        coords = _component_layout(len(component), edges, rng, use_igraph, iterations, seed) * edge_length
        coords = _widen(coords, aspect)
        coords = remove_overlaps(_room_for_boxes(coords, extents[component], room), extents[component], rounds=rounds)
        placed.append((component, coords))
    xy = np.zeros((n, 2))
    width = bottom = 0.0
    if placed:
        for component, coords in _pack(placed, extents, aspect, gap=0.5 * edge_length):
            xy[component] = coords
        connected = np.concatenate([component for component, _ in placed])
        width = float((xy[connected, 0] + extents[connected, 2]).max())
        bottom = float((xy[connected, 1] + extents[connected, 3]).max()) + edge_length
    if isolated:
        xy[isolated] = _grid(extents[isolated], max(width, 0.0), aspect, top=bottom)
    return {node: (float(xy[i, 0]), float(xy[i, 1])) for i, node in enumerate(nodes)}


def overlapping_pairs(positions: Mapping[Hashable, tuple[float, float]],
                      boxes: Mapping[Hashable, Box]) -> list[tuple[Hashable, Hashable]]:
    """Return the pairs of nodes whose boxes overlap (a quadratic check, for tests).

    Examples
    --------
    >>> overlapping_pairs({"a": (0, 0), "b": (1, 0)}, {"a": (-1, -1, 1, 1), "b": (-1, -1, 1, 1)})
    [('a', 'b')]
    """
    keys = sorted(positions, key=str)
    found = []
    for i, a in enumerate(keys):
        (ax, ay), (al, at, ar, ab) = positions[a], boxes[a]
        for b in keys[i + 1:]:
            (bx, by), (bl, bt, br, bb) = positions[b], boxes[b]
            if ax + al < bx + br and bx + bl < ax + ar and ay + at < by + bb and by + bt < ay + ab:
                found.append((a, b))
    return found


def _box_array(nodes: list, boxes: Mapping | None, edge_length: float) -> np.ndarray:
    """(n, 4) array of left, top, right, bottom extents."""
    if boxes is None:
        half = 0.2 * edge_length
        return np.tile([-half, -half, half, half], (len(nodes), 1)).astype(float)
    extents = np.array([boxes[node] for node in nodes], dtype=float).reshape(len(nodes), 4)
    if not np.isfinite(extents).all() or (extents[:, 2] <= extents[:, 0]).any() or (extents[:, 3] <= extents[:, 1]).any():
        raise ValueError("every box needs finite extents with left < right and top < bottom")
    return extents


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
    """Lay out one connected component of two or more nodes, median edge 1 unit long."""
    if n == 2:
        return np.array([[0.0, 0.0], [1.0, 0.0]])
    start = rng.uniform(-math.sqrt(n) / 2, math.sqrt(n) / 2, size=(n, 2))
    # Fewer iterations on big components keep 20k nodes within seconds; grid FR settles fast.
    if use_igraph:
        coords = _fr_igraph(n, edges, start, iterations or (500 if n <= 5000 else 350), seed)
    else:
        coords = _fr_numpy(n, edges, start, iterations or (200 if n <= 5000 else 100))
    coords = coords - coords.mean(axis=0)
    lengths = np.linalg.norm(coords[edges[:, 0]] - coords[edges[:, 1]], axis=1)
    median = float(np.median(lengths)) if len(lengths) else 1.0
    return coords / max(median, 1e-9)


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


def _widen(coords: np.ndarray, aspect: float) -> np.ndarray:
    """Turn a component so that its long axis is horizontal, and stretch it (at most 1.5x)
    towards ``aspect``, so that one big component fills a wide canvas."""
    if len(coords) < 3:
        return coords
    centred = coords - coords.mean(axis=0)
    _, _, axes = np.linalg.svd(centred, full_matrices=False)
    turned = centred @ axes.T
    turned *= np.where(turned[0] < 0, -1.0, 1.0)  # SVD signs are arbitrary: the first node goes right, down
    width, height = turned.max(axis=0) - turned.min(axis=0)
    if height > 0 and width / height < aspect:
        turned[:, 0] *= min(aspect * height / max(width, 1e-9), 1.5)
    return turned


def _room_for_boxes(coords: np.ndarray, extents: np.ndarray, room: float = 4.0) -> np.ndarray:
    """Spread ``coords`` from their centre until their bounding box has ``room`` times the boxes' area.

    Force-directed layouts of news graphs crowd leaves around hubs; growing the picture first
    leaves the overlap removal local work instead of pushing thousands of boxes through each other.
    """
    spread = coords.max(axis=0) - coords.min(axis=0) + (extents[:, 2:] - extents[:, :2]).mean(axis=0)
    needed = room * float(((extents[:, 2] - extents[:, 0]) * (extents[:, 3] - extents[:, 1])).sum())
    factor = math.sqrt(needed / max(float(spread[0] * spread[1]), 1e-9))
    if factor <= 1:
        return coords
    centre = coords.mean(axis=0)
    return centre + (coords - centre) * factor


def remove_overlaps(coords: np.ndarray, extents: np.ndarray, *, rounds: int = 25) -> np.ndarray:
    """Return ``coords`` moved so that no two boxes overlap (Noverlap with a uniform grid).

    Each round finds the overlapping pairs among nodes in neighbouring grid cells (a cell
    is as large as the largest box, so a box can only overlap boxes in the 3 x 3 cells
    around it) and pushes each pair apart, half each, along the axis of least overlap.
    If overlaps remain after ``rounds`` rounds, the layout is spread from its centre by
    10% (boxes keep their size, so gaps grow) and the rounds start again.

    Examples
    --------
    >>> coords = np.zeros((3, 2))
    >>> extents = np.tile([-1.0, -1.0, 1.0, 1.0], (3, 1))
    >>> moved = remove_overlaps(coords, extents)
    >>> len(_overlaps(moved, extents)[0])
    0
    """
    pos = np.array(coords, dtype=float)
    if len(pos) < 2:
        return pos
    for _ in range(40):
        for _ in range(rounds):
            i, j, push = _overlaps(pos, extents)
            if not len(i):
                return pos
            n = len(pos)
            for axis in (0, 1):
                pos[:, axis] += np.bincount(i, -push[:, axis], minlength=n) + np.bincount(j, push[:, axis], minlength=n)
        centre = pos.mean(axis=0)
        pos = centre + (pos - centre) * 1.1
    return pos


def _overlaps(pos: np.ndarray, extents: np.ndarray):
    """Overlapping pairs ``i < j`` and how far to move ``j`` (``i`` moves the opposite way)."""
    n = len(pos)
    centre = pos + (extents[:, :2] + extents[:, 2:]) / 2
    half = (extents[:, 2:] - extents[:, :2]) / 2
    cell = np.maximum(2 * half.max(axis=0), 1e-9)
    cells = np.floor(centre / cell).astype(np.int64)
    cells -= cells.min(axis=0)
    height = int(cells[:, 1].max()) + 3
    keys = (cells[:, 0] + 1) * height + cells[:, 1] + 1
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    firsts, lasts = [], []
    # Own cell (later nodes only) and four of the eight neighbours, so each pair comes once.
    for dx, dy in ((0, 0), (1, -1), (1, 0), (1, 1), (0, 1)):
        wanted = keys + dx * height + dy
        lo = np.searchsorted(sorted_keys, wanted, side="left")
        hi = np.searchsorted(sorted_keys, wanted, side="right")
        if dx == 0 and dy == 0:
            lo = rank + 1
        firsts.append(lo)
        lasts.append(hi)
    lo = np.concatenate(firsts)
    hi = np.concatenate(lasts)
    owner = np.tile(np.arange(n), 5)
    counts = np.maximum(hi - lo, 0)
    total = int(counts.sum())
    if not total:
        return np.empty(0, np.int64), np.empty(0, np.int64), np.empty((0, 2))
    i = np.repeat(owner, counts)
    starts = np.repeat(lo - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts)
    j = order[starts + np.arange(total)]
    delta = centre[j] - centre[i]
    overlap = half[i] + half[j] - np.abs(delta)
    hit = (overlap[:, 0] > 0) & (overlap[:, 1] > 0)
    i, j, delta, overlap = i[hit], j[hit], delta[hit], overlap[hit]
    if not len(i):
        return i, j, np.empty((0, 2))
    # Push along the axis of least overlap, half each (plus a hair, so touching is not overlap).
    along_x = overlap[:, 0] / np.maximum(half[i, 0] + half[j, 0], 1e-9) < overlap[:, 1] / np.maximum(half[i, 1] + half[j, 1], 1e-9)
    sign = np.where(delta >= 0, 1.0, -1.0)
    tie = delta == 0  # same place: the later node goes right or down
    sign[tie] = 1.0
    push = np.zeros_like(delta)
    amount = overlap * 0.5 + 1e-6 * (1 + float(np.abs(pos).max()))
    push[along_x, 0] = (sign * amount)[along_x, 0]
    push[~along_x, 1] = (sign * amount)[~along_x, 1]
    return i, j, push


def _pack(placed: list[tuple[np.ndarray, np.ndarray]], extents: np.ndarray, aspect: float, gap: float):
    """Yield the components translated into shelves (rows) that make a picture of ``aspect``.

    Components go tallest first; several shelf widths are tried and the one whose
    bounding box is closest to the aspect ratio (on a log scale) wins.
    """
    rects = []
    for component, coords in placed:
        box = extents[component]
        left, top = (coords + box[:, :2]).min(axis=0)
        right, bottom = (coords + box[:, 2:]).max(axis=0)
        rects.append((component, coords - (left, top), right - left + gap, bottom - top + gap))
    rects.sort(key=lambda r: (-r[3], -r[2], int(r[0].min())))
    area = sum(w * h for _, _, w, h in rects)
    widest = max(w for _, _, w, _ in rects)
    best = None
    for factor in (0.6, 0.7, 0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.5):
        row_width = max(widest, math.sqrt(area * aspect) * factor)
        spots, width, height = _shelves(rects, row_width)
        score = abs(math.log(max(width, 1e-9) / max(height, 1e-9) / aspect))
        if best is None or score < best[0] - 1e-9:
            best = (score, spots)
    for (component, coords, _, _), (x, y) in zip(rects, best[1]):
        yield component, coords + (x, y)


def _shelves(rects, row_width: float):
    """Shelf positions of ``rects`` (rows of at most ``row_width``, each centred), and the total size."""
    rows = [[]]
    x = 0.0
    for index, (_, _, w, _) in enumerate(rects):
        if x > 0 and x + w > row_width:
            rows.append([])
            x = 0.0
        rows[-1].append(index)
        x += w
    width = max(sum(rects[i][2] for i in row) for row in rows)
    spots = [None] * len(rects)
    y = 0.0
    for row in rows:
        row_height = max(rects[i][3] for i in row)
        x = (width - sum(rects[i][2] for i in row)) / 2
        for i in row:
            # a component lower than its shelf sits in the shelf's middle
            spots[i] = (x, y + (row_height - rects[i][3]) / 2)
            x += rects[i][2]
        y += row_height
    return spots, width, y


def _grid(extents: np.ndarray, width: float, aspect: float, top: float) -> np.ndarray:
    """Positions of unconnected nodes in rows under the rest (at ``top``), row by row."""
    cell_w = float((extents[:, 2] - extents[:, 0]).max())
    cell_h = float((extents[:, 3] - extents[:, 1]).max())
    count = len(extents)
    columns = max(1, int(width // cell_w) if width > 0 else math.ceil(math.sqrt(count * aspect * cell_h / cell_w)))
    index = np.arange(count)
    x = (index % columns) * cell_w - extents[:, 0]
    y = top + (index // columns) * cell_h - extents[:, 1]
    return np.stack([x, y], axis=1)
