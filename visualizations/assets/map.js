/* policykg maps: filters, search, the details panel and neighbourhood highlighting on top of vis-network.
 *
 * Every string in the data is untrusted (titles come from scraped web pages): it reaches the page
 * only through textContent / text nodes, never innerHTML, and tooltips are DOM elements built the
 * same way (vis-network renders a string `title` as HTML in older versions).
 *
 * window.policyMap exposes the state for the browser tests and for anyone debugging a page.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("policykg-data").textContent);
  var info = data.info;
  var body = document.body;
  var panel = document.getElementById("panel");
  var statusLine = document.getElementById("status");
  var searchBox = document.getElementById("search");
  var searchCount = document.getElementById("search-count");

  var FADED_OPACITY = 0.15;
  var MAX_INITIAL_SCALE = 1.3;
  var HREF = /^[A-Za-z0-9_.\/-]+\.html(#[A-Za-z0-9_%.:\/-]*)?$/;  // only our own relative page links

  var api = (window.policyMap = {
    ready: false,
    scriptStartMs: Math.round(performance.now()),  // after the browser parsed vis-network
    networkBuiltMs: null,  // the vis.Network constructed (data parsed, nodes measured)
    interactiveMs: null,  // laid out, physics off: every time is since navigation start
    nodeCount: data.nodes.length,
    edgeCount: data.edges.length,
    lastSearch: null,
    layoutIterations: 0,
    layoutCut: false,  // true when the time budget, not the iteration cap, ended the layout
  });

  /* ---------- DOM helpers: text only ---------- */

  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      if (key === "className") node.className = props[key];
      else if (key === "href") {
        if (HREF.test(props[key])) node.setAttribute("href", props[key]);
      } else node.setAttribute(key, props[key]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function tooltip(lines) {
    return el("div", { className: "tip" }, lines.filter(Boolean).map(function (line) {
      return el("div", null, [line]);
    }));
  }

  function field(details, label) {
    var row = (details.fields || []).find(function (f) { return f[0] === label; });
    return row ? row[1] : "";
  }

  /* ---------- the network ---------- */

  var baseEdgeColour = {};
  var baseFontColour = {};
  data.nodes.forEach(function (n) {
    var d = info[n.id] || {};
    var level = field(d, "层级");
    n.title = tooltip([d.title || n.label, d.type + (level ? " · " + level : "")]);
    baseFontColour[n.id] = n.font.color;
  });
  data.edges.forEach(function (e) {
    var what = e.rel ? data.relations[e.rel] : "";
    if (what) e.title = tooltip([what, (e.surfaces || []).join("、")]);
    baseEdgeColour[e.id] = e.color;
  });

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  api.networkBuiltMs = Math.round(performance.now());
  api.network = network;
  api.nodes = nodes;
  api.edges = edges;

  function markInteractive() {
    if (api.ready) return;
    // Physics is what keeps a big graph busy: once laid out, nodes stay where they are.
    network.setOptions({ physics: false });
    api.ready = true;
    api.interactiveMs = Math.round(performance.now());
    body.setAttribute("data-ready", "true");
    updateStatus();
    // A tiny map fitted to the window would be drawn huge; keep it at a reading size.
    if (network.getScale() > MAX_INITIAL_SCALE) network.moveTo({ scale: MAX_INITIAL_SCALE });
    focusInitialNode();
  }

  var layoutStarted = null;
  network.on("stabilizationProgress", function (p) {
    if (layoutStarted === null) layoutStarted = performance.now();
    api.layoutIterations = p.iterations;
    statusLine.textContent = "正在布局… " + Math.round((100 * p.iterations) / p.total) + "%";
    // A time budget on top of the iteration cap: a slow PC gets a rougher layout, not a long wait.
    if (performance.now() - layoutStarted > data.layoutBudgetMs && p.iterations < p.total) {
      api.layoutCut = true;
      network.stopSimulation();
    }
  });
  network.once("stabilizationIterationsDone", markInteractive);

  /* ---------- filters (the legend's checkboxes) ---------- */

  var hidden = { level: new Set(), type: new Set(), relation: new Set(), doc: new Set() };
  var policyKinds = new Set(data.levelKinds);
  var visible = new Set();

  function nodePasses(n) {
    if (hidden.type.has(n.kind)) return false;
    if (policyKinds.has(n.kind) && hidden.level.has(n.level)) return false;
    if (n.docs.length && n.docs.every(function (d) { return hidden.doc.has(d); })) return false;
    return true;
  }

  function edgePasses(e) {
    return visible.has(e.from) && visible.has(e.to) && !(e.rel && hidden.relation.has(e.rel));
  }

  function applyFilters() {
    // `hidden` keeps hidden nodes where they were, so they come back in place (physics is off by then).
    visible = new Set();
    var nodeUpdates = [];
    nodes.forEach(function (n) {
      var show = nodePasses(n);
      if (show) visible.add(n.id);
      if (Boolean(n.hidden) === show) nodeUpdates.push({ id: n.id, hidden: !show });
    });
    var edgeUpdates = [];
    edges.forEach(function (e) {
      var show = edgePasses(e);
      if (Boolean(e.hidden) === show) edgeUpdates.push({ id: e.id, hidden: !show });
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    updateStatus();
  }

  document.querySelectorAll("input[data-filter]").forEach(function (box) {
    box.addEventListener("change", function () {
      var group = hidden[box.getAttribute("data-filter")];
      if (box.checked) group.delete(box.value);
      else group.add(box.value);
      applyFilters();
    });
  });

  api.visibleNodeIds = function () { return Array.from(visible); };
  api.drawnNodeCount = function () {
    // What vis-network itself holds and will draw: its node objects that are not hidden.
    var drawn = network.body.nodes;
    return Object.keys(drawn).filter(function (id) {
      return !drawn[id].isCluster && drawn[id].options.hidden !== true;
    }).length;
  };

  function updateStatus() {
    var shown = visible.size;
    var text = "显示 " + shown + " / " + data.nodes.length + " 个节点";
    if (api.ready) text += " · 已就绪（" + (api.interactiveMs / 1000).toFixed(1) + " 秒）";
    statusLine.textContent = text;
  }

  /* ---------- highlighting a neighbourhood or search hits ---------- */

  // Fading every other node is the clearest highlight, but it rewrites every node and edge in the
  // DataSets (about a second on 5,000 nodes); big maps highlight by selecting the neighbourhood.
  var fading = data.nodes.length <= data.fadeLimit;
  var emphasized = false;

  function emphasize(keep) {
    if (!fading) {
      network.selectNodes(keep ? Array.from(keep) : []);
      return;
    }
    if (!keep && !emphasized) return;
    emphasized = Boolean(keep);
    var nodeUpdates = [];
    nodes.forEach(function (n) {
      var on = !keep || keep.has(n.id);
      nodeUpdates.push({
        id: n.id,
        opacity: on ? 1 : FADED_OPACITY,
        font: Object.assign({}, n.font, { color: on ? baseFontColour[n.id] : "rgba(0,0,0,0.15)" }),
      });
    });
    nodes.update(nodeUpdates);
    var edgeUpdates = [];
    edges.forEach(function (e) {
      var on = !keep || (keep.has(e.from) && keep.has(e.to));
      edgeUpdates.push({ id: e.id, color: Object.assign({}, baseEdgeColour[e.id], { opacity: on ? 1 : FADED_OPACITY }) });
    });
    edges.update(edgeUpdates);
  }

  function neighbourhood(id) {
    return new Set([id].concat(network.getConnectedNodes(id)));
  }

  /* ---------- the details panel ---------- */

  var pinned = null;

  function nodeButton(id, text) {
    if (!nodes.get(id)) return el("span", null, [text]);
    var button = el("button", { className: "node-ref", type: "button" }, [text]);
    button.addEventListener("click", function () { selectNode(id, true); });
    return button;
  }

  function markedSentence(sentence, surface) {
    var at = surface ? sentence.indexOf(surface) : -1;
    if (at < 0) return el("p", { className: "sentence" }, [sentence]);
    return el("p", { className: "sentence" }, [
      sentence.slice(0, at),
      el("mark", null, [surface]),
      sentence.slice(at + surface.length),
    ]);
  }

  function linkRow(links) {
    return el("div", { className: "links" }, (links || []).map(function (link) {
      return el("a", { href: link[1] }, [link[0]]);
    }));
  }

  function showDetails(id) {
    var d = info[id];
    var n = nodes.get(id);
    if (!d || !n) return;
    var badge = el("span", { className: "kind" }, [d.type]);
    badge.style.background = n.color.background;
    badge.style.color = n.font.color === "#ffffff" || n.shape !== "box" ? "#ffffff" : "#111111";
    var parts = [badge, el("h2", { id: "panel-title" }, [d.title])];
    parts.push(el("dl", null, [].concat.apply([], (d.fields || []).map(function (f) {
      return [el("dt", null, [f[0]]), el("dd", null, [f[1]])];
    }))));
    if (d.links && d.links.length) parts.push(linkRow(d.links));
    if (d.evidence) {
      parts.push(el("h3", null, ["引用它的工作事项（" + d.evidence.length + "）"]));
      d.evidence.forEach(function (ev) {
        parts.push(el("div", { className: "evidence" }, [
          el("div", { className: "where" }, [ev.relation + " · " + ev.doc + " · ", nodeButton(ev.node, ev.item)]),
          markedSentence(ev.sentence, ev.surface),
          linkRow(ev.links),
        ]));
      });
    }
    if (d.cites && d.cites.length) {
      parts.push(el("h3", null, ["引用的政策（" + d.cites.length + "）"]));
      parts.push(el("ul", { className: "results" }, d.cites.map(function (c) {
        return el("li", null, [c.relation + "：", nodeButton(c.node, c.title), "（" + c.level + "）"]);
      })));
    }
    if (d.text) {
      parts.push(el("h3", null, ["事项全文"]));
      parts.push(el("div", { className: "item-text" }, [d.text]));
    }
    panel.replaceChildren.apply(panel, parts);
  }

  function selectNode(id, move) {
    if (!nodes.get(id)) return;
    pinned = id;
    emphasize(neighbourhood(id));
    if (fading) network.selectNodes([id]);
    showDetails(id);
    if (move) network.focus(id, { scale: Math.min(Math.max(network.getScale(), 0.9), 1.5), animation: { duration: 300 } });
  }

  function clearSelection() {
    pinned = null;
    emphasize(null);
    network.unselectAll();
  }

  network.on("click", function (params) {
    if (params.nodes.length) selectNode(params.nodes[0], false);
    else if (!params.edges.length) clearSelection();
  });
  network.on("hoverNode", function (params) { showDetails(params.node); });
  network.on("blurNode", function () { if (pinned) showDetails(pinned); });

  api.select = function (id) { selectNode(id, true); };

  /* ---------- search ---------- */

  var KIND_ORDER = { Policy: 0, Meeting: 0, Document: 1, WorkItem: 2, Section: 3, Organization: 4, Jurisdiction: 5 };

  function normalize(text) {
    return text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  }

  function search(query) {
    var needle = normalize(query || "");
    if (!needle) {
      searchCount.textContent = "";
      api.lastSearch = null;
      clearSelection();
      return [];
    }
    var hits = data.nodes.filter(function (n) {
      return (info[n.id].search || "").indexOf(needle) >= 0;
    }).sort(function (a, b) {
      return (KIND_ORDER[a.kind] || 9) - (KIND_ORDER[b.kind] || 9);
    }).map(function (n) { return n.id; });
    var shown = hits.filter(function (id) { return visible.has(id); });
    api.lastSearch = { query: query, hits: hits, shown: shown };
    searchCount.textContent = hits.length ? "找到 " + hits.length + " 个" : "没有匹配";
    if (shown.length === 1) {
      selectNode(shown[0], true);  // one hit: show it with its neighbourhood, as a click would
      return shown;
    }
    pinned = null;
    emphasize(shown.length ? new Set(shown) : null);
    network.selectNodes(shown);
    if (shown.length) network.fit({ nodes: shown, animation: { duration: 300 } });
    showResults(hits, shown);
    return shown;
  }

  function showResults(hits, shown) {
    var parts = [el("h2", null, ["搜索结果（" + hits.length + "）"])];
    parts.push(el("ul", { className: "results" }, shown.slice(0, 200).map(function (id) {
      return el("li", null, [nodeButton(id, info[id].title), " · " + info[id].type]);
    })));
    if (hits.length > shown.length) {
      parts.push(el("p", { className: "hidden-note" }, ["另有 " + (hits.length - shown.length) + " 个匹配被筛选隐藏。"]));
    }
    panel.replaceChildren.apply(panel, parts);
  }

  var typing = null;
  searchBox.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () { search(searchBox.value); }, 250);
  });
  searchBox.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      clearTimeout(typing);
      search(searchBox.value);
    }
  });
  api.search = search;

  /* ---------- the node a page is about, or one named in the address (#node=<id>) ---------- */

  function focusInitialNode() {
    var wanted = data.focus;
    var match = /^#node=(.+)$/.exec(window.location.hash);
    if (match) {
      try { wanted = decodeURIComponent(match[1]); } catch (e) { wanted = data.focus; }
    }
    if (wanted && nodes.get(wanted)) {
      pinned = wanted;
      network.selectNodes([wanted]);
      showDetails(wanted);
    }
  }

  applyFilters();
  if (data.nodes.length === 0) markInteractive();  // nothing to lay out: no stabilization event comes
})();
