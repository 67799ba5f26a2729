(function () {
  "use strict";
  // The reading view's behaviour. Data comes from a JSON block and is only ever written with
  // textContent: nothing from the story can become markup or script here.
  var data = JSON.parse(document.getElementById("ficlens-data").textContent);
  var cast = data.cast, quotes = data.q;
  var body = document.body;
  var story = document.getElementById("story");
  var tip = document.getElementById("tip");
  var statusLine = document.getElementById("sel-status");
  var buttons = Array.prototype.slice.call(document.querySelectorAll("button.who"));
  var selected = -1, tipFor = null;

  // -- lazy chunks: <template> bodies become live when scrolled near --------------------------
  var observer = null;
  function hydrate(chunk) {
    if (!chunk || !chunk.classList.contains("lazy")) return;
    var t = chunk.querySelector("template");
    if (t) { chunk.appendChild(document.importNode(t.content, true)); t.remove(); }
    chunk.classList.remove("lazy");
    chunk.style.minHeight = "";
    if (observer) observer.unobserve(chunk);
    if (selected >= 0) mark(chunk, selected, true);
  }
  function chunkAt(k) { return story.querySelector('.chunk[data-k="' + Number(k) + '"]'); }
  var lazy = story.querySelectorAll(".chunk.lazy");
  if ("IntersectionObserver" in window) {
    observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { if (e.isIntersecting) hydrate(e.target); });
    }, { rootMargin: "2500px 0px" });
    lazy.forEach(function (c) { observer.observe(c); });
  } else {
    lazy.forEach(hydrate);
  }
  var loadAll = document.getElementById("load-all");
  if (loadAll) loadAll.addEventListener("click", function () {
    story.querySelectorAll(".chunk.lazy").forEach(hydrate);
    loadAll.hidden = true;
  });

  // -- selecting a character highlights their lines and mentions -----------------------------
  function mark(root, i, on) {
    root.querySelectorAll(".s" + i + ",.m" + i).forEach(function (el) { el.classList.toggle("hl", on); });
  }
  function select(i) {
    var previous = selected;
    if (previous >= 0) mark(story, previous, false);
    body.classList.remove("sel");
    buttons.forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
    selected = -1;
    if (statusLine) statusLine.textContent = "";
    if (i < 0 || i === previous || !cast[i]) { resetSteps(); return; }
    selected = i;
    mark(story, i, true);
    body.classList.add("sel");
    buttons.forEach(function (b) { if (Number(b.getAttribute("data-c")) === i) b.setAttribute("aria-pressed", "true"); });
    if (statusLine) statusLine.textContent = "Showing " + cast[i].n + ": " + cast[i].l + " lines, " +
      cast[i].m + " mentions. Select again to clear.";
    resetSteps();
  }
  // -- stepping through the selected character's lines, across lazy chunks -------------------
  var nav = document.getElementById("sel-nav"), lineList = [], linePos = -1;
  function step(dir) {
    if (selected < 0 || !lineList.length) return;
    linePos = (linePos + dir + lineList.length) % lineList.length;
    var n = lineList[linePos];
    hydrate(chunkAt(quotes[n][8]));
    var el = story.querySelector('.q[data-q="' + n + '"][tabindex]');
    if (!el) return;
    el.scrollIntoView({ block: "center" });
    el.focus({ preventScroll: true });
    statusLine.textContent = "Line " + (linePos + 1) + " of " + lineList.length + " by " + cast[selected].n + ".";
  }
  function resetSteps() {
    lineList = [];
    linePos = -1;
    if (selected >= 0) quotes.forEach(function (row, n) { if (row[0] === selected) lineList.push(n); });
    if (nav) nav.hidden = !lineList.length;
  }
  var prev = document.getElementById("sel-prev"), next = document.getElementById("sel-next");
  if (prev) prev.addEventListener("click", function () { step(-1); });
  if (next) next.addEventListener("click", function () { step(1); });

  document.addEventListener("click", function (e) {
    var who = e.target.closest && e.target.closest("button.who, svg .node");
    if (who) { select(Number(who.getAttribute("data-c"))); return; }
    var go = e.target.closest && e.target.closest("a[data-k]");
    if (go) { e.preventDefault(); goTo(go); }
  });

  // -- findings and scenes: hydrate the chunk, scroll to the span, highlight it ---------------
  function goTo(link) {
    hydrate(chunkAt(link.getAttribute("data-k")));
    var id = (link.getAttribute("href") || "").slice(1);
    var target = id && document.getElementById(id);
    if (link.hasAttribute("data-f")) {
      document.querySelectorAll("mark.flash").forEach(function (m) { m.classList.remove("flash"); });
      story.querySelectorAll('[data-f="' + Number(link.getAttribute("data-f")) + '"]').forEach(function (m) {
        m.classList.add("flash");
      });
    }
    if (!target) target = chunkAt(link.getAttribute("data-k"));
    if (!target) return;
    target.scrollIntoView({ block: "center" });
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
  }

  // -- the quote tooltip: speaker, addressees, confidence, evidence ---------------------------
  function line(label, value, cls) {
    var row = document.createElement("div");
    var b = document.createElement("b");
    b.textContent = label;
    row.appendChild(b);
    row.appendChild(document.createTextNode(" " + value));
    if (cls) row.className = cls;
    tip.appendChild(row);
  }
  function nameOf(i) { return i >= 0 && cast[i] ? cast[i].n : "unknown"; }
  function showTip(el) {
    var row = quotes[Number(el.getAttribute("data-q"))];
    if (!row) return;
    tip.textContent = "";
    line("Speaker", nameOf(row[0]));
    line("To", row[1].length ? row[1].map(nameOf).join(", ") : "no one identified");
    var low = row[0] < 0 || row[2] < 0.5;
    line("Confidence", row[2].toFixed(2) + (low ? " (low: speaker uncertain)" : ""), low ? "warn" : "");
    if (row[3] || row[4]) line("Kind", [row[3], row[4]].filter(Boolean).join(", "));
    if (row[5]) line("Evidence", "\u201c" + row[5] + "\u201d" + (row[6] ? " (verb: " + row[6] + ")" : ""));
    else if (row[6]) line("Evidence", "verb: " + row[6]);
    if (row[7]) line("Rule", row[7]);
    tip.hidden = false;
    var r = el.getClientRects()[0] || el.getBoundingClientRect();
    var width = tip.offsetWidth, viewport = document.documentElement.clientWidth;
    var left = Math.max(4, Math.min(r.left, viewport - width - 4));
    tip.style.left = (window.scrollX + left) + "px";
    tip.style.top = (window.scrollY + r.bottom + 6) + "px";
    var first = story.querySelector('.q[data-q="' + Number(el.getAttribute("data-q")) + '"][tabindex]');
    (first || el).setAttribute("aria-describedby", "tip");
    tipFor = el;
  }
  function hideTip() {
    tip.hidden = true;
    if (tipFor) tipFor.removeAttribute("aria-describedby");
    tipFor = null;
  }
  story.addEventListener("mouseover", function (e) {
    var q = e.target.closest(".q");
    if (q && q !== tipFor) showTip(q);
  });
  story.addEventListener("mouseout", function (e) {
    var q = e.target.closest(".q");
    if (q && !(e.relatedTarget && q.contains(e.relatedTarget)) && document.activeElement !== q) hideTip();
  });
  story.addEventListener("focusin", function (e) {
    var q = e.target.closest(".q");
    if (q) showTip(q);
  });
  story.addEventListener("focusout", function (e) {
    if (e.target.closest(".q")) hideTip();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { if (!tip.hidden) hideTip(); else if (selected >= 0) select(-1); }
    var node = (e.key === "Enter" || e.key === " ") && e.target.closest && e.target.closest("svg .node");
    if (node) { e.preventDefault(); select(Number(node.getAttribute("data-c"))); }
  });

  // -- phone width: analysis panels start folded so the story is one tap away ----------------
  if (window.matchMedia && window.matchMedia("(max-width: 700px)").matches) {
    document.querySelectorAll("aside > details[data-fold]").forEach(function (d) { d.open = false; });
  }
  body.setAttribute("data-ready", "1");
})();
