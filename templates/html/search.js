/* Site search: substring matching over the index in search-index.js.
   Japanese has no spaces between words, so every query word is matched as a
   substring of the normalised text (NFKC, lower case). Results are built with
   DOM methods only: plan text is never parsed as HTML. */
(function () {
  "use strict";
  var MAX = 100;
  var index = window.JIGYO_SEARCH;
  var form = document.querySelector(".search-form");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!form || !input || !status || !list) { return; }
  if (!index) {
    status.textContent = "検索の索引を読み込めませんでした。トップから年度の目次をたどってください。";
    return;
  }

  function norm(s) { return s.normalize("NFKC").toLowerCase(); }
  var folded = index.docs.map(function (d) { return norm(d[3]); });

  function words(q) {
    return norm(q).split(/\s+/).filter(function (w) { return w.length > 0; });
  }

  function snippet(text, word) {
    // NFKC keeps the length of Japanese text, so positions map back closely enough.
    var at = norm(text).indexOf(word);
    if (at < 0) { at = 0; word = ""; }
    var start = Math.max(0, at - 30);
    var end = Math.min(text.length, at + word.length + 50);
    var frag = document.createDocumentFragment();
    if (start > 0) { frag.appendChild(document.createTextNode("…")); }
    frag.appendChild(document.createTextNode(text.slice(start, at)));
    var mark = document.createElement("mark");
    mark.textContent = text.slice(at, at + word.length);
    frag.appendChild(mark);
    frag.appendChild(document.createTextNode(text.slice(at + word.length, end)));
    if (end < text.length) { frag.appendChild(document.createTextNode("…")); }
    return frag;
  }

  function hit(i, first) {
    var doc = index.docs[i];
    var unit = index.units[doc[0]];
    var year = index.years[unit[0]];
    var ini = doc[1] >= 0 ? index.inis[doc[1]] : null;
    var href = year[0] + "/" + unit[1] + ".html" + (doc[2] ? "#" + doc[2] : "");
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = href;
    link.className = "hit-title";
    link.textContent = unit[2] + (ini ? " › " + ini[2] : "");
    var where = document.createElement("span");
    where.className = "hit-year";
    where.textContent = year[1];
    var text = document.createElement("p");
    text.className = "hit-text";
    text.appendChild(snippet(doc[3], first));
    li.appendChild(where);
    li.appendChild(link);
    li.appendChild(text);
    return li;
  }

  function run(q) {
    var ws = words(q);
    list.textContent = "";
    if (ws.length === 0) { status.textContent = ""; return; }
    var found = [];
    for (var i = 0; i < folded.length; i++) {
      var ok = true;
      for (var j = 0; j < ws.length && ok; j++) { ok = folded[i].indexOf(ws[j]) >= 0; }
      if (ok) { found.push(i); }
    }
    var label = "「" + q.trim() + "」";
    if (found.length === 0) {
      status.textContent = label + "は見つかりませんでした。";
      return;
    }
    status.textContent = label + "は " + found.length + " 件見つかりました" +
      (found.length > MAX ? "（最初の " + MAX + " 件を表示）。" : "。");
    found.slice(0, MAX).forEach(function (i) {
      list.appendChild(hit(i, folded[i].indexOf(ws[0]) >= 0 ? ws[0] : ""));
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 150);
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    window.history.replaceState(null, "", url.toString());
    run(input.value);
  });
  var initial = new URLSearchParams(window.location.search).get("q") || "";
  input.value = initial;
  run(initial);
})();
