/* Recompute "còn N ngày" / "quá hạn N ngày" against the reader's today: a page built on Monday is read on Friday. */
(function () {
  function today() {
    var now = new Date();
    return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  }
  function update() {
    var spans = document.querySelectorAll(".kh-status[data-due]");
    var t = today();
    for (var i = 0; i < spans.length; i++) {
      var el = spans[i];
      if (el.getAttribute("data-state") !== "open") continue;
      var p = el.getAttribute("data-due").split("-");
      var days = Math.round((Date.UTC(+p[0], +p[1] - 1, +p[2]) - t) / 86400000);
      el.textContent = days < 0 ? "quá hạn " + -days + " ngày" : days === 0 ? "hạn chót hôm nay" : "còn " + days + " ngày";
      el.classList.toggle("kh-overdue", days < 0);
    }
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(update);  // Material instant loading
  else document.addEventListener("DOMContentLoaded", update);
})();

/* == header search == */
/* Search in the header of every page, as Material has it (its own search is off: kehoach/site/search.py).
   This part only mounts the box and its keys; the search itself (assets/tim-kiem.js, shared with the search
   page) and Pagefind load when a reader first uses the box, so a page that is only read loads nothing more.
   A preview opened from disk (file://): the browser refuses the index there, so the box and the search page
   say how to search instead. */
(function () {
  var DISK = "Trình duyệt không cho tìm kiếm trong trang mở từ ổ đĩa (địa chỉ bắt đầu bằng file://). " +
    "Các liên kết, mục lục và trang văn bản vẫn dùng được. Để tìm kiếm, xem trang đã xuất bản, hoặc trên máy có " +
    "kho chạy «make serve» rồi mở http://127.0.0.1:8000.";
  var fromDisk = location.protocol === "file:";

  function siteRoot() {
    var config = document.getElementById("__config");
    var base = ".";
    try { base = JSON.parse(config.textContent).base || "."; } catch (e) { /* no Material config: this folder */ }
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function mount() {
    var inner = document.querySelector(".md-header__inner");
    if (!inner || document.getElementById("kh-hsearch")) return;
    var root = siteRoot();
    var box = document.createElement("form");
    box.className = "kh-hsearch";
    box.setAttribute("role", "search");
    box.method = "get";
    box.action = new URL("tim-kiem/", root).href;
    var input = document.createElement("input");
    input.id = "kh-hsearch";
    input.name = "q";
    input.type = "search";
    input.autocomplete = "off";
    input.placeholder = "Tìm kiếm";
    input.title = "Tìm kiếm (phím / hoặc s)";
    input.setAttribute("aria-label", "Tìm văn bản (phím / hoặc s)");
    input.setAttribute("aria-controls", "kh-hsearch-panel");
    var panel = document.createElement("div");
    panel.id = "kh-hsearch-panel";
    panel.className = "kh-hsearch__panel";
    panel.hidden = true;
    panel.tabIndex = -1;  // a click on the panel's text keeps the focus, so the panel stays open
    box.appendChild(input);
    box.appendChild(panel);
    inner.insertBefore(box, inner.querySelector(".md-header__source"));

    var loading = null;
    function start() {
      if (fromDisk) {
        var note = document.createElement("p");
        note.className = "kh-hsearch__status";
        note.setAttribute("role", "status");
        note.textContent = DISK;
        panel.replaceChildren(note);
        panel.hidden = false;
        return;
      }
      if (!loading) {
        loading = import(new URL("assets/tim-kiem.js", root).href).then(function (search) {
          return search.connectHeader(input, panel);
        });
      }
    }
    function close() {
      panel.hidden = true;
      }
    function links() { return Array.prototype.slice.call(panel.querySelectorAll("a[href]:not([hidden])")); }
    input.addEventListener("focus", start);
    input.addEventListener("input", start);
    input.addEventListener("focus", function () { if (input.value.trim() && panel.childNodes.length) panel.hidden = false; });
    box.addEventListener("submit", function (e) { if (fromDisk) e.preventDefault(); });
    box.addEventListener("focusout", function (e) { if (!box.contains(e.relatedTarget)) close(); });
    box.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { close(); input.focus(); return; }
      if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
      var all = links();
      if (!all.length || e.target.tagName === "SELECT") return;
      var at = all.indexOf(document.activeElement);
      var next = e.key === "ArrowDown" ? at + 1 : at - 1;
      e.preventDefault();
      if (next < 0) input.focus();
      else all[Math.min(next, all.length - 1)].focus();
    });
    document.addEventListener("click", function (e) { if (!box.contains(e.target)) close(); });
  }

  /* «/» and «s» focus the box from anywhere but a field being typed in, as Material's own search keys do. */
  document.addEventListener("keydown", function (e) {
    if ((e.key !== "/" && e.key !== "s" && e.key !== "S") || e.ctrlKey || e.metaKey || e.altKey) return;
    if (typing(e.target)) return;
    var input = document.getElementById("kh-hsearch");
    if (!input) return;
    e.preventDefault();
    input.focus();
    input.select();
  });

  function explainPage() {
    var input = document.getElementById("kh-search");
    var status = document.getElementById("kh-search-status");
    if (!input || !status) return;
    input.disabled = true;
    input.placeholder = "Tìm kiếm không chạy khi mở từ ổ đĩa";
    status.textContent = DISK;
  }
  /* A table wider than a phone scrolls inside its wrapper: a keyboard reader must be able to reach and scroll it. */
  function scrollableTables() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var i = 0; i < wraps.length; i++) wraps[i].tabIndex = 0;
  }
  function ready() {
    mount();
    scrollableTables();
    if (fromDisk) explainPage();
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(ready);  // Material instant loading
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
/* == end: header search == */

/* == who: filters, home page == */
/* == end: who: filters, home page == */

/* == the paper and the phone == */
/* == end: the paper and the phone == */
