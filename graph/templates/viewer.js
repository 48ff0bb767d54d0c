/* newsgraph viewer.
 *
 * Every piece of graph text is untrusted: it is read with JSON.parse from an inert
 * <script type="application/json"> block and put on the page only through textContent,
 * text nodes and plain-text vis titles -- never innerHTML. Links are made only for
 * http(s) URLs.
 *
 * Positions come from Python (physics is off by default). For large graphs only the
 * LOD limit's most mentioned nodes that pass the filters are drawn at first; search,
 * click and double-click reveal more, and filters that leave few enough nodes show all.
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
  var SYMMETRIC = { partners_with: true, competes_with: true };
  var DIM_NODE = { background: "#e8e8e8", border: "#d0d0d0" };
  var DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

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
  // Most mentioned first: the order in which the level of detail admits nodes.
  var byMentions = nodes.slice().sort(function (a, b) {
    return (b.mentions - a.mentions) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  var searchIndex = [];
  nodes.forEach(function (n) {
    searchIndex.push({ text: n.name.toLowerCase(), label: n.name, node: n, alias: false });
    (n.aliases || []).forEach(function (a) {
      searchIndex.push({ text: String(a).toLowerCase(), label: String(a), node: n, alias: true });
    });
  });

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
    revealed: new Set(),
    selected: null,
    physics: false
  };

  function dateInRange(date) {
    if (!state.dateFrom && !state.dateTo) return true;
    if (typeof date !== "string" || !DATE_RE.test(date)) return false;
    // Partial dates compare on their common prefix: "2024" is within 2024-03..2024-05.
    if (state.dateFrom && date < state.dateFrom.slice(0, date.length)) return false;
    if (state.dateTo && date.slice(0, state.dateTo.length) > state.dateTo) return false;
    return true;
  }
  function nodePasses(n) {
    if (!state.types.has(n.type)) return false;
    if ((n.mentions || 0) < state.minMentions) return false;
    if (n.type === "deal" && !dateInRange(n.date)) return false;
    return true;
  }

  // ---- vis data -----------------------------------------------------------
  function nodeSize(n) { return Math.min(40, 6 + 4 * Math.log2(1 + (n.mentions || 0))); }
  function visNode(n) {
    var style = styleOf(n.type);
    return {
      id: n.id, label: n.name, x: n.x, y: n.y, shape: style.shape, size: nodeSize(n),
      color: { background: style.color, border: "#333333" },
      font: { color: "#222222" },
      title: n.name + "\n" + n.type + ", " + (n.mentions || 0) + " mentions"
    };
  }
  function visEdge(e) {
    var label = e.relation + (e.role ? " (" + e.role + ")" : "");
    return {
      id: e.id, from: e.from, to: e.to, label: label,
      arrows: SYMMETRIC[e.relation] ? "to, from" : "to",
      title: label + "\nconfidence " + e.confidence + ", " + (e.evidence || []).length + " evidence sentence(s)"
    };
  }

  var nodeSet = new vis.DataSet();
  var edgeSet = new vis.DataSet();
  var shownNodes = new Set(), shownEdges = new Set();
  var matchingNodeCount = 0, matchingEdgeCount = 0;

  // Work out what to draw and apply only the difference, in bulk.
  function refresh() {
    var matching = byMentions.filter(nodePasses);
    matchingNodeCount = matching.length;
    var want = new Set();
    if (matching.length <= META.lod) {
      matching.forEach(function (n) { want.add(n.id); });
    } else {
      for (var i = 0; i < META.lod; i++) want.add(matching[i].id);
      state.revealed.forEach(function (id) { if (nodePasses(nodeById.get(id))) want.add(id); });
    }
    if (state.selected) {  // what is selected stays visible whatever the filters say
      if (state.selected.kind === "node") want.add(state.selected.id);
      else { var se = edgeById.get(state.selected.id); want.add(se.from); want.add(se.to); }
    }
    var wantEdges = new Set();
    matchingEdgeCount = 0;
    edges.forEach(function (e) {
      if (!state.relations.has(e.relation)) return;
      var fromNode = nodeById.get(e.from), toNode = nodeById.get(e.to);
      if (nodePasses(fromNode) && nodePasses(toNode)) matchingEdgeCount++;
      if (want.has(e.from) && want.has(e.to)) wantEdges.add(e.id);
    });
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
    updateCounts();
  }

  function updateCounts() {
    $("counts").textContent = "Showing " + shownNodes.size + " of " + matchingNodeCount +
      " matching nodes (" + nodes.length + " in all), " + shownEdges.size + " of " +
      matchingEdgeCount + " matching edges (" + edges.length + " in all)";
    var note = $("lod-note");
    if (matchingNodeCount > META.lod) {
      note.hidden = false;
      note.textContent = "Large graph: the " + META.lod + " most mentioned matching nodes are drawn; " +
        "search, click or double-click a node to reveal more, or narrow the filters.";
    } else {
      note.hidden = true;
    }
    document.querySelectorAll("[data-type-count]").forEach(function (span) {
      var type = span.getAttribute("data-type-count");
      var count = 0;
      shownNodes.forEach(function (id) { if (nodeById.get(id).type === type) count++; });
      span.textContent = String(count);
    });
  }

  // ---- network -------------------------------------------------------------
  var large = nodes.length > META.lod;
  var container = $("network");
  var network = new vis.Network(container, { nodes: nodeSet, edges: edgeSet }, {
    autoResize: true,
    physics: { enabled: false, solver: "barnesHut", stabilization: false },
    layout: { improvedLayout: false, randomSeed: 0 },
    nodes: { borderWidth: 1, font: { size: 12, face: "system-ui, sans-serif" },
             scaling: { label: { drawThreshold: 6 } } },
    edges: {
      smooth: false, width: 1, selectionWidth: 2,
      color: { color: "#a8a8a8", highlight: "#222222", inherit: false },
      arrows: { to: { enabled: true, scaleFactor: 0.5 }, from: { scaleFactor: 0.5 } },
      font: { size: 9, color: "#555555", strokeWidth: 2, align: "middle" }
    },
    interaction: { hover: false, tooltipDelay: 250, hideEdgesOnDrag: large, hideEdgesOnZoom: large,
                   keyboard: false, multiselect: false, navigationButtons: false }
  });

  // ---- highlight the neighbourhood -------------------------------------------
  var dimmed = new Set();
  function undim() {
    if (!dimmed.size) return;
    var updates = [];
    dimmed.forEach(function (id) {
      if (!shownNodes.has(id)) return;
      var n = nodeById.get(id);
      updates.push({ id: id, color: { background: styleOf(n.type).color, border: "#333333" }, font: { color: "#222222" } });
    });
    nodeSet.update(updates);
    dimmed = new Set();
  }
  function dimAllBut(keep) {
    undim();
    var updates = [];
    shownNodes.forEach(function (id) {
      if (keep.has(id)) return;
      dimmed.add(id);
      updates.push({ id: id, color: DIM_NODE, font: { color: "#bbbbbb" } });
    });
    nodeSet.update(updates);
  }

  // ---- side panel -------------------------------------------------------------
  var panel = $("panel");
  function definitionList(rows) {
    var dl = el("dl");
    rows.forEach(function (row) {
      if (row[1] === null || row[1] === undefined || row[1] === "") return;
      dl.appendChild(el("dt", null, [row[0]]));
      dl.appendChild(el("dd", null, [typeof row[1] === "string" ? row[1] : row[1]]));
    });
    return dl;
  }
  function articleItem(articleId) {
    var info = (DATA.articles || {})[articleId] || {};
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
    var button = el("button", "linklike", [nodeById.get(id).name]);
    button.type = "button";
    button.addEventListener("click", function () { focusNode(id); });
    return button;
  }
  function edgeButton(e, text) {
    var button = el("button", "linklike", [text]);
    button.type = "button";
    button.addEventListener("click", function () { selectEdge(e.id); });
    return button;
  }

  function showNodePanel(n) {
    clear(panel);
    panel.appendChild(el("h2", null, [n.name]));
    var rows = [["type", n.type], ["id", n.id], ["mentions", String(n.mentions || 0)]];
    if (n.aliases && n.aliases.length) rows.push(["aliases", n.aliases.map(String).join(", ")]);
    if (n.parameters) rows.push(["parameters", formatCount(n.parameters)]);
    if (n.type === "deal") {
      rows.push(["kind", n.kind || "unknown"]);
      rows.push(["amount", formatUsd(n.amount_usd)]);
      rows.push(["date", n.date || "unknown"]);
    }
    panel.appendChild(definitionList(rows));
    var mine = incident.get(n.id);
    if (n.type === "deal") {
      panel.appendChild(el("h3", null, ["Parties"]));
      var parties = el("ul", "parties");
      mine.forEach(function (e) {
        if (e.relation !== "party" || e.from !== n.id) return;
        parties.appendChild(el("li", null, [nodeButton(e.to), " \u2014 " + (e.role || "party")]));
      });
      if (!parties.firstChild) parties.appendChild(el("li", null, ["none recorded"]));
      panel.appendChild(parties);
    }
    var articles = n.articles || [];
    panel.appendChild(el("h3", null, ["Articles (" + articles.length + ")"]));
    var list = el("ul", "articles");
    articles.slice(0, 100).forEach(function (a) { list.appendChild(el("li", null, [articleItem(a)])); });
    if (articles.length > 100) list.appendChild(el("li", null, ["\u2026 and " + (articles.length - 100) + " more"]));
    panel.appendChild(list);
    panel.appendChild(el("h3", null, ["Relations (" + mine.length + ")"]));
    var relations = el("ul", "relations");
    mine.slice(0, 200).forEach(function (e) {
      var other = e.from === n.id ? e.to : e.from;
      var text = e.from === n.id ? "\u2192 " + e.relation + " \u2192 " : "\u2190 " + e.relation + " \u2190 ";
      relations.appendChild(el("li", null, [edgeButton(e, text), nodeButton(other)]));
    });
    if (mine.length > 200) relations.appendChild(el("li", null, ["\u2026 and " + (mine.length - 200) + " more"]));
    panel.appendChild(relations);
  }

  // Split a sentence into text nodes and <mark> elements around the given terms.
  function highlighted(sentence, terms) {
    var container = el("p", "sentence");
    var lower = sentence.toLowerCase();
    var plainStart = 0, i = 0;
    while (i < sentence.length) {
      var hit = 0;
      for (var t = 0; t < terms.length; t++) {
        if (lower.startsWith(terms[t], i)) { hit = terms[t].length; break; }  // terms: longest first
      }
      if (!hit) { i++; continue; }
      if (i > plainStart) container.appendChild(document.createTextNode(sentence.slice(plainStart, i)));
      container.appendChild(el("mark", null, [sentence.slice(i, i + hit)]));
      i += hit;
      plainStart = i;
    }
    if (plainStart < sentence.length) container.appendChild(document.createTextNode(sentence.slice(plainStart)));
    return container;
  }
  function surfaceForms(id) {
    var n = nodeById.get(id);
    return [n.name].concat(n.aliases || []).map(String);
  }

  function showEdgePanel(e) {
    clear(panel);
    var source = nodeById.get(e.from), target = nodeById.get(e.to);
    panel.appendChild(el("h2", null, [source.name + " \u2192 " + e.relation + " \u2192 " + target.name]));
    panel.appendChild(definitionList([
      ["from", nodeButton(e.from)], ["relation", e.relation], ["to", nodeButton(e.to)],
      ["role", e.role || null], ["confidence", String(e.confidence)]
    ]));
    var seen = new Set(), terms = [];
    surfaceForms(e.from).concat(surfaceForms(e.to)).forEach(function (form) {
      var term = form.toLowerCase();
      if (term.trim() && !seen.has(term)) { seen.add(term); terms.push(term); }
    });
    terms.sort(function (a, b) { return b.length - a.length; });
    var evidence = e.evidence || [];
    panel.appendChild(el("h3", null, ["Evidence (" + evidence.length + ")"]));
    var list = el("ul", "evidence-list");
    evidence.forEach(function (ev) {
      var item = el("li", "evidence");
      item.appendChild(highlighted(String(ev.sentence || ""), terms));
      var where = el("div", "source", ["from "]);
      where.appendChild(articleItem(ev.article));
      item.appendChild(where);
      list.appendChild(item);
    });
    panel.appendChild(list);
  }

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
    return id;
  }
  function clearSelection() {
    state.selected = null;
    undim();
    network.unselectAll();
    clear(panel);
    panel.appendChild(el("p", "hint", ["Click a node or an edge to see its details and evidence."]));
    refresh();
  }
  function focusNode(id) {
    selectNode(id);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    return id;
  }

  network.on("click", function (params) {
    if (params.nodes.length) selectNode(params.nodes[0]);
    else if (params.edges.length) selectEdge(params.edges[0]);
    else clearSelection();
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length) focusNode(params.nodes[0]);
  });

  // ---- search -----------------------------------------------------------------
  var searchInput = $("search"), suggestions = $("suggestions");
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
  }
  function choose(entry) {
    suggestions.hidden = true;
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
      event.preventDefault();
    } else if (event.key === "Escape") {
      suggestions.hidden = true;
    }
  });
  searchInput.addEventListener("blur", function () { suggestions.hidden = true; });

  // ---- filters ------------------------------------------------------------------
  function checkboxRow(value, checked, onChange, decorations) {
    var box = el("input");
    box.type = "checkbox";
    box.checked = checked;
    box.value = value;
    box.addEventListener("change", function () { onChange(box.checked); });
    var label = el("label", null, [box].concat(decorations));
    return el("li", null, [label]);
  }
  META.types.forEach(function (type) {
    var style = styleOf(type);
    var swatch = el("span", "swatch " + style.shape);
    swatch.style.background = style.color;
    var count = el("span", "count");
    count.setAttribute("data-type-count", type);
    var row = checkboxRow(type, true, function (on) {
      if (on) state.types.add(type); else state.types.delete(type);
      refresh();
    }, [swatch, type, count]);
    row.setAttribute("data-type", type);
    $("type-filters").appendChild(row);
  });
  META.relations.forEach(function (relation) {
    var row = checkboxRow(relation, true, function (on) {
      if (on) state.relations.add(relation); else state.relations.delete(relation);
      refresh();
    }, [relation]);
    row.setAttribute("data-relation", relation);
    $("relation-filters").appendChild(row);
  });
  $("min-mentions").addEventListener("input", function () {
    var value = parseInt(this.value, 10);
    state.minMentions = isFinite(value) && value > 0 ? value : 0;
    refresh();
  });
  function dateListener(key) {
    return function () {
      var value = this.value.trim();
      state[key] = DATE_RE.test(value) ? value : null;
      refresh();
    };
  }
  $("date-from").addEventListener("input", dateListener("dateFrom"));
  $("date-to").addEventListener("input", dateListener("dateTo"));

  // ---- buttons --------------------------------------------------------------------
  $("fit").addEventListener("click", function () { network.fit({ animation: false }); });
  $("physics").addEventListener("click", function () {
    state.physics = !state.physics;
    network.setOptions({ physics: { enabled: state.physics } });
    this.textContent = "Physics: " + (state.physics ? "on" : "off");
    this.setAttribute("aria-pressed", String(state.physics));
  });
  function exportPng() {
    var canvas = container.querySelector("canvas");
    var link = $("png-link");
    link.href = canvas.toDataURL("image/png");
    link.hidden = false;
    link.click();
    return link.href;
  }
  $("export-png").addEventListener("click", exportPng);

  // ---- start --------------------------------------------------------------------
  var timings = { start: performance.now(), firstDraw: null };
  network.once("afterDrawing", function () { timings.firstDraw = performance.now(); });
  refresh();
  if (META.focus && nodeById.has(META.focus)) focusNode(META.focus);
  else network.fit({ animation: false });

  // A small hook for tests and benchmarks; it runs the same handlers as the UI.
  window.newsgraph = {
    network: network,
    timings: timings,
    select: selectNode,
    selectEdge: selectEdge,
    focus: focusNode,
    clearSelection: clearSelection,
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
    exportPng: exportPng
  };
})();
