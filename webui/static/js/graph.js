/* Draws #graph from the JSON in #graph-data with the vis-network shipped in /static.
   Tooltips are plain text: each becomes a text node, never HTML. A click on a node opens its page; a click on a "+N more" node adds the next nodes of its kind. */
(function () {
  "use strict";
  function textTooltip(text) {
    var div = document.createElement("div");
    div.className = "kb-tooltip";
    div.textContent = text || "";
    return div;
  }
  function visNode(n) {
    var copy = Object.assign({}, n);
    copy.title = textTooltip(n.title);
    copy.color = { background: n.color, border: "#333333", highlight: { background: n.color, border: "#000000" } };
    copy.font = n.font || (n.shape === "box" ? { color: "#ffffff" } : undefined);
    return copy;
  }
  function shownCount(nodes) {
    return nodes.get({ filter: function (n) { return n.kind !== "more"; } }).length;
  }
  /* A "+N more" node: fetch the next nodes of its kind (the same page as JSON, filtered and skipped),
     add those not drawn yet, and show what is left, or remove the node when nothing is. */
  function expand(network, node, nodes, edges, visEdge, holder) {
    holder.setAttribute("data-expanding", "1");
    fetch(node.expand, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); })
      .then(function (answer) {
        var g = answer.graph;
        var added = g.nodes.filter(function (n) { return n.kind !== "more" && !nodes.get(n.id); });
        var at = network.getPosition(node.id);  /* the new nodes start where the "+N" node is */
        nodes.add(added.map(function (n, i) {
          var copy = visNode(n);
          copy.x = at.x + 40 * Math.cos(i); copy.y = at.y + 40 * Math.sin(i);
          return copy;
        }));
        var known = {};
        edges.forEach(function (e) { known[e.from + ">" + e.to] = true; });
        edges.add(g.edges.filter(function (e) {
          return nodes.get(e.from) && nodes.get(e.to) && !known[e.from + ">" + e.to] &&
                 String(e.from).indexOf("more:") !== 0 && String(e.to).indexOf("more:") !== 0;
        }).map(visEdge));
        var next = g.nodes.filter(function (n) { return n.id === node.id; })[0];
        if (next) {
          nodes.update({ id: node.id, label: next.label, title: textTooltip(next.title), expand: next.expand });
        } else {
          nodes.remove(node.id);
        }
        holder.setAttribute("data-node-count", String(shownCount(nodes)));
        network.setOptions({ physics: { enabled: true } });  /* let the new nodes find their places */
        network.once("stabilizationIterationsDone", function () { network.setOptions({ physics: false }); });
        network.stabilize(120);
        holder.setAttribute("data-expanding", "0");
      })
      .catch(function () { window.location.href = node.url; });
  }
  function draw() {
    var holder = document.getElementById("graph");
    var source = document.getElementById("graph-data");
    if (!holder || !source || typeof vis === "undefined") { return; }
    var data = JSON.parse(source.textContent);
    var nodes = new vis.DataSet(data.nodes.map(visNode));
    var edgeCount = 0;
    var visEdge = function (e) {
      edgeCount += 1;
      return { id: "e" + edgeCount, from: e.from, to: e.to, label: e.label, title: textTooltip(e.title),
               arrows: "to", dashes: !!e.dashes };
    };
    var edges = new vis.DataSet(data.edges.map(visEdge));
    var network = new vis.Network(holder, { nodes: nodes, edges: edges }, data.options || {});
    holder.setAttribute("data-node-count", String(shownCount(nodes)));
    holder.setAttribute("data-edge-count", String(edges.length));
    network.on("click", function (params) {
      if (params.nodes && params.nodes.length) {
        var node = nodes.get(params.nodes[0]);
        if (node && node.expand) { expand(network, node, nodes, edges, visEdge, holder); }
        else if (node && node.url) { window.location.href = node.url; }
      }
    });
    network.on("hoverNode", function () { holder.style.cursor = "pointer"; });
    network.on("blurNode", function () { holder.style.cursor = "default"; });
    var done = function () {
      network.fit();
      holder.setAttribute("data-drawn", "1");
    };
    if (data.options && data.options.physics && data.options.physics.enabled === false) {
      network.once("afterDrawing", done);
    } else {
      network.once("stabilizationIterationsDone", function () {
        network.setOptions({ physics: false });
        done();
      });
    }
    window.kbNetwork = network;  /* for the browser tests: positions of nodes */
    window.kbNodes = nodes;
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
