/* Recompute "còn N ngày" / "quá hạn N ngày" against the reader's today: a page built on Monday is read on Friday. */
(function () {
  function today() {
    var now = new Date();
    return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  }
  function update() {
    var spans = document.querySelectorAll(".kh-status[data-due], .kh-status[data-archive]");
    var t = today();
    for (var i = 0; i < spans.length; i++) {
      var el = spans[i];
      if (el.getAttribute("data-state") !== "open") continue;
      // the one archived rule, for a page read after the day it archives the task's document (tasklist.py)
      var a = el.getAttribute("data-archive");
      if (a && Date.UTC(+a.slice(0, 4), +a.slice(5, 7) - 1, +a.slice(8, 10)) <= t) {
        el.setAttribute("data-state", "archived");
        el.textContent = "lưu trữ";
        el.classList.remove("kh-overdue");
        continue;
      }
      if (!el.getAttribute("data-due")) continue;
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
/* Task lists filtered by organisation, unit and status in the browser (no server): rows carry data-org, their
   chủ trì and phối hợp cells links with data-unit, and a .kh-status; without JavaScript the whole list shows. The choice is kept in the
   address («#to-chuc=…&don-vi=…&tinh-trang=…») so a filtered list can be sent as a link. The home page's
   list keeps only what is past due or due within its window, at the reader's today. */
(function () {
  var STATUS = [["", "Tất cả"], ["open", "Đang thực hiện"], ["overdue", "Quá hạn"], ["soon", "Đến hạn trong 30 ngày"],
                ["done", "Đã hoàn thành, đã hủy"], ["archived", "Lưu trữ"]];
  var KEYS = {org: "to-chuc", unit: "don-vi", status: "tinh-trang"};
  function today() {
    var now = new Date();
    return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  }
  function day(iso) { return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)); }
  // overdue, soon (within `soon` days), open, done, archived: the row's status at the reader's today
  function status(row, t, soon) {
    var el = row.querySelector(".kh-status");
    if (!el) return "open";
    var state = el.getAttribute("data-state");
    if (state === "archived") return "archived";
    if (state !== "open") return "done";
    var archive = el.getAttribute("data-archive");
    if (archive && day(archive) <= t) return "archived";
    var due = el.getAttribute("data-due");
    if (!due) return "open";
    var days = Math.round((day(due) - t) / 86400000);
    return days < 0 ? "overdue" : days <= soon ? "soon" : "open";
  }
  function fromHash() {
    var found = {}, hash = decodeURIComponent(location.hash.slice(1));
    if (hash.indexOf("=") < 0) return found;
    hash.split("&").forEach(function (part) {
      var kv = part.split("=");
      for (var k in KEYS) if (KEYS[k] === kv[0]) found[k] = kv[1] || "";
    });
    return found;
  }
  function select(name, label, options, chosen) {
    var wrap = document.createElement("label");
    wrap.className = "kh-filter";
    wrap.appendChild(document.createTextNode(label + " "));
    var sel = document.createElement("select");
    sel.setAttribute("data-filter", name);
    options.forEach(function (o) {
      var opt = document.createElement("option");
      opt.value = o[0];
      opt.textContent = o[1];
      if (o[0] === chosen) opt.selected = true;
      sel.appendChild(opt);
    });
    wrap.appendChild(sel);
    return wrap;
  }
  function filters() {
    var lists = document.querySelectorAll(".kh-tasks");
    var rows = [];
    for (var i = 0; i < lists.length; i++) {
      if (lists[i].closest(".kh-due-now")) continue;
      rows = rows.concat([].slice.call(lists[i].querySelectorAll("tbody tr")));
    }
    if (!rows.length || document.querySelector(".kh-filters")) return;
    var orgs = {}, units = {}, orgCount = 0;
    rows.forEach(function (row) {
      var org = row.getAttribute("data-org"), label = row.querySelector(".kh-col-org");
      if (!(org in orgs)) { orgs[org] = label ? label.textContent : org; orgCount++; }
      row.querySelectorAll("a[data-unit]").forEach(function (a) {
        units[a.getAttribute("data-unit")] = a.textContent;
      });
    });
    var unitOptions = Object.keys(units).map(function (token) {
      var org = token.split(":")[0];
      return [token, units[token] + (orgCount > 1 && orgs[org] ? " — " + orgs[org] : "")];
    }).sort(function (a, b) { return a[1].localeCompare(b[1], "vi"); });
    var orgOptions = Object.keys(orgs).map(function (k) { return [k, orgs[k]]; })
      .sort(function (a, b) { return a[1].localeCompare(b[1], "vi"); });
    var chosen = fromHash();
    var bar = document.createElement("form");
    bar.className = "kh-filters";
    bar.setAttribute("aria-label", "Lọc nhiệm vụ");
    if (orgOptions.length > 1) bar.appendChild(select("org", "Tổ chức", [["", "Tất cả"]].concat(orgOptions), chosen.org));
    if (unitOptions.length > 1) bar.appendChild(select("unit", "Đơn vị", [["", "Tất cả"]].concat(unitOptions), chosen.unit));
    bar.appendChild(select("status", "Tình trạng", STATUS, chosen.status));
    var count = document.createElement("output");
    count.className = "kh-filter-count";
    count.setAttribute("aria-live", "polite");
    bar.appendChild(count);
    var first = document.querySelector(".kh-filter-slot") || rows[0].closest(".kh-tasks");
    first.parentNode.insertBefore(bar, first);
    function apply(write) {
      var want = {}, t = today(), shown = 0;
      bar.querySelectorAll("select").forEach(function (s) { want[s.getAttribute("data-filter")] = s.value; });
      rows.forEach(function (row) {
        var ok = !want.org || row.getAttribute("data-org") === want.org;
        if (ok && want.unit) ok = !!row.querySelector('a[data-unit="' + want.unit + '"]');
        if (ok && want.status) {
          var s = status(row, t, 30);
          ok = want.status === "open" ? (s === "open" || s === "soon" || s === "overdue") : s === want.status;
        }
        row.hidden = !ok;
        if (ok) shown++;
      });
      count.textContent = "Hiện " + shown + "/" + rows.length + " nhiệm vụ";
      if (write) {
        var parts = [];
        for (var k in KEYS) if (want[k]) parts.push(KEYS[k] + "=" + encodeURIComponent(want[k]));
        history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname + location.search);
      }
    }
    bar.addEventListener("change", function () { apply(true); });
    bar.addEventListener("submit", function (e) { e.preventDefault(); });
    apply(false);
  }
  function dueNow() {
    var boxes = document.querySelectorAll(".kh-due-now[data-days]");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i], days = +box.getAttribute("data-days"), t = today(), shown = 0;
      box.querySelectorAll(".kh-tasks tbody tr").forEach(function (row) {
        var s = status(row, t, days);
        row.hidden = !(s === "overdue" || s === "soon");
        if (!row.hidden) shown++;
      });
      var list = box.querySelector(".kh-tasks");
      if (list) list.hidden = shown === 0;
      var empty = box.querySelector(".kh-due-empty");
      if (empty) empty.hidden = shown > 0;
    }
  }
  function run() { dueNow(); filters(); }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(run);
  else document.addEventListener("DOMContentLoaded", run);
})();
/* == end: who: filters, home page == */

/* == the paper and the phone == */
/* == end: the paper and the phone == */
