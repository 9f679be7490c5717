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

/* A preview opened from disk (file://): the browser refuses the search index there, so say how to search. */
(function () {
  if (location.protocol !== "file:") return;
  function explain() {
    var input = document.getElementById("kh-search");
    var status = document.getElementById("kh-search-status");
    if (!input || !status) return;
    input.disabled = true;
    input.placeholder = "Tìm kiếm không chạy khi mở từ ổ đĩa";
    status.textContent = "Trình duyệt không cho tìm kiếm trong trang mở từ ổ đĩa (địa chỉ bắt đầu bằng file://). " +
      "Các liên kết, mục lục và trang văn bản vẫn dùng được. Để tìm kiếm, xem trang đã xuất bản, hoặc trên máy có " +
      "kho chạy «make serve» rồi mở http://127.0.0.1:8000.";
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(explain);
  else document.addEventListener("DOMContentLoaded", explain);
})();

/* == header search == */
/* == end: header search == */

/* == who: filters, home page == */
/* == end: who: filters, home page == */

/* == the paper and the phone == */
/* == end: the paper and the phone == */
