/* newsgraph viewer.
 *
 * Every piece of graph text is untrusted: it is read with JSON.parse from inert
 * <script type="application/json"> blocks and put on the page only through textContent,
 * text nodes, plain-text vis titles and canvas fillText -- never innerHTML. Links are made
 * only for http(s) URLs. The article texts (the reader) are parsed only when first opened.
 *
 * Positions come from Python (graph/layout.py: packed components, no overlapping boxes);
 * physics is off. vis-network draws shapes and edges; labels are drawn here, after vis, at a
 * fixed screen size, by priority (mentions, then degree) wherever they do not collide with
 * another label or shape, so zooming in shows more of them. For large graphs only the LOD
 * limit's most mentioned matching nodes are drawn; search, click and double-click reveal more.
 */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("graph-data").textContent);
  var META = DATA.meta;

  var TYPE_STYLE = {
    company: { color: "#4e79a7", shape: "dot" },
    person: { color: "#f28e2b", shape: "diamond" },
    model: { color: "#59a14f", shape: "square" },
    deal: { color: "#e15759", shape: "star" },
    product: { color: "#b07aa1", shape: "triangle" },
    organization: { color: "#9c755f", shape: "hexagon" },
    publication: { color: "#bab0ac", shape: "triangleDown" },
    place: { color: "#76b7b2", shape: "dot" }
  };
  var OTHER_STYLE = { color: "#999999", shape: "dot" };
  // relation -> {sources, targets, symmetric, same_type}: extract/schema.py, serialised by render.py
  var SCHEMA = (DATA.meta && DATA.meta.schema) || {};
  function isSymmetric(relation) { return !!(SCHEMA[relation] && SCHEMA[relation].symmetric); }
  var DIM_NODE = { background: "#e8e8e8", border: "#d0d0d0", highlight: { background: "#e8e8e8", border: "#d0d0d0" } };
  var DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
  var LABEL_FONT = "12px system-ui, -apple-system, \"Segoe UI\", Roboto, \"DejaVu Sans\", sans-serif";
  var BOLD_FONT = "bold " + LABEL_FONT;
  var EDGE_FONT = "12px system-ui, -apple-system, \"Segoe UI\", Roboto, \"DejaVu Sans\", sans-serif";
  var LABEL_HEIGHT = 15;
  var EDGE_LABEL_ZOOM = 1.3;     // from this zoom on, edges in view are labelled where there is room
  var MAX_LABELS = 600;          // labels per frame, so that a zoomed-out large graph stays fast

  function styleOf(type) { return TYPE_STYLE[type] || OTHER_STYLE; }

  // ---- indexes -------------------------------------------------------------
  var nodes = DATA.nodes, edges = DATA.edges;
  var nodeById = new Map(), edgeById = new Map(), incident = new Map();
  nodes.forEach(function (n) { nodeById.set(n.id, n); incident.set(n.id, []); });
  edges.forEach(function (e) {
    edgeById.set(e.id, e);
    incident.get(e.from).push(e);
    if (e.to !== e.from) incident.get(e.to).push(e);
  });
  function byId(a, b) { return a.id < b.id ? -1 : a.id > b.id ? 1 : 0; }
  // Most mentioned first, then most connected: the order in which the level of detail admits
  // nodes and in which labels claim room.
  var byPriority = nodes.slice().sort(function (a, b) {
    return (b.mentions - a.mentions) || (incident.get(b.id).length - incident.get(a.id).length) || byId(a, b);
  });
  var priorityRank = new Map();
  byPriority.forEach(function (n, i) { priorityRank.set(n.id, i); });
  var searchIndex = [];
  nodes.forEach(function (n) {
    searchIndex.push({ text: n.name.toLowerCase(), label: n.name, node: n, alias: false });
    (n.aliases || []).forEach(function (a) {
      searchIndex.push({ text: String(a).toLowerCase(), label: String(a), node: n, alias: true });
    });
  });
  var ARTICLES = DATA.articles || {};
  function articleDate(id) {
    var info = ARTICLES[id];
    return info && typeof info.date === "string" && DATE_RE.test(info.date.slice(0, 10)) ? info.date.slice(0, 10) : null;
  }

  // ---- DOM helpers: text only ---------------------------------------------
  function el(tag, className, children) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function $(id) { return document.getElementById(id); }
  function button(text, className, onClick) {
    var b = el("button", className, [text]);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  function safeUrl(url) {
    if (typeof url !== "string") return null;
    try {
      var parsed = new URL(url);
      return (parsed.protocol === "http:" || parsed.protocol === "https:") ? parsed.href : null;
    } catch (err) { return null; }
  }

  function formatUsd(amount) {
    if (amount === null || amount === undefined || !isFinite(amount)) return "unknown";
    var units = [[1e12, " trillion"], [1e9, " billion"], [1e6, " million"]];
    for (var i = 0; i < units.length; i++) {
      if (Math.abs(amount) >= units[i][0]) {
        return "$" + (amount / units[i][0]).toFixed(2).replace(/\.?0+$/, "") + units[i][1];
      }
    }
    return "$" + Math.round(amount).toLocaleString("en-US");
  }
  function formatAmount(amount) {
    return formatUsd(amount).replace(/^\$/, "");
  }
  function formatCount(value) {
    if (value >= 1e9) return (value / 1e9).toFixed(1).replace(/\.0$/, "") + "B";
    if (value >= 1e6) return (value / 1e6).toFixed(1).replace(/\.0$/, "") + "M";
    return String(value);
  }

  // ---- filter state ----------------------------------------------------------
  var state = {
    types: new Set(META.types),
    relations: new Set(META.relations),
    minMentions: 0,
    dateFrom: null,
    dateTo: null,
    showUnconnected: false,
    revealed: new Set(),
    selected: null,
    hoverEdge: null
  };

  function dateInRange(date) {
    if (!state.dateFrom && !state.dateTo) return true;
    if (typeof date !== "string" || !DATE_RE.test(date)) return false;
    // Partial dates compare on their common prefix: "2024" is within 2024-03..2024-05.
    if (state.dateFrom && date < state.dateFrom.slice(0, date.length)) return false;
    if (state.dateTo && date.slice(0, state.dateTo.length) > state.dateTo) return false;
    return true;
  }
  function dateFiltered() { return !!(state.dateFrom || state.dateTo); }
  function anyArticleInRange(articleIds) {
    for (var i = 0; i < articleIds.length; i++) if (dateInRange(articleDate(articleIds[i]))) return true;
    return false;
  }
  // A node passes the date range when an article of those dates mentions it (a deal: its own date).
  function nodePasses(n) {
    if (!state.types.has(n.type)) return false;
    if ((n.mentions || 0) < state.minMentions) return false;
    if (dateFiltered()) {
      if (n.type === "deal") { if (!dateInRange(n.date)) return false; }
      else if (!anyArticleInRange(n.articles || [])) return false;
    }
    return true;
  }
  // An edge passes when its relation is on, both ends pass and (with dates) an article of those dates states it.
  function edgePasses(e) {
    if (!state.relations.has(e.relation)) return false;
    if (!nodePasses(nodeById.get(e.from)) || !nodePasses(nodeById.get(e.to))) return false;
    if (dateFiltered() && e.relation !== "party") {
      return (e.evidence || []).some(function (ev) { return dateInRange(articleDate(ev.article)); });
    }
    return true;
  }

  // ---- vis data -----------------------------------------------------------
  function visNode(n) {
    var style = styleOf(n.type);
    var colour = { background: style.color, border: "#333333" };
    return {
      id: n.id, x: n.x, y: n.y, shape: style.shape, size: n.size,
      color: { background: colour.background, border: colour.border, highlight: colour, hover: colour },
      title: n.name + "\n" + n.type + ", " + (n.mentions || 0) + " mentions"
    };
  }
  function edgeLabel(e) { return e.relation + (e.role ? " (" + e.role + ")" : ""); }
  function visEdge(e) {
    return { id: e.id, from: e.from, to: e.to, arrows: isSymmetric(e.relation) ? "to, from" : "to" };
  }

  var nodeSet = new vis.DataSet();
  var edgeSet = new vis.DataSet();
  var shownNodes = new Set(), shownEdges = new Set();
  var matchingNodeCount = 0, matchingEdgeCount = 0, unconnectedCount = 0;

  // Work out what to draw and apply only the difference, in bulk.
  function refresh() {
    var passingEdges = [];
    var linked = new Set();
    edges.forEach(function (e) {
      if (!edgePasses(e)) return;
      passingEdges.push(e);
      linked.add(e.from);
      linked.add(e.to);
    });
    var matching = [];
    unconnectedCount = 0;
    byPriority.forEach(function (n) {
      if (!nodePasses(n)) return;
      if (!linked.has(n.id)) {
        unconnectedCount++;
        if (!state.showUnconnected) return;
      }
      matching.push(n);
    });
    matchingNodeCount = matching.length;
    matchingEdgeCount = passingEdges.length;
    var want = new Set();
    if (matching.length <= META.lod) {
      matching.forEach(function (n) { want.add(n.id); });
    } else {
      chooseConnected(matching, passingEdges).forEach(function (id) { want.add(id); });
      var allowed = new Set(matching.map(function (n) { return n.id; }));
      state.revealed.forEach(function (id) { if (allowed.has(id) || nodePasses(nodeById.get(id))) want.add(id); });
    }
    if (state.selected) {  // what is selected stays visible whatever the filters say
      if (state.selected.kind === "node") want.add(state.selected.id);
      else { var se = edgeById.get(state.selected.id); want.add(se.from); want.add(se.to); }
    }
    var wantEdges = new Set();
    passingEdges.forEach(function (e) { if (want.has(e.from) && want.has(e.to)) wantEdges.add(e.id); });
    if (state.selected && state.selected.kind === "edge") wantEdges.add(state.selected.id);

    var removeEdges = [], addEdges = [], removeNodes = [], addNodes = [];
    shownEdges.forEach(function (id) { if (!wantEdges.has(id)) removeEdges.push(id); });
    shownNodes.forEach(function (id) { if (!want.has(id)) removeNodes.push(id); });
    want.forEach(function (id) { if (!shownNodes.has(id)) addNodes.push(visNode(nodeById.get(id))); });
    wantEdges.forEach(function (id) { if (!shownEdges.has(id)) addEdges.push(visEdge(edgeById.get(id))); });
    if (removeEdges.length) edgeSet.remove(removeEdges);
    if (removeNodes.length) nodeSet.remove(removeNodes);
    if (addNodes.length) nodeSet.add(addNodes);
    if (addEdges.length) edgeSet.add(addEdges);
    shownNodes = want;
    shownEdges = wantEdges;
    if (dimmed.size) redim();
    updateCounts();
  }

  // The level of detail: half of the limit goes to the most mentioned nodes, the rest to the most
  // mentioned of those with an edge to a node already chosen, so that what is drawn is a
  // connected picture rather than a field of dots; what is left is filled in priority order.
  function chooseConnected(matching, passingEdges) {
    var passing = new Set(passingEdges.map(function (e) { return e.id; }));
    var chosen = new Set(), deferred = [], half = Math.floor(META.lod / 2);
    function linkedToChosen(n) {
      var mine = incident.get(n.id);
      for (var k = 0; k < mine.length; k++) {
        var e = mine[k];
        if (passing.has(e.id) && chosen.has(e.from === n.id ? e.to : e.from)) return true;
      }
      return false;
    }
    for (var i = 0; i < matching.length && chosen.size < META.lod; i++) {
      var n = matching[i];
      if (chosen.size < half || linkedToChosen(n)) chosen.add(n.id);
      else deferred.push(n);
    }
    for (var j = 0; j < deferred.length && chosen.size < META.lod; j++) chosen.add(deferred[j].id);
    return chosen;
  }

  function updateCounts() {
    $("counts").textContent = "Showing " + shownNodes.size + " of " + matchingNodeCount +
      " matching nodes (" + nodes.length + " in all), " + shownEdges.size + " of " +
      matchingEdgeCount + " matching edges (" + edges.length + " in all)";
    $("counts").title = $("counts").textContent;
    var note = $("lod-note");
    if (matchingNodeCount > META.lod) {
      note.hidden = false;
      note.textContent = "Large graph: the " + META.lod + " most mentioned matching nodes are drawn; " +
        "search, click or double-click a node to reveal more, or narrow the filters.";
    } else {
      note.hidden = true;
    }
    var toggle = $("toggle-unconnected");
    toggle.disabled = unconnectedCount === 0 && !state.showUnconnected;
    toggle.textContent = unconnectedCount === 0 ? "No unconnected nodes" :
      (state.showUnconnected ? "Hide " : "Show ") + unconnectedCount + " unconnected node" + (unconnectedCount === 1 ? "" : "s");
    toggle.setAttribute("aria-pressed", String(state.showUnconnected));
    var perType = new Map();
    shownNodes.forEach(function (id) { var t = nodeById.get(id).type; perType.set(t, (perType.get(t) || 0) + 1); });
    document.querySelectorAll("[data-type-count]").forEach(function (span) {
      span.textContent = String(perType.get(span.getAttribute("data-type-count")) || 0);
    });
  }

  // ---- a capped page (render.py max_nodes) says what it left out and how to see the rest ----
  if (META.capped && META.capped.note) {
    var capNote = el("p", null, [String(META.capped.note)]);
    capNote.id = "cap-note";
    document.body.insertBefore(capNote, document.querySelector("main"));
  }
  function leftOutNote(count, what) {
    var source = (META.capped && META.capped.source) || "graph.json";
    return el("li", "left-out", ["\u2026 and " + count + " more " + what + " in " + source]);
  }

  // ---- network -------------------------------------------------------------
  var large = nodes.length > META.lod;
  var container = $("network");
  var network = new vis.Network(container, { nodes: nodeSet, edges: edgeSet }, {
    autoResize: true,
    physics: { enabled: false },
    layout: { improvedLayout: false, randomSeed: 0 },
    nodes: { borderWidth: 1, borderWidthSelected: 1, chosen: false },
    edges: {
      smooth: false, width: 1, selectionWidth: 1.5, hoverWidth: 1.5,
      color: { color: "#b0b0b0", highlight: "#333333", hover: "#555555", inherit: false },
      arrows: { to: { enabled: true, scaleFactor: 0.5 }, from: { scaleFactor: 0.5 } }
    },
    interaction: { hover: true, tooltipDelay: 300, hideEdgesOnDrag: large, hideEdgesOnZoom: large,
                   keyboard: false, multiselect: false, navigationButtons: false }
  });

  // ---- the label layer ---------------------------------------------------------
  // Boxes are in screen (CSS) pixels: [left, top, right, bottom].
  var measureCtx = document.createElement("canvas").getContext("2d");
  var widthCache = new Map();
  function textWidth(text, font) {
    var key = font + "\u0000" + text;
    var w = widthCache.get(key);
    if (w === undefined) { measureCtx.font = font; w = measureCtx.measureText(text).width; widthCache.set(key, w); }
    return w;
  }
  function BoxGrid(cell) { this.cell = cell; this.cells = new Map(); }
  BoxGrid.prototype.keys = function (box, fn) {
    var c = this.cell;
    for (var gx = Math.floor(box[0] / c); gx <= Math.floor(box[2] / c); gx++) {
      for (var gy = Math.floor(box[1] / c); gy <= Math.floor(box[3] / c); gy++) fn(gx + "," + gy);
    }
  };
  BoxGrid.prototype.add = function (box) {
    var cells = this.cells;
    this.keys(box, function (k) { var list = cells.get(k); if (!list) cells.set(k, list = []); list.push(box); });
  };
  BoxGrid.prototype.hits = function (box, ignoreOwner) {
    var cells = this.cells, hit = false;
    this.keys(box, function (k) {
      if (hit) return;
      var list = cells.get(k);
      if (!list) return;
      for (var i = 0; i < list.length; i++) {
        var o = list[i];
        if (o.owner !== undefined && o.owner === ignoreOwner) continue;
        if (o[0] < box[2] && box[0] < o[2] && o[1] < box[3] && box[1] < o[3]) { hit = true; return; }
      }
    });
    return hit;
  };

  function view() {
    var scale = network.getScale(), t = network.body.view.translation;
    return { scale: scale, tx: t.x, ty: t.y, width: container.clientWidth, height: container.clientHeight };
  }
  function toScreen(v, x, y) { return { x: x * v.scale + v.tx, y: y * v.scale + v.ty }; }
  function bodyNode(id) { return network.body.nodes[id]; }

  var drawn = { nodeLabels: [], edgeLabels: [] };

  function nodeShapeBox(v, id) {
    var body = bodyNode(id), n = nodeById.get(id);
    var p = toScreen(v, body.x, body.y), r = n.size * v.scale * 1.15 + 1;
    var box = [p.x - r, p.y - r, p.x + r, p.y + r];
    box.owner = id;
    return box;
  }
  function inView(v, box) { return box[0] >= 0 && box[1] >= 0 && box[2] <= v.width && box[3] <= v.height; }

  function placeNodeLabel(v, grid, id, font, reach) {
    var placed = null;
    for (var gap = 0; gap <= (reach || 0) && !placed; gap += 8) placed = placeNodeLabelAt(v, grid, id, font, gap);
    return placed;
  }
  function placeNodeLabelAt(v, grid, id, font, gap) {
    var body = bodyNode(id);
    if (!body) return null;
    var n = nodeById.get(id);
    var p = toScreen(v, body.x, body.y);
    var w = textWidth(n.label, font) + 4;
    var r = n.size * v.scale * 1.15 + 2 + gap;
    // Under the node, else above it, right of it, left of it, then the four corners: the first spot that is free.
    var h = LABEL_HEIGHT, d = r * 0.7;
    var spots = [[p.x - w / 2, p.y + r], [p.x - w / 2, p.y - r - h],
                 [p.x + r + 2, p.y - h / 2], [p.x - r - 2 - w, p.y - h / 2],
                 [p.x + d, p.y + d], [p.x - d - w, p.y + d], [p.x + d, p.y - d - h], [p.x - d - w, p.y - d - h]];
    for (var i = 0; i < spots.length; i++) {
      var box = [spots[i][0], spots[i][1], spots[i][0] + w, spots[i][1] + LABEL_HEIGHT];
      if (!inView(v, box) || grid.hits(box, id)) continue;
      box.owner = id;
      grid.add(box);
      return { id: id, text: n.label, box: box, x: box[0] + w / 2, y: box[1] + LABEL_HEIGHT / 2, font: font };
    }
    return null;
  }
  function placeEdgeLabel(v, grid, e) {
    var a = bodyNode(e.from), b = bodyNode(e.to);
    if (!a || !b) return null;
    var text = edgeLabel(e), w = textWidth(text, EDGE_FONT);
    var spots = [0.5, 0.38, 0.62, 0.28, 0.72];
    for (var i = 0; i < spots.length; i++) {
      var t = spots[i];
      var p = toScreen(v, a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
      var box = [p.x - w / 2 - 3, p.y - LABEL_HEIGHT / 2, p.x + w / 2 + 3, p.y + LABEL_HEIGHT / 2];
      if (!inView(v, box) || grid.hits(box)) continue;
      grid.add(box);
      return { id: e.id, text: text, box: box, x: p.x, y: p.y, font: EDGE_FONT };
    }
    return null;
  }

  // Which labels to draw this frame: first what the reader is looking at, then by priority.
  function layoutLabels() {
    var v = view();
    var grid = new BoxGrid(48);
    var inside = [];
    shownNodes.forEach(function (id) {
      if (!bodyNode(id)) return;
      var box = nodeShapeBox(v, id);
      if (box[2] < 0 || box[3] < 0 || box[0] > v.width || box[1] > v.height) return;
      grid.add(box);
      inside.push(id);
    });
    var nodeLabels = [], edgeLabels = [];
    var selectedId = state.selected && state.selected.kind === "node" ? state.selected.id : null;
    if (selectedId && shownNodes.has(selectedId)) {
      var own = placeNodeLabel(v, grid, selectedId, BOLD_FONT, 32);  // the selected label may stand further off
      if (own) nodeLabels.push(own);
    }
    var focusEdges = [];
    if (state.hoverEdge !== null && shownEdges.has(state.hoverEdge)) focusEdges.push(state.hoverEdge);
    if (state.selected && state.selected.kind === "edge") focusEdges.push(state.selected.id);
    if (selectedId) incident.get(selectedId).forEach(function (e) { if (shownEdges.has(e.id)) focusEdges.push(e.id); });
    var labelledEdges = new Set();
    focusEdges.forEach(function (id) {
      if (labelledEdges.has(id)) return;
      var placed = placeEdgeLabel(v, grid, edgeById.get(id));
      if (placed) { edgeLabels.push(placed); labelledEdges.add(id); }
    });
    inside.sort(function (a, b) {
      var lit = (dimmed.has(a) ? 1 : 0) - (dimmed.has(b) ? 1 : 0);
      return lit || priorityRank.get(a) - priorityRank.get(b);
    });
    for (var i = 0; i < inside.length && nodeLabels.length < MAX_LABELS; i++) {
      if (inside[i] === selectedId) continue;
      var placed = placeNodeLabel(v, grid, inside[i], LABEL_FONT);
      if (placed) nodeLabels.push(placed);
    }
    if (v.scale >= EDGE_LABEL_ZOOM) {
      shownEdges.forEach(function (id) {
        if (labelledEdges.has(id) || edgeLabels.length >= MAX_LABELS) return;
        var placed = placeEdgeLabel(v, grid, edgeById.get(id));
        if (placed) edgeLabels.push(placed);
      });
    }
    return { nodeLabels: nodeLabels, edgeLabels: edgeLabels };
  }

  function drawLabel(ctx, label, colour) {
    ctx.font = label.font;
    ctx.lineWidth = 3;
    ctx.strokeStyle = "rgba(255,255,255,0.9)";
    ctx.strokeText(label.text, label.x, label.y);
    ctx.fillStyle = colour;
    ctx.fillText(label.text, label.x, label.y);
  }

  network.on("afterDrawing", function (ctx) {
    var ratio = network.canvas.pixelRatio || window.devicePixelRatio || 1;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    var v = view();
    if (state.selected && state.selected.kind === "node" && bodyNode(state.selected.id)) {
      // The selection ring: the node keeps its type colour, a dark ring says it is selected.
      var body = bodyNode(state.selected.id), p = toScreen(v, body.x, body.y);
      ctx.beginPath();
      ctx.arc(p.x, p.y, nodeById.get(state.selected.id).size * v.scale * 1.2 + 5, 0, 2 * Math.PI);
      ctx.lineWidth = 3;
      ctx.strokeStyle = "#1a1a1a";
      ctx.stroke();
    }
    var started = performance.now();
    drawn = layoutLabels();
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    drawn.edgeLabels.forEach(function (label) {
      ctx.fillStyle = "rgba(255,255,255,0.92)";
      ctx.fillRect(label.box[0], label.box[1], label.box[2] - label.box[0], label.box[3] - label.box[1]);
      drawLabel(ctx, label, "#333333");
    });
    drawn.nodeLabels.forEach(function (label) { drawLabel(ctx, label, dimmed.has(label.id) ? "#b5b5b5" : "#1f1f1f"); });
    ctx.restore();
    timings.labels = performance.now() - started;
  });

  // ---- fitting the view ------------------------------------------------------------
  // vis's own fit stops at zoom 1 and ignores labels drawn outside vis; this one fits the
  // nodes' shapes and their labels (at the zoom it is choosing) into the canvas.
  function fitTo(ids, options) {
    options = options || {};
    var list = Array.from(ids).filter(function (id) { return bodyNode(id); });
    var width = container.clientWidth, height = container.clientHeight;
    if (!list.length || !width || !height) return;
    var pad = 16;
    // Canvas extents (shape) and screen extents (label) per node; solve for the zoom by a few rounds.
    var scale = 1;
    var bounds = null;
    for (var round = 0; round < 4; round++) {
      var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      list.forEach(function (id) {
        var body = bodyNode(id), n = nodeById.get(id);
        var r = n.size * 1.15;
        var halfLabel = (textWidth(n.label, LABEL_FONT) / 2 + 2) / scale;
        var below = r + (LABEL_HEIGHT + 2) / scale;
        minX = Math.min(minX, body.x - Math.max(r, halfLabel));
        maxX = Math.max(maxX, body.x + Math.max(r, halfLabel));
        minY = Math.min(minY, body.y - r);
        maxY = Math.max(maxY, body.y + below);
      });
      bounds = [minX, minY, maxX, maxY];
      var next = Math.min((width - 2 * pad) / Math.max(maxX - minX, 1), (height - 2 * pad) / Math.max(maxY - minY, 1));
      next = Math.max(0.01, Math.min(next, options.maxScale || 2));
      if (Math.abs(next - scale) < 0.002) { scale = next; break; }
      scale = next;
    }
    var centre = options.centre || { x: (bounds[0] + bounds[2]) / 2, y: (bounds[1] + bounds[3]) / 2 };
    network.moveTo({ position: centre, scale: scale, animation: false });
  }
  function fitShown() { fitTo(shownNodes); }
  // Centre on one node with its neighbours in view.
  function zoomToNode(id) {
    var around = Array.from(neighbours(id)).filter(function (other) { return shownNodes.has(other); });
    var body = bodyNode(id);
    var width = container.clientWidth, height = container.clientHeight, pad = 40;
    var scale = 1.6;
    around.forEach(function (other) {
      var o = bodyNode(other);
      if (!o || other === id) return;
      var dx = Math.abs(o.x - body.x) + nodeById.get(other).size + 60, dy = Math.abs(o.y - body.y) + nodeById.get(other).size + 24;
      scale = Math.min(scale, (width / 2 - pad) / dx, (height / 2 - pad) / dy);
    });
    network.moveTo({ position: { x: body.x, y: body.y }, scale: Math.max(scale, 0.05), animation: false });
  }

  // ---- highlight the neighbourhood -------------------------------------------
  var dimmed = new Set();
  var lit = null;
  function undim() {
    lit = null;
    if (!dimmed.size) return;
    var updates = [];
    dimmed.forEach(function (id) {
      if (!shownNodes.has(id)) return;
      var fresh = visNode(nodeById.get(id));
      updates.push({ id: id, color: fresh.color });
    });
    nodeSet.update(updates);
    dimmed = new Set();
  }
  function dimAllBut(keep) {
    undim();
    lit = keep;
    redim();
  }
  function redim() {
    if (!lit) return;
    var updates = [];
    shownNodes.forEach(function (id) {
      if (lit.has(id) || dimmed.has(id)) return;
      dimmed.add(id);
      updates.push({ id: id, color: DIM_NODE });
    });
    dimmed.forEach(function (id) { if (!shownNodes.has(id)) dimmed.delete(id); });
    if (updates.length) nodeSet.update(updates);
  }

  // ---- side panel -------------------------------------------------------------
  var panel = $("panel");
  function definitionList(rows) {
    var dl = el("dl");
    rows.forEach(function (row) {
      if (row[1] === null || row[1] === undefined || row[1] === "") return;
      dl.appendChild(el("dt", null, [row[0]]));
      dl.appendChild(el("dd", null, [row[1]]));
    });
    return dl;
  }
  function articleItem(articleId) {
    var info = ARTICLES[articleId] || {};
    var title = info.title ? String(info.title) : String(articleId);
    var href = safeUrl(info.url);
    var item;
    if (href) {
      var link = el("a", null, [title]);
      link.href = href;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      item = el("span", null, [link]);
    } else {
      item = el("span", null, [title]);
      if (info.url) item.appendChild(el("span", "source", [" (" + String(info.url) + ")"]));
    }
    if (info.date) item.appendChild(el("span", "source", [" " + String(info.date)]));
    return item;
  }
  function nodeButton(id) {
    return button(nodeById.get(id).name, "linklike", function () { focusNode(id); });
  }
  function edgeButton(e, text) {
    return button(text, "linklike", function () { selectEdge(e.id); });
  }
  function readButton(articleId, evidence, terms) {
    var b = button("Read", "read", function () { openArticle(articleId, evidence ? evidence.start : null, { evidence: evidence, terms: terms }); });
    b.title = "Open the article with this sentence highlighted";
    return b;
  }

  function evidenceList(evidence, terms, leftOut) {
    var list = el("ul", "evidence-list");
    evidence.forEach(function (ev) {
      var item = el("li", "evidence");
      var sentence = highlighted(String(ev.sentence || ""), terms);
      sentence.title = "Open the article with this sentence highlighted";
      sentence.addEventListener("click", function () { openArticle(ev.article, ev.start, { evidence: ev, terms: terms }); });
      sentence.style.cursor = "pointer";
      item.appendChild(sentence);
      var where = el("div", "source", ["from "]);
      where.appendChild(articleItem(ev.article));
      where.appendChild(readButton(ev.article, ev, terms));
      item.appendChild(where);
      list.appendChild(item);
    });
    if (leftOut) list.appendChild(leftOutNote(leftOut, "evidence sentences"));
    return list;
  }

  function showNodePanel(n) {
    clear(panel);
    panel.appendChild(el("h2", null, [n.name]));
    var rows = [["type", n.type], ["id", n.id], ["mentions", String(n.mentions || 0)]];
    if (n.aliases && n.aliases.length) rows.push(["aliases", n.aliases.map(String).join(", ")]);
    if (n.parameters) rows.push(["parameters", formatCount(n.parameters)]);
    if (n.type === "deal") {
      rows.push(["kind", n.kind || "unknown"]);
      rows.push(["amount", n.amount_usd === null || n.amount_usd === undefined
        ? (typeof n.amount === "number" && n.currency ? formatAmount(n.amount) + " " + String(n.currency) : "unknown")
        : formatUsd(n.amount_usd)]);
      rows.push(["date", n.date || "unknown"]);
    }
    panel.appendChild(definitionList(rows));
    var mine = incident.get(n.id);
    if (n.type === "deal") {
      panel.appendChild(el("h3", null, ["Parties"]));
      var parties = el("ul", "parties");
      var seen = new Set(), evidence = [], terms = [];
      mine.forEach(function (e) {
        if (e.relation !== "party" || e.from !== n.id) return;
        parties.appendChild(el("li", null, [nodeButton(e.to), " \u2014 " + (e.role || "party")]));
        terms = terms.concat(surfaceForms(e.to));
        (e.evidence || []).forEach(function (ev) {
          var key = ev.article + "\u0000" + ev.start + "\u0000" + ev.sentence;
          if (!seen.has(key)) { seen.add(key); evidence.push(ev); }
        });
      });
      if (!parties.firstChild) parties.appendChild(el("li", null, ["none recorded"]));
      panel.appendChild(parties);
      var dealLeftOut = 0;
      mine.forEach(function (e) { if (e.relation === "party" && e.from === n.id) dealLeftOut += e.evidence_left_out || 0; });
      panel.appendChild(el("h3", null, ["Evidence (" + (evidence.length + dealLeftOut) + ")"]));
      panel.appendChild(evidenceList(evidence, searchTerms(terms), dealLeftOut));
    }
    var articles = n.articles || [], articlesLeftOut = n.articles_left_out || 0;
    panel.appendChild(el("h3", null, ["Articles (" + (articles.length + articlesLeftOut) + ")"]));
    var list = el("ul", "articles");
    articles.slice(0, 100).forEach(function (a) {
      var item = el("li", null, [articleItem(a)]);
      item.appendChild(button("Read", "read", function () { openArticle(a, null, { node: n.id }); }));
      list.appendChild(item);
    });
    if (articles.length > 100) list.appendChild(el("li", null, ["\u2026 and " + (articles.length - 100) + " more"]));
    if (articlesLeftOut) list.appendChild(leftOutNote(articlesLeftOut, "articles"));
    panel.appendChild(list);
    panel.appendChild(el("h3", null, ["Relations (" + mine.length + ")"]));
    var relations = el("ul", "relations");
    mine.slice(0, 200).forEach(function (e) {
      var other = e.from === n.id ? e.to : e.from;
      var outgoing = e.from === n.id;
      var text = (outgoing ? "\u2192 " : "\u2190 ") + edgeLabel(e);
      relations.appendChild(el("li", null, [edgeButton(e, text), " ", nodeButton(other),
        el("span", "source", [" (" + ((e.evidence || []).length + (e.evidence_left_out || 0)) + ")"])]));
    });
    if (mine.length > 200) relations.appendChild(el("li", null, ["\u2026 and " + (mine.length - 200) + " more"]));
    panel.appendChild(relations);
  }

  // Split a sentence into text nodes and <mark> elements around the given terms.
  function highlighted(sentence, terms) {
    var box = el("p", "sentence");
    var lower = sentence.toLowerCase();
    var plainStart = 0, i = 0;
    while (i < sentence.length) {
      var hit = 0;
      for (var t = 0; t < terms.length; t++) {
        if (lower.startsWith(terms[t], i)) { hit = terms[t].length; break; }  // terms: longest first
      }
      if (!hit) { i++; continue; }
      if (i > plainStart) box.appendChild(document.createTextNode(sentence.slice(plainStart, i)));
      box.appendChild(el("mark", null, [sentence.slice(i, i + hit)]));
      i += hit;
      plainStart = i;
    }
    if (plainStart < sentence.length) box.appendChild(document.createTextNode(sentence.slice(plainStart)));
    return box;
  }
  function surfaceForms(id) {
    var n = nodeById.get(id);
    return [n.name].concat(n.aliases || []).map(String);
  }
  function searchTerms(forms) {
    var seen = new Set(), terms = [];
    forms.forEach(function (form) {
      var term = form.toLowerCase();
      if (term.trim() && !seen.has(term)) { seen.add(term); terms.push(term); }
    });
    return terms.sort(function (a, b) { return b.length - a.length; });
  }

  function showEdgePanel(e) {
    clear(panel);
    var source = nodeById.get(e.from), target = nodeById.get(e.to);
    panel.appendChild(el("h2", null, [source.name + " \u2192 " + edgeLabel(e) + " \u2192 " + target.name]));
    panel.appendChild(definitionList([
      ["from", nodeButton(e.from)], ["relation", e.relation], ["to", nodeButton(e.to)],
      ["role", e.role || null], ["confidence", String(e.confidence)]
    ]));
    var evidence = e.evidence || [], leftOut = e.evidence_left_out || 0;
    panel.appendChild(el("h3", null, ["Evidence (" + (evidence.length + leftOut) + ")"]));
    panel.appendChild(evidenceList(evidence, searchTerms(surfaceForms(e.from).concat(surfaceForms(e.to))), leftOut));
  }

  // ---- the article reader ------------------------------------------------------------
  var TEXTS = null;
  function articleText(id) {
    if (TEXTS === null) TEXTS = JSON.parse(document.getElementById("article-texts").textContent);
    return typeof TEXTS[id] === "string" ? TEXTS[id] : null;
  }
  var reader = $("reader"), readerBody = $("reader-body");
  var WORD = /[\p{L}\p{N}]/u;

  // Where the evidence sentence is in the text: its offsets if they hold it, else a search.
  function sentenceSpan(text, offset, evidence) {
    var sentence = evidence && evidence.sentence ? String(evidence.sentence) : null;
    if (sentence) {
      if (typeof evidence.start === "number" && text.slice(evidence.start, evidence.start + sentence.length) === sentence) {
        return [evidence.start, evidence.start + sentence.length];
      }
      var near = typeof offset === "number" ? Math.max(0, offset - sentence.length) : 0;
      var at = text.indexOf(sentence, near);
      if (at < 0) at = text.indexOf(sentence);
      if (at >= 0) return [at, at + sentence.length];
      return null;
    }
    if (typeof offset !== "number" || offset < 0 || offset >= text.length) return null;
    var end = text.slice(offset).search(/[.!?](\s|$)/);
    return [offset, end < 0 ? text.length : offset + end + 1];
  }

  // Mentions of the article's entities: name and aliases of every node that lists the article,
  // as whole words, longest first, never overlapping.
  var MARKED_CHARS = 200000;  // in longer articles, mentions are marked around the sentence only
  function entitySpans(articleId, text, around) {
    var lo = 0, hi = text.length;
    if (text.length > MARKED_CHARS) {
      var centre = around ? around[0] : 0;
      lo = Math.max(0, centre - MARKED_CHARS / 2);
      hi = Math.min(text.length, lo + MARKED_CHARS);
    }
    return entitySpansIn(articleId, text.slice(lo, hi)).map(function (s) { return [s[0] + lo, s[1] + lo, s[2]]; });
  }
  function entitySpansIn(articleId, text) {
    var forms = [];
    nodes.forEach(function (n) {
      if (n.type === "deal" || (n.articles || []).indexOf(articleId) < 0) return;
      surfaceForms(n.id).forEach(function (form) { if (form.trim().length >= 2) forms.push({ text: form, id: n.id }); });
    });
    forms.sort(function (a, b) { return b.text.length - a.text.length || (a.id < b.id ? -1 : 1); });
    var taken = new Uint8Array(text.length), spans = [];
    forms.forEach(function (form) {
      var from = 0, at;
      while ((at = text.indexOf(form.text, from)) >= 0) {
        from = at + 1;
        var end = at + form.text.length;
        if ((at > 0 && WORD.test(text[at - 1])) || (end < text.length && WORD.test(text[end]))) continue;
        var free = true;
        for (var i = at; i < end; i++) if (taken[i]) { free = false; break; }
        if (!free) continue;
        for (var j = at; j < end; j++) taken[j] = 1;
        spans.push([at, end, form.id]);
      }
    });
    return spans.sort(function (a, b) { return a[0] - b[0]; });
  }

  function entityElement(textPiece, id) {
    var n = nodeById.get(id), colour = styleOf(n.type).color;
    var span = el("span", "entity", [textPiece]);
    span.style.borderBottomColor = colour;
    span.style.backgroundColor = colour + "22";
    span.title = n.name + " (" + n.type + ")";
    span.setAttribute("role", "button");
    span.setAttribute("tabindex", "0");
    span.setAttribute("data-node", id);
    span.addEventListener("click", function () { focusNode(id); });
    span.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); focusNode(id); }
    });
    return span;
  }

  // The text as text nodes, entity spans and one <mark> around the evidence sentence.
  function articleBody(text, highlight, spans) {
    var body = el("div", "article-text");
    var cuts = new Set([0, text.length]);
    if (highlight) { cuts.add(highlight[0]); cuts.add(highlight[1]); }
    spans.forEach(function (s) { cuts.add(s[0]); cuts.add(s[1]); });
    var points = Array.from(cuts).sort(function (a, b) { return a - b; });
    var mark = null, s = 0;
    for (var k = 0; k + 1 < points.length; k++) {
      var a = points[k], b = points[k + 1];
      if (a === b) continue;
      var inMark = highlight && a >= highlight[0] && b <= highlight[1];
      if (inMark && !mark) { mark = el("mark", "evidence"); body.appendChild(mark); }
      var parent = inMark ? mark : body;
      while (s < spans.length && spans[s][1] <= a) s++;
      var piece = text.slice(a, b);
      if (s < spans.length && spans[s][0] <= a && b <= spans[s][1]) parent.appendChild(entityElement(piece, spans[s][2]));
      else parent.appendChild(document.createTextNode(piece));
    }
    return body;
  }

  function openArticle(articleId, offset, options) {
    options = options || {};
    var info = ARTICLES[articleId] || {};
    clear(readerBody);
    readerBody.appendChild(el("h2", null, [info.title ? String(info.title) : String(articleId)]));
    var meta = el("p", "meta", [info.date ? String(info.date) : "no date"]);
    var href = safeUrl(info.url);
    if (href) {
      var link = el("a", null, [href]);
      link.href = href;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      meta.appendChild(document.createTextNode(" \u00b7 "));
      meta.appendChild(link);
    } else if (info.url) {
      meta.appendChild(document.createTextNode(" \u00b7 " + String(info.url)));
    }
    meta.appendChild(document.createTextNode(" \u00b7 " + String(articleId)));
    readerBody.appendChild(meta);
    var text = articleText(articleId);
    var highlight = null;
    if (text === null) {
      readerBody.appendChild(el("p", "missing", ["The article's text is not in this page."]));
      if (options.evidence) readerBody.appendChild(el("div", "article-text", [el("mark", "evidence", [String(options.evidence.sentence || "")])]));
    } else {
      highlight = sentenceSpan(text, offset, options.evidence);
      if (!highlight && options.evidence) {
        readerBody.appendChild(el("p", "missing", ["The sentence was not found in the text; it reads:"]));
        readerBody.appendChild(el("div", "article-text", [el("mark", "evidence", [String(options.evidence.sentence || "")])]));
      }
      readerBody.appendChild(articleBody(text, highlight, entitySpans(articleId, text, highlight)));
    }
    reader.hidden = false;
    var marked = readerBody.querySelector("mark.evidence");
    if (marked) marked.scrollIntoView({ block: "center" });
    else if (options.node) {
      // No sentence: the node's mentions stand out, and the first one is scrolled to.
      var mentions = readerBody.querySelectorAll(".entity[data-node=\"" + CSS.escape(options.node) + "\"]");
      mentions.forEach(function (m) { m.classList.add("asked"); });
      if (mentions.length) mentions[0].scrollIntoView({ block: "center" });
    } else {
      readerBody.scrollTop = 0;
    }
    return { article: articleId, highlighted: marked ? marked.textContent : null };
  }
  function closeReader() { reader.hidden = true; }
  $("reader-close").addEventListener("click", closeReader);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !reader.hidden) closeReader();
  });

  // ---- selection ----------------------------------------------------------------
  function reveal(ids) { ids.forEach(function (id) { state.revealed.add(id); }); }
  function neighbours(id) {
    var result = new Set([id]);
    incident.get(id).forEach(function (e) { result.add(e.from); result.add(e.to); });
    return result;
  }

  function selectNode(id) {
    if (!nodeById.has(id)) throw new Error("unknown node id: " + id);
    var around = neighbours(id);
    state.selected = { kind: "node", id: id };
    reveal(around);
    refresh();
    dimAllBut(around);
    network.selectNodes([id], true);
    showNodePanel(nodeById.get(id));
    return id;
  }
  function selectEdge(id) {
    var e = edgeById.get(id);
    if (!e) throw new Error("unknown edge id: " + id);
    state.selected = { kind: "edge", id: id };
    reveal([e.from, e.to]);
    refresh();
    dimAllBut(new Set([e.from, e.to]));
    network.selectEdges([id]);
    showEdgePanel(e);
    keepInView([e.from, e.to]);
    return id;
  }
  // Move (and zoom out if need be) so that these nodes are on the canvas; leave the view alone if they are.
  function keepInView(ids) {
    var v = view(), margin = 30;
    var outside = ids.some(function (id) {
      var b = bodyNode(id);
      if (!b) return false;
      var p = toScreen(v, b.x, b.y);
      return p.x < margin || p.y < margin || p.x > v.width - margin || p.y > v.height - margin;
    });
    if (outside) fitTo(ids, { maxScale: v.scale });
  }
  function clearSelection() {
    state.selected = null;
    undim();
    network.unselectAll();
    showOverview();
    refresh();
  }
  // With nothing selected the panel gives a way in: the most mentioned entities and the deals.
  function showOverview() {
    clear(panel);
    panel.appendChild(el("p", "hint", ["Click a node or an edge to see its details and evidence; " +
      "click a sentence to read it in its article. Double-click a node to reveal its neighbours."]));
    var top = byPriority.filter(function (n) { return n.type !== "deal" && incident.get(n.id).length; }).slice(0, 12);
    if (top.length) {
      panel.appendChild(el("h3", null, ["Most mentioned"]));
      var list = el("ul", "overview");
      top.forEach(function (n) {
        list.appendChild(el("li", null, [nodeButton(n.id), el("span", "source", [" " + n.type + ", " + n.mentions + " mentions"])]));
      });
      panel.appendChild(list);
    }
    var deals = nodes.filter(function (n) { return n.type === "deal"; }).sort(function (a, b) {
      return String(b.date || "").localeCompare(String(a.date || "")) || byId(a, b);
    });
    if (deals.length) {
      panel.appendChild(el("h3", null, ["Deals (" + deals.length + ")"]));
      var dealList = el("ul", "overview");
      deals.slice(0, 30).forEach(function (n) {
        var parties = incident.get(n.id).filter(function (e) { return e.relation === "party"; })
          .map(function (e) { return nodeById.get(e.to).name; });
        var what = [n.kind || "deal", n.amount_usd ? formatUsd(n.amount_usd) : null, n.date || null].filter(Boolean).join(", ");
        dealList.appendChild(el("li", null, [button(parties.join(" \u2013 ") || n.name, "linklike", function () { focusNode(n.id); }),
          el("span", "source", [" " + what])]));
      });
      if (deals.length > 30) dealList.appendChild(el("li", null, ["\u2026 and " + (deals.length - 30) + " more"]));
      panel.appendChild(dealList);
    }
  }
  // Select a node, centre on it and zoom so that its neighbours are in view.
  function focusNode(id) {
    selectNode(id);
    zoomToNode(id);
    return id;
  }

  function labelAt(point) {
    for (var i = 0; i < drawn.nodeLabels.length; i++) {
      var b = drawn.nodeLabels[i].box;
      if (point.x >= b[0] && point.x <= b[2] && point.y >= b[1] && point.y <= b[3]) return drawn.nodeLabels[i].id;
    }
    return null;
  }
  network.on("click", function (params) {
    if (params.nodes.length) selectNode(params.nodes[0]);
    else if (params.edges.length) selectEdge(params.edges[0]);
    else if (labelAt(params.pointer.DOM)) selectNode(labelAt(params.pointer.DOM));
    else clearSelection();
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length) focusNode(params.nodes[0]);
  });
  network.on("hoverEdge", function (params) { state.hoverEdge = params.edge; network.redraw(); });
  network.on("blurEdge", function () { state.hoverEdge = null; network.redraw(); });

  // ---- search -----------------------------------------------------------------
  var searchInput = $("search"), suggestions = $("suggestions"), noMatch = $("no-match");
  var currentMatches = [], activeMatch = 0;
  function findMatches(query) {
    var q = query.trim().toLowerCase();
    if (!q) return [];
    var prefix = [], inner = [], seen = new Set();
    if (nodeById.has(query.trim())) { prefix.push({ label: query.trim(), node: nodeById.get(query.trim()), alias: false }); seen.add(query.trim()); }
    for (var i = 0; i < searchIndex.length && prefix.length < 12; i++) {
      var entry = searchIndex[i];
      var at = entry.text.indexOf(q);
      if (at < 0 || seen.has(entry.node.id)) continue;
      seen.add(entry.node.id);
      (at === 0 ? prefix : inner).push(entry);
    }
    var rank = function (a, b) {
      return (a.text === q ? -1 : 0) - (b.text === q ? -1 : 0) || (b.node.mentions - a.node.mentions);
    };
    return prefix.sort(rank).concat(inner.sort(rank)).slice(0, 12);
  }
  function renderSuggestions() {
    clear(suggestions);
    currentMatches.forEach(function (entry, index) {
      var item = el("li", null, [entry.label]);
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", index === activeMatch ? "true" : "false");
      var kind = entry.alias ? "alias of " + entry.node.name + ", " + entry.node.type : entry.node.type;
      item.appendChild(el("span", "kind", [kind]));
      item.addEventListener("mousedown", function (event) { event.preventDefault(); choose(entry); });
      suggestions.appendChild(item);
    });
    suggestions.hidden = currentMatches.length === 0;
    var query = searchInput.value.trim();
    noMatch.hidden = !(query && currentMatches.length === 0);
    noMatch.textContent = "No match for \u201c" + query + "\u201d";
  }
  function choose(entry) {
    suggestions.hidden = true;
    noMatch.hidden = true;
    searchInput.value = entry.node.name;
    focusNode(entry.node.id);
  }
  searchInput.addEventListener("input", function () {
    currentMatches = findMatches(searchInput.value);
    activeMatch = 0;
    renderSuggestions();
  });
  searchInput.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!currentMatches.length) return;
      activeMatch = (activeMatch + (event.key === "ArrowDown" ? 1 : currentMatches.length - 1)) % currentMatches.length;
      renderSuggestions();
      event.preventDefault();
    } else if (event.key === "Enter") {
      var matches = currentMatches.length ? currentMatches : findMatches(searchInput.value);
      if (matches.length) choose(matches[Math.min(activeMatch, matches.length - 1)]);
      else { currentMatches = []; renderSuggestions(); }
      event.preventDefault();
    } else if (event.key === "Escape") {
      suggestions.hidden = true;
      noMatch.hidden = true;
    }
  });
  searchInput.addEventListener("blur", function () { suggestions.hidden = true; noMatch.hidden = true; });

  // ---- filters ------------------------------------------------------------------
  // Every filter change redraws what matches and fits the view to it.
  function filtersChanged() {
    refresh();
    fitShown();
    drawTimeline();
  }
  function checkboxRow(value, checked, onChange, decorations) {
    var box = el("input");
    box.type = "checkbox";
    box.checked = checked;
    box.value = value;
    box.addEventListener("change", function () { onChange(box.checked); });
    var label = el("label", null, [box].concat(decorations));
    return el("li", null, [label]);
  }
  // Legend swatches drawn with the same geometry as vis-network's shapes.
  function drawShape(ctx, shape, x, y, r) {
    ctx.beginPath();
    var i;
    if (shape === "dot") ctx.arc(x, y, r, 0, 2 * Math.PI);
    else if (shape === "square") ctx.rect(x - r, y - r, 2 * r, 2 * r);
    else if (shape === "diamond") { ctx.moveTo(x, y + r); ctx.lineTo(x + r, y); ctx.lineTo(x, y - r); ctx.lineTo(x - r, y); }
    else if (shape === "star") {
      r *= 0.82; y += 0.1 * r;
      for (i = 0; i < 10; i++) {
        var rr = i % 2 === 0 ? 1.3 * r : 0.5 * r;
        ctx.lineTo(x + rr * Math.sin(2 * i * Math.PI / 10), y - rr * Math.cos(2 * i * Math.PI / 10));
      }
    } else if (shape === "triangle" || shape === "triangleDown") {
      var down = shape === "triangleDown" ? -1 : 1;
      r *= 1.15; y += down * 0.275 * r;
      var side = 2 * r, half = side / 2, inner = Math.sqrt(3) / 6 * side, height = Math.sqrt(side * side - half * half);
      ctx.moveTo(x, y - down * (height - inner));
      ctx.lineTo(x + half, y + down * inner);
      ctx.lineTo(x - half, y + down * inner);
    } else if (shape === "hexagon") {
      for (i = 0; i < 6; i++) ctx.lineTo(x + r * Math.cos(i * Math.PI / 3), y + r * Math.sin(i * Math.PI / 3));
    }
    ctx.closePath();
  }
  function swatch(type) {
    var style = styleOf(type), ratio = window.devicePixelRatio || 1;
    var canvas = el("canvas", "swatch");
    canvas.width = 14 * ratio;
    canvas.height = 14 * ratio;
    canvas.setAttribute("data-shape", style.shape);
    var ctx = canvas.getContext("2d");
    ctx.scale(ratio, ratio);
    drawShape(ctx, style.shape, 7, 7, 5);
    ctx.fillStyle = style.color;
    ctx.fill();
    ctx.strokeStyle = "#333333";
    ctx.lineWidth = 1;
    ctx.stroke();
    return canvas;
  }
  META.types.forEach(function (type) {
    var count = el("span", "count");
    count.setAttribute("data-type-count", type);
    var row = checkboxRow(type, true, function (on) {
      if (on) state.types.add(type); else state.types.delete(type);
      filtersChanged();
    }, [swatch(type), type, count]);
    row.setAttribute("data-type", type);
    $("type-filters").appendChild(row);
  });
  META.relations.forEach(function (relation) {
    var row = checkboxRow(relation, true, function (on) {
      if (on) state.relations.add(relation); else state.relations.delete(relation);
      filtersChanged();
    }, [relation]);
    row.setAttribute("data-relation", relation);
    $("relation-filters").appendChild(row);
  });
  $("min-mentions").addEventListener("input", function () {
    var value = parseInt(this.value, 10);
    state.minMentions = isFinite(value) && value > 0 ? value : 0;
    filtersChanged();
  });
  function setDates(from, to) {
    state.dateFrom = from;
    state.dateTo = to;
    $("timeline-clear").hidden = !(from || to);
    filtersChanged();
  }
  function dateListener() {
    var from = $("date-from").value.trim(), to = $("date-to").value.trim();
    setDates(DATE_RE.test(from) ? from : null, DATE_RE.test(to) ? to : null);
  }
  $("date-from").addEventListener("input", dateListener);
  $("date-to").addEventListener("input", dateListener);
  $("toggle-unconnected").addEventListener("click", function () {
    state.showUnconnected = !state.showUnconnected;
    filtersChanged();
  });

  // ---- the timeline ----------------------------------------------------------------
  // Articles (grey) and deals (red) per month -- per year over long spans; drag to choose dates.
  var timeline = $("timeline");
  var bins = (function () {
    var months = [];
    Object.keys(ARTICLES).forEach(function (id) { var d = articleDate(id); if (d) months.push([d.slice(0, 7), "article"]); });
    nodes.forEach(function (n) {
      if (n.type === "deal" && typeof n.date === "string" && DATE_RE.test(n.date)) months.push([n.date.slice(0, 7), "deal"]);
    });
    if (!months.length) return null;
    var keys = months.map(function (m) { return m[0]; }).sort();
    var first = keys[0].slice(0, 4), last = keys[keys.length - 1].slice(0, 4);
    var yearly = (+last - +first) > 12;
    var labels = [];
    for (var y = +first; y <= +last; y++) {
      if (yearly) labels.push(String(y));
      else for (var m = 1; m <= 12; m++) labels.push(y + "-" + (m < 10 ? "0" : "") + m);
    }
    var index = new Map(labels.map(function (label, i) { return [label, i]; }));
    var counts = labels.map(function () { return { article: 0, deal: 0 }; });
    months.forEach(function (m) {
      var key = yearly ? m[0].slice(0, 4) : (m[0].length >= 7 ? m[0] : m[0] + "-01");
      if (index.has(key)) counts[index.get(key)][m[1]]++;
    });
    // Trim empty months at both ends (a year's dates were put in its January).
    var lo = 0, hi = counts.length - 1;
    while (lo < hi && !counts[lo].article && !counts[lo].deal) lo++;
    while (hi > lo && !counts[hi].article && !counts[hi].deal) hi--;
    return { labels: labels.slice(lo, hi + 1), counts: counts.slice(lo, hi + 1), yearly: yearly };
  })();
  var brush = null;
  function binAt(x) {
    var w = timeline.clientWidth - 16;
    return Math.max(0, Math.min(bins.labels.length - 1, Math.floor((x - 8) / w * bins.labels.length)));
  }
  function drawTimeline() {
    if (!bins) { $("timeline-box").hidden = true; return; }
    var ratio = window.devicePixelRatio || 1, w = timeline.clientWidth, h = timeline.clientHeight;
    if (!w || !h) return;
    timeline.width = w * ratio;
    timeline.height = h * ratio;
    var ctx = timeline.getContext("2d");
    ctx.scale(ratio, ratio);
    ctx.clearRect(0, 0, w, h);
    var n = bins.labels.length, bw = (w - 16) / n, top = 6, bottom = h - 16;
    var most = Math.max.apply(null, bins.counts.map(function (c) { return c.article + c.deal; }).concat([1]));
    bins.counts.forEach(function (c, i) {
      var x = 8 + i * bw, a = (bottom - top) * c.article / most, d = (bottom - top) * c.deal / most;
      var active = !dateFiltered() || dateInRange(bins.labels[i]);
      ctx.fillStyle = active ? "#9aa5b1" : "#dde1e5";
      ctx.fillRect(x + 0.5, bottom - a, Math.max(bw - 1, 1), a);
      ctx.fillStyle = active ? "#e15759" : "#f3c4c5";
      ctx.fillRect(x + 0.5, bottom - a - d, Math.max(bw - 1, 1), d);
    });
    ctx.fillStyle = "#555";
    ctx.font = "10px system-ui, sans-serif";
    ctx.textBaseline = "top";
    var step = Math.max(1, Math.ceil(n / Math.max(1, Math.floor((w - 16) / 60))));
    for (var i = 0; i < n; i += step) {
      if (8 + i * bw + ctx.measureText(bins.labels[i]).width <= w) ctx.fillText(bins.labels[i], 8 + i * bw, bottom + 3);
    }
    ctx.fillStyle = "rgba(255,255,255,0.85)";
    ctx.fillRect(10, 1, 84, 13);
    ctx.fillStyle = "#6b7785";
    ctx.fillText("articles", 12, 2);
    ctx.fillStyle = "#e15759";
    ctx.fillText("deals", 58, 2);
    if (brush) {
      var a0 = Math.min(brush[0], brush[1]), a1 = Math.max(brush[0], brush[1]);
      ctx.fillStyle = "rgba(78,121,167,0.2)";
      ctx.fillRect(8 + a0 * bw, top - 4, (a1 - a0 + 1) * bw, bottom - top + 4);
    }
  }
  function brushDates(range) {
    var a = Math.min(range[0], range[1]), b = Math.max(range[0], range[1]);
    return [bins.labels[a], bins.labels[b]];
  }
  timeline.addEventListener("mousedown", function (event) {
    if (!bins) return;
    var start = binAt(event.offsetX);
    brush = [start, start];
    drawTimeline();
    function move(e) {
      var rect = timeline.getBoundingClientRect();
      brush[1] = binAt(e.clientX - rect.left);
      drawTimeline();
    }
    function up() {
      window.removeEventListener("mousemove", move);
      window.removeEventListener("mouseup", up);
      var dates = brushDates(brush);
      $("date-from").value = dates[0];
      $("date-to").value = dates[1];
      setDates(dates[0], dates[1]);
    }
    window.addEventListener("mousemove", move);
    window.addEventListener("mouseup", up);
  });
  $("timeline-clear").addEventListener("click", function () {
    brush = null;
    $("date-from").value = "";
    $("date-to").value = "";
    setDates(null, null);
  });
  window.addEventListener("resize", drawTimeline);

  // ---- buttons --------------------------------------------------------------------
  $("fit").addEventListener("click", fitShown);
  // The current view on a white background (the canvas itself is transparent).
  function exportPng() {
    var source = container.querySelector("canvas");
    var canvas = document.createElement("canvas");
    canvas.width = source.width;
    canvas.height = source.height;
    var ctx = canvas.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(source, 0, 0);
    var link = document.createElement("a");
    link.download = "newsgraph.png";
    link.href = canvas.toDataURL("image/png");
    link.click();
    return link.href;
  }
  $("export-png").addEventListener("click", exportPng);

  // ---- start --------------------------------------------------------------------
  var timings = { start: performance.now(), firstDraw: null, labels: null };
  drawTimeline();  // first: with no dates the strip goes, and the canvas grows
  showOverview();
  refresh();
  if (META.focus && nodeById.has(META.focus)) selectNode(META.focus);
  network.setSize("100%", "100%");
  fitShown();
  // The first draw that counts is the fitted one, with its labels (redraw draws at once).
  network.once("afterDrawing", function () { timings.firstDraw = performance.now(); });
  network.redraw();

  // The page's API, for tests, benchmarks and notebooks; it runs the same handlers as the UI.
  window.newsgraph = {
    network: network,
    timings: timings,
    data: DATA,
    nodes: nodeSet,
    edges: edgeSet,
    select: selectNode,
    selectEdge: selectEdge,
    focus: focusNode,
    fit: fitShown,
    clearSelection: clearSelection,
    openArticle: function (id, offset, evidence) { return openArticle(id, offset, { evidence: evidence }); },
    closeArticle: closeReader,
    setDates: function (from, to) {
      $("date-from").value = from || "";
      $("date-to").value = to || "";
      setDates(from || null, to || null);
    },
    showUnconnected: function (on) { state.showUnconnected = !!on; filtersChanged(); },
    search: function (text) {
      var matches = findMatches(text);
      if (!matches.length) return null;
      choose(matches[0]);
      return matches[0].node.id;
    },
    findEdge: function (from, to, relation) {
      var found = null;
      (incident.get(from) || []).forEach(function (e) {
        if (found === null && e.from === from && e.to === to && (!relation || e.relation === relation)) found = e.id;
      });
      return found;
    },
    shownNodeIds: function () { return Array.from(shownNodes); },
    shownEdgeIds: function () { return Array.from(shownEdges); },
    litNodeIds: function () { return lit ? Array.from(lit).filter(function (id) { return shownNodes.has(id); }) : Array.from(shownNodes); },
    // What the label layer drew in the last frame: screen boxes [left, top, right, bottom].
    labels: function () {
      return {
        nodes: drawn.nodeLabels.map(function (l) { return { id: l.id, text: l.text, box: l.box.slice(0, 4) }; }),
        edges: drawn.edgeLabels.map(function (l) { return { id: l.id, text: l.text, box: l.box.slice(0, 4) }; })
      };
    },
    exportPng: exportPng
  };
})();
