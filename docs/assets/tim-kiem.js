// Vietnamese search over the Pagefind index of the documents' pages, loaded from the site itself.
//
// A query is read the way the engine reads official text (kehoach/site/search.py): a symbol in any
// written form («21-NQ/TW», «21 NQ TW», «nq21», «21/NQ-TW») becomes the token the page carries for it,
// a date («28/02/2023», «ngày 28 tháng 2 năm 2023») and a month («tháng 4/2023») too; the other words
// are searched as typed, Pagefind ignoring their tone marks but ranking exact ones first. Pagefind does
// not take «d» for «đ», so each word with a «d» is also searched with «đ». The first results are then
// ranked again on the document's own title, summary, issuer and signer, and on the words standing together.
//
// One module for both places a reader searches: the search page (docs/tim-kiem.md) and the box in every
// page's header (mounted by kehoach.js, which loads this module when the reader first uses the box).
// Results can be narrowed by issuing organisation, type and year: each value offered comes with the
// vocabulary, with the token its pages hold (kehoach/site/search.py), added to the query when chosen.
const root = new URL("../", import.meta.url);
const DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2212";  // for character sets: the hyphen escaped

let vocabulary;
async function words() {
  if (!vocabulary) vocabulary = await (await fetch(new URL("assets/tim-kiem-tu-vung.json", root))).json();
  return vocabulary;
}

// One character for one character, so that offsets in the folded query are offsets in the query.
function foldChar(c) {
  if (c.length > 1) return " ".repeat(c.length);  // outside the basic plane: keep the offsets
  if (c === "đ" || c === "Đ" || c === "ð" || c === "Ð" || c === "Ɖ") return "d";
  return c.normalize("NFD")[0].toLowerCase();
}

const fold = (text) => Array.from(text, foldChar).join("");
const number = (text) => String(parseInt(text.replace(/[oO]/g, "0").replace(/[lI]/g, "1"), 10));
const two = (n) => String(n).padStart(2, "0");

// The query as tokens (what the page's meta fields hold) and the words left to search as typed.
export async function queryParts(query, readSymbols = true) {
  const { types } = await words();
  let text = Array.from(query.normalize("NFC")).join("");
  const tokens = [];
  const type = `(${types.join("|")})`;
  const dash = `[${DASHES}]`;
  const rules = [
    // dates and months first: «20/3/2023» must not be read as a symbol
    [/(?<![\w/])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\w)/g, (m) => `ng${m[4]}${two(m[3])}${two(m[1])}`],
    [/(?<!\w)ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s*(?:,?\s*nam\s+|\s+|\/)(\d{4})(?!\w)/g,
      (m) => `ng${m[3]}${two(m[2])}${two(m[1])}`],
    [/(?<!\w)thang\s+(\d{1,2})\s*(?:,?\s*nam\s+|\/|-|\s+)(\d{4})(?!\w)/g, (m) => `th${m[2]}${two(m[1])}`],
    // 21-NQ/TW, 21 NQ TW, 21nqtw, 21/NQ-TW, 21 – NQ/TW
    [new RegExp(`(?<![\\w/])([0-9oOlI]{1,4})\\s*(?:${dash}|/)?\\s*${type}\\s*[/${DASHES}]?\\s*([a-z]{2,8})(?!\\w)`, "g"),
      (m) => `${number(m[1])}${m[2]}${m[3]}`],
    // NQ 21 TW, đa 04 đuk
    [new RegExp(`(?<!\\w)${type}\\s*[${DASHES}.]?\\s*([0-9]{1,4})\\s*[/${DASHES}]?\\s*([a-z]{2,8})(?!\\w)`, "g"),
      (m) => `${number(m[2])}${m[1]}${m[3]}`],
    // NQ21, nq 21, 21 NQ: the type and the number, issuer left open
    [new RegExp(`(?<!\\w)${type}\\s*[${DASHES}.]?\\s*([0-9]{1,4})(?!\\w)`, "g"), (m) => `${m[1]}${number(m[2])}`],
    [new RegExp(`(?<!\\w)([0-9]{1,4})\\s*[${DASHES}]?\\s*${type}(?!\\w)`, "g"), (m) => `${m[2]}${number(m[1])}`],
  ];
  for (const [pattern, token] of readSymbols ? rules : []) {
    const folded = fold(text);
    let kept = "";
    let at = 0;
    for (const m of folded.matchAll(pattern)) {
      tokens.push(token(m));
      kept += text.slice(at, m.index) + " ";
      at = m.index + m[0].length;
    }
    text = kept + text.slice(at);
  }
  const rest = text.split(/[\s,;:()«»"“”]+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter(Boolean);
  return { tokens, words: rest };
}

// Each combination of «d» and «đ» in the words typed with a «d» (at most eight searches).
function spellings(wordList) {
  let all = [[]];
  let varied = 0;
  for (const w of wordList) {
    const lower = w.toLowerCase();
    const choices = varied < 3 && lower.includes("d") ? [lower, lower.replace(/d/g, "đ")] : [lower];
    varied += choices.length - 1;
    all = all.flatMap((done) => choices.map((c) => [...done, c]));
  }
  return all;
}

let pagefind;
async function engine() {
  if (!pagefind) {
    pagefind = await import(new URL("pagefind/pagefind.js", root).href);
    const { metaWeights } = await words();
    await pagefind.options({ baseUrl: root.pathname, ranking: { metaWeights, pageLength: 0.3 } });
  }
  return pagefind;
}

// Pagefind ranks by term frequency; a reader means the document whose own title, summary, issuer or
// signer holds the words, or whose text holds them together as typed. The first results are ranked
// again on that, from their fragments (which the list shows anyway).
const RERANK = 20;
const FEW = 3;  // fewer results than this: look again with one word left out
const PARTIAL = 0.5;  // what a page missing one word of the query scores, against one holding them all
const MISSING_WORD = 10;  // and after reranking: below every page that holds them all
const plain = (text) => fold(text).replace(/[^a-z0-9]+/g, " ").trim();

// The longest run of the query's words, in order, found together in the text.
function together(haystack, needles) {
  let best = 0;
  for (let i = 0; i < needles.length; i++) {
    for (let j = needles.length; j > i + best; j--) {
      if (` ${haystack} `.includes(` ${needles.slice(i, j).join(" ")} `)) { best = j - i; break; }
    }
  }
  return best;
}

function rerank(candidates, tokens, typed) {
  const top = Math.max(...candidates.map((c) => c.score));
  const needles = plain(typed.join(" ")).split(" ").filter(Boolean);
  const n = Math.max(needles.length, 1);
  return candidates.map((c) => {
    const meta = c.data.meta || {};
    const own = plain([meta.title, meta.summary, meta.org, meta.signer].filter(Boolean).join(" "));
    const inOwn = needles.filter((w) => ` ${own} `.includes(` ${w} `)).length;
    const ownKey = tokens.some((t) => ` ${meta.keys || ""} `.includes(` ${t} `)) ? 1 : 0;
    const score = c.score / top + 2 * (inOwn / n) + 1.5 * (together(own, needles) / n)
      + together(plain(c.data.content || ""), needles) / n + 3 * ownKey - (c.partial ? MISSING_WORD : 0);
    return { ...c, score };
  }).sort((a, b) => b.score - a.score);
}

// The results of a query, best first: [{ id, score, result, data? }] (the first RERANK with their data).
// `filters`: { issuer, type, year, effect } → a value each, absent or empty for any.
export async function search(query, readSymbols = true, filters = {}) {
  const { tokens, words: typed } = await queryParts(query, readSymbols);
  if (!tokens.length && !typed.length) return [];
  const pf = await engine();
  const narrow = await facetTokens(filters);
  const found = new Map();
  for (const variant of spellings(typed)) {
    const { results } = await pf.search([...tokens, ...narrow, ...variant].join(" "));
    for (const r of results) {
      if (!found.has(r.id) || found.get(r.id).score < r.score) found.set(r.id, { id: r.id, score: r.score, result: r });
    }
  }
  if (found.size < FEW && typed.length >= 3 && typed.length <= 8) {
    // Pagefind keeps only pages holding every word: a reader who adds one the document does not use («xã hội»)
    // would lose it. Each word left out in turn finds such pages, ranked below those holding every word.
    for (let skip = 0; skip < typed.length; skip++) {
      const fewer = typed.filter((_, i) => i !== skip);
      for (const variant of spellings(fewer)) {
        const { results } = await pf.search([...tokens, ...narrow, ...variant].join(" "));
        for (const r of results) {
          if (!found.has(r.id)) found.set(r.id, { id: r.id, score: r.score * PARTIAL, result: r, partial: true });
        }
      }
    }
  }
  if (!found.size && tokens.length) return search(query, false, filters);  // a word taken for a code: search the words
  const ranked = [...found.values()].sort((a, b) => b.score - a.score);
  const head = await Promise.all(ranked.slice(0, RERANK).map(async (c) => ({ ...c, data: await c.result.data() })));
  return [...rerank(head, tokens, typed), ...ranked.slice(RERANK)];
}

// The pages a query finds, best first, as paths from the site's root (the ranking test reads these).
export async function rankedUrls(query, limit = 10) {
  const ranked = await search(query);
  const data = await Promise.all(ranked.slice(0, limit).map((r) => r.data || r.result.data()));
  return data.map((d) => new URL(d.url, location.href).pathname.replace(root.pathname, "/"));
}

// --- what the reader sees: the same list and filters on the search page and under the header's box ---

// Pagefind's excerpt, with only its <mark> kept: everything else is shown as text.
function excerpt(html) {
  const p = document.createElement("p");
  p.className = "kh-result-excerpt";
  const doc = new DOMParser().parseFromString(`<div>${html}</div>`, "text/html");
  for (const node of doc.body.firstChild.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      p.appendChild(mark);
    } else {
      p.appendChild(document.createTextNode(node.textContent));
    }
  }
  return p;
}

function item(data, sections) {
  const li = document.createElement("li");
  const a = document.createElement("a");
  a.href = data.url;
  a.className = "kh-result-title";
  a.textContent = data.meta.title;
  li.appendChild(a);
  const about = [data.meta.summary, data.meta.org].filter(Boolean).join(" — ");
  if (about) {
    const p = document.createElement("div");
    p.className = "kh-result-about";
    p.textContent = about;
    li.appendChild(p);
  }
  const parts = (data.sub_results || []).filter((s) => s.url !== data.url).slice(0, sections);
  if (!parts.length) li.appendChild(excerpt(data.excerpt));
  for (const part of parts) {
    const link = document.createElement("a");
    link.className = "kh-result-section";
    link.href = part.url;
    link.textContent = part.title;
    li.appendChild(link);
    li.appendChild(excerpt(part.excerpt));
  }
  return li;
}

// Query-string names of the filters, for links to the search page and its address.
export const FILTER_PARAMS = { issuer: "to-chuc", type: "loai", year: "nam", effect: "hieu-luc" };
const FILTER_LABELS = {
  issuer: ["Tổ chức", "Mọi tổ chức"],
  type: ["Loại", "Mọi loại"],
  year: ["Năm", "Mọi năm"],
  effect: ["Hiệu lực", "Mọi tình trạng hiệu lực"],
};

// The words the pages of the chosen values hold: Pagefind keeps the pages holding every word of a query.
async function facetTokens(filters) {
  const { filters: offered = {} } = await words();
  return Object.entries(filters).filter(([, value]) => value)
    .map(([name, value]) => ((offered[name] || []).find(([v]) => v === value) || [])[2] || "zz-unknown");
}

// One <select> per filter, its values from the vocabulary (with the number of documents holding each).
async function filterControls(chosen, onChange) {
  const { filters = {} } = await words();
  const box = document.createElement("div");
  box.className = "kh-search-filters";
  const selects = {};
  for (const [name, [label, any]] of Object.entries(FILTER_LABELS)) {
    const values = filters[name] || [];
    if (!values.length) continue;
    const select = document.createElement("select");
    select.name = FILTER_PARAMS[name];
    select.setAttribute("aria-label", `Lọc theo ${label.toLowerCase()}`);
    select.add(new Option(any, ""));
    for (const [value, count] of values) select.add(new Option(`${value} (${count})`, value));
    select.value = values.some(([v]) => v === chosen[name]) ? chosen[name] : "";
    select.addEventListener("change", onChange);
    selects[name] = select;
    box.appendChild(select);
  }
  return { box, value: () => Object.fromEntries(Object.entries(selects).map(([n, s]) => [n, s.value])) };
}

// An input searching as the reader types, into `list` and `status`, narrowed by the filters put in
// `filterSlot`. `limit` results shown, `sections` sub-results each; `more` (a link) goes to the search page.
export async function connect({ input, list, status, filterSlot, limit, sections, more, chosen = {}, onRender }) {
  let asked = 0;
  let filters;
  async function run() {
    const query = input.value;
    const mine = ++asked;
    if (!query.trim()) {
      list.replaceChildren();
      delete list.dataset.query;
      status.textContent = "";
      if (more) more.hidden = true;
      if (onRender) onRender(query);
      return;
    }
    const chosenNow = filters.value();
    const ranked = await search(query, true, chosenNow);
    const shown = await Promise.all(ranked.slice(0, limit).map((r) => r.data || r.result.data()));
    if (mine !== asked) return;  // the reader typed on meanwhile
    list.replaceChildren(...shown.map((d) => item(d, sections)));
    list.dataset.query = query;  // which query the list answers (the reader may still be typing)
    status.textContent = ranked.length ? `${ranked.length} kết quả` : "Không tìm thấy văn bản nào.";
    if (more) {
      const params = new URLSearchParams({ q: query });
      for (const [name, value] of Object.entries(chosenNow)) if (value) params.set(FILTER_PARAMS[name], value);
      more.href = new URL(`tim-kiem/?${params}`, root).href;
      more.hidden = ranked.length <= shown.length;
      more.textContent = `Xem cả ${ranked.length} kết quả ở trang Tìm kiếm`;
    }
    if (onRender) onRender(query);
  }
  filters = await filterControls(chosen, run);
  filterSlot.replaceChildren(filters.box);
  let timer;
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 200); });
  return run;
}

// The box in every page's header: kehoach.js mounts it and calls this once the reader first uses it.
export async function connectHeader(input, panel) {
  const filterSlot = document.createElement("div");
  const status = document.createElement("p");
  status.className = "kh-hsearch__status";
  status.setAttribute("role", "status");
  const list = document.createElement("ol");
  list.className = "kh-results";
  const more = document.createElement("a");
  more.className = "kh-hsearch__more";
  more.hidden = true;
  panel.replaceChildren(filterSlot, status, list, more);
  const run = await connect({
    input, list, status, filterSlot, limit: 6, sections: 2, more,
    // open while the reader is in the box, not after they left it
    onRender: (query) => { panel.hidden = !query.trim() || !panel.parentNode.contains(document.activeElement); },
  });
  return run();  // what was typed while this module loaded
}

// The search page: its own box, the query and filters from its address (links «?q=…» from elsewhere).
const input = document.getElementById("kh-search");
if (input && location.protocol !== "file:") {
  const params = new URLSearchParams(location.search);
  const chosen = Object.fromEntries(Object.entries(FILTER_PARAMS).map(([name, param]) => [name, params.get(param) || ""]));
  if (params.get("q")) input.value = params.get("q");
  const slot = document.getElementById("kh-search-filters");
  connect({
    input, chosen, limit: 20, sections: 2, filterSlot: slot,
    list: document.getElementById("kh-results"), status: document.getElementById("kh-search-status"),
  }).then((run) => run());
}
