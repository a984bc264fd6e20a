/* Draws #graph from the JSON in #graph-data with the vis-network shipped in /static.
   Tooltips are plain text: each becomes a text node, never HTML. A click on a node opens its page. */
(function () {
  "use strict";
  function textTooltip(text) {
    var div = document.createElement("div");
    div.className = "kb-tooltip";
    div.textContent = text || "";
    return div;
  }
  function draw() {
    var holder = document.getElementById("graph");
    var source = document.getElementById("graph-data");
    if (!holder || !source || typeof vis === "undefined") { return; }
    var data = JSON.parse(source.textContent);
    var nodes = new vis.DataSet(data.nodes.map(function (n) {
      var copy = Object.assign({}, n);
      copy.title = textTooltip(n.title);
      copy.color = { background: n.color, border: "#333333", highlight: { background: n.color, border: "#000000" } };
      copy.font = n.font || (n.shape === "box" ? { color: "#ffffff" } : undefined);
      return copy;
    }));
    var edges = new vis.DataSet(data.edges.map(function (e, i) {
      return { id: "e" + i, from: e.from, to: e.to, label: e.label, title: textTooltip(e.title), arrows: "to" };
    }));
    var network = new vis.Network(holder, { nodes: nodes, edges: edges }, data.options || {});
    holder.setAttribute("data-node-count", String(nodes.length));
    holder.setAttribute("data-edge-count", String(edges.length));
    network.on("click", function (params) {
      if (params.nodes && params.nodes.length) {
        var node = nodes.get(params.nodes[0]);
        if (node && node.url) { window.location.href = node.url; }
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
