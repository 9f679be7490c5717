// Vietnamese search over the Pagefind index of the documents' pages, loaded from the site itself.
//
// A query is read the way the engine reads official text (kehoach/site/search.py): a symbol in any
// written form («21-NQ/TW», «21 NQ TW», «nq21», «21/NQ-TW») becomes the token the page carries for it,
// a date («28/02/2023», «ngày 28 tháng 2 năm 2023») and a month («tháng 4/2023») too; the other words
// are searched as typed, Pagefind ignoring their tone marks but ranking exact ones first. Pagefind does
// not take «d» for «đ», so each word with a «d» is also searched with «đ». The first results are then
// ranked again on the document's own title, summary, issuer and signer, and on the words standing together.
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
      + together(plain(c.data.content || ""), needles) / n + 3 * ownKey;
    return { ...c, score };
  }).sort((a, b) => b.score - a.score);
}

// The results of a query, best first: [{ id, score, result, data? }] (the first RERANK with their data).
export async function search(query, readSymbols = true) {
  const { tokens, words: typed } = await queryParts(query, readSymbols);
  if (!tokens.length && !typed.length) return [];
  const pf = await engine();
  const found = new Map();
  for (const variant of spellings(typed)) {
    const { results } = await pf.search([...tokens, ...variant].join(" "));
    for (const r of results) {
      if (!found.has(r.id) || found.get(r.id).score < r.score) found.set(r.id, { id: r.id, score: r.score, result: r });
    }
  }
  if (!found.size && tokens.length) return search(query, false);  // a word taken for a code: search the words
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

function item(data) {
  const li = document.createElement("li");
  const a = document.createElement("a");
  a.href = data.url;
  a.textContent = data.meta.title;
  li.appendChild(a);
  const about = [data.meta.summary, data.meta.org].filter(Boolean).join(" — ");
  if (about) {
    const p = document.createElement("div");
    p.className = "kh-result-about";
    p.textContent = about;
    li.appendChild(p);
  }
  const parts = (data.sub_results || []).filter((s) => s.url !== data.url).slice(0, 2);
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

async function run(query) {
  const list = document.getElementById("kh-results");
  const status = document.getElementById("kh-search-status");
  list.replaceChildren();
  if (!query.trim()) { status.textContent = ""; return; }
  const ranked = await search(query);
  const shown = await Promise.all(ranked.slice(0, 20).map((r) => r.data || r.result.data()));
  status.textContent = ranked.length ? `${ranked.length} kết quả` : "Không tìm thấy văn bản nào.";
  shown.forEach((d) => list.appendChild(item(d)));
}

const input = document.getElementById("kh-search");
if (input) {
  const initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(initial); }
  let timer;
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => run(input.value), 200); });
}
