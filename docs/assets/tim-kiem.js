// Vietnamese search over the Pagefind index in ../pagefind/, loaded from the site itself.
// The query is folded exactly as kehoach/site/search.py folds the indexed text: keep the two in step.
const root = new URL("../", import.meta.url);

function fold(text) {
  return text.replace(/[đð]/g, "d").replace(/[ĐÐ]/g, "D").normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

export function searchText(text) {
  return fold(text).replace(/(\d+)\s*-\s*([a-z]+)\s*\/\s*([a-z]+)/g,
    (_, n, type, code) => " " + parseInt(n, 10) + type + code + " ");
}

let pagefind;
async function engine() {
  if (!pagefind) {
    pagefind = await import(new URL("pagefind/pagefind.js", root).href);
    await pagefind.options({ baseUrl: root.pathname });
  }
  return pagefind;
}

function item(data) {
  const li = document.createElement("li");
  const a = document.createElement("a");
  a.href = data.url;
  a.textContent = data.meta.title;
  li.appendChild(a);
  const about = [data.meta.summary, data.meta.org, data.meta.date].filter(Boolean).join(" — ");
  if (about) {
    const p = document.createElement("div");
    p.className = "kh-result-about";
    p.textContent = about;
    li.appendChild(p);
  }
  return li;
}

async function run(query) {
  const list = document.getElementById("kh-results");
  const status = document.getElementById("kh-search-status");
  const q = searchText(query).trim();
  list.replaceChildren();
  if (!q) { status.textContent = ""; return; }
  const found = await (await engine()).search(q);
  const shown = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
  status.textContent = found.results.length ? `${found.results.length} kết quả` : "Không tìm thấy văn bản nào.";
  shown.forEach((d) => list.appendChild(item(d)));
}

const input = document.getElementById("kh-search");
if (input) {
  const initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(initial); }
  let timer;
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => run(input.value), 200); });
}
