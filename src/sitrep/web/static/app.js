// sitrep's web page: map, timeline, table, event view with highlighted evidence, claims view.
// Document text is untrusted: it only ever enters the page as text nodes (textContent), never as markup.
// Evidence offsets are Unicode code points; JS strings index UTF-16 units, so offsets are converted first.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const PAGE = 100;
const MAP_POINTS = 500;
const state = { filters: {}, cursor: null, claimCursor: null, claimFilters: {}, unit: "month", countries: null };

// ------------------------------------------------------------------ helpers

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svgEl(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") q.set(k, v);
  const s = q.toString();
  return s ? "?" + s : "";
}

function setStatus(text, isError) {
  const node = document.getElementById("status");
  node.textContent = text || "";
  node.classList.toggle("error", Boolean(isError));
}

async function api(path) {
  const headers = {};
  const token = sessionStorage.getItem("sitrep-token");
  if (token) headers.Authorization = "Bearer " + token;
  const response = await fetch(path, { headers });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    if (response.status === 401) document.getElementById("token-form").hidden = false;
    const message = body && body.error ? body.error.message : response.statusText;
    throw new Error(message);
  }
  return body;
}

// Code-point offset -> UTF-16 offset, for every code point of the text (and its end).
function utf16Offsets(text) {
  const map = [0];
  let units = 0;
  for (const ch of text) {
    units += ch.length;
    map.push(units);
  }
  return map;
}

function dateLabel(date) {
  if (!date) return "";
  return date.value + (date.basis === "publication" ? " (pub.)" : "");
}

function actorLabel(actor) {
  return actor ? actor.canonical || actor.name || actor.kind : "?";
}

function saysSo(ev) {
  const by = ev.asserted_by || {};
  const who = by.name || (by.kind === "outlet" ? "outlet" : "?");
  return ev.hedge && ev.hedge !== "asserted" ? `${who} (${ev.hedge})` : who;
}

function countText(count) {
  if (!count) return "";
  if (count.low !== null && count.high !== null && (count.low !== count.best || count.high !== count.best)) {
    return `${count.best} (${count.low}–${count.high ?? "?"})`;
  }
  return String(count.best);
}

// ------------------------------------------------------------------ events: table, map, timeline

function readFilters() {
  const data = new FormData(document.getElementById("filters"));
  const out = {};
  for (const [k, v] of data.entries()) if (String(v).trim()) out[k] = String(v).trim();
  return out;
}

function eventRow(ev) {
  const actors = ev.actors || [];
  const initiators = actors.filter((a) => a.role === "initiator").map(actorLabel).join(", ") || "?";
  const targets = actors.filter((a) => a.role === "target").map(actorLabel).join(", ") || "?";
  const place = ev.place ? `${ev.place.name || ""}${ev.place.country ? ", " + ev.place.country : ""}` : "";
  const type = (ev.negated ? "NOT " : "") + (ev.subtype || ev.type);
  return el("tr", { "data-id": ev.id, tabindex: "0", onclick: () => openEvent(ev.id),
                    onkeydown: (e) => { if (e.key === "Enter") openEvent(ev.id); } },
    el("td", {}, dateLabel(ev.date)), el("td", {}, type), el("td", {}, place),
    el("td", {}, `${initiators} → ${targets}`), el("td", { class: "num" }, countText(ev.killed)),
    el("td", { class: "num" }, countText(ev.injured)), el("td", {}, saysSo(ev)),
    el("td", { class: "num" }, ev.confidence.toFixed(2)));
}

async function loadEvents(more) {
  const tbody = document.querySelector("#events tbody");
  if (!more) {
    tbody.replaceChildren();
    state.cursor = null;
  }
  const page = await api("/events" + query({ ...state.filters, order: "desc", limit: PAGE, cursor: state.cursor }));
  for (const ev of page.items) tbody.append(eventRow(ev));
  state.cursor = page.next_cursor;
  document.getElementById("more-events").hidden = !page.next_cursor;
  return page.items.length;
}

async function loadCountries() {
  if (!state.countries) state.countries = (await (await fetch("/static/countries.json")).json()).countries;
  return state.countries;
}

async function drawMap() {
  const svg = document.getElementById("map");
  const [countries, page] = await Promise.all([
    loadCountries(), api("/events" + query({ ...state.filters, order: "desc", limit: MAP_POINTS }))]);
  const points = page.items.filter((ev) => ev.place && ev.place.lat !== null && ev.place.lon !== null);
  let [x0, y0, x1, y1] = [-180, -85, 180, 85];
  if (points.length) {
    const xs = points.map((ev) => ev.place.lon), ys = points.map((ev) => -ev.place.lat);
    const pad = 6;
    [x0, x1, y0, y1] = [Math.min(...xs) - pad, Math.max(...xs) + pad, Math.min(...ys) - pad, Math.max(...ys) + pad];
    // keep the map's shape close to its box (2:1), widening the shorter side
    const w = x1 - x0, h = y1 - y0;
    if (w < 2 * h) { x0 -= (2 * h - w) / 2; x1 += (2 * h - w) / 2; } else { y0 -= (w / 2 - h) / 2; y1 += (w / 2 - h) / 2; }
  }
  svg.setAttribute("viewBox", `${x0} ${y0} ${x1 - x0} ${y1 - y0}`);
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  svg.replaceChildren();
  const land = svgEl("g", { class: "land" });
  for (const c of countries) {
    const path = svgEl("path", { d: c.d, class: "country" });
    const title = svgEl("title", {});
    title.textContent = c.name || "";
    path.append(title);
    land.append(path);
  }
  svg.append(land);
  const unit = (x1 - x0) / Math.max(svg.clientWidth || 600, 1);  // map units per screen pixel
  const dots = svgEl("g", { class: "dots" });
  // biggest first, so small events stay clickable on top
  points.sort((a, b) => ((b.killed && b.killed.best) || 0) - ((a.killed && a.killed.best) || 0));
  for (const ev of points) {
    const killed = (ev.killed && ev.killed.best) || 0;
    const dot = svgEl("circle", { cx: ev.place.lon, cy: -ev.place.lat, r: (3 + 2.2 * Math.sqrt(killed)) * unit,
                                  class: killed ? "dot deadly" : "dot", "data-id": ev.id, tabindex: "0" });
    const title = svgEl("title", {});
    title.textContent = `${dateLabel(ev.date)} ${ev.subtype || ev.type} — ${ev.place.name || ""}: ${killed} killed`;
    dot.append(title);
    dot.addEventListener("click", () => openEvent(ev.id));
    dots.append(dot);
  }
  svg.append(dots);
  const more = page.next_cursor ? ` (the ${MAP_POINTS} latest)` : "";
  document.getElementById("map-caption").textContent =
    `${points.length} events with coordinates${more}; circles grow with the number killed`;
}

// Every month (or week) from the first to the last, zero where nothing happened, so gaps show as gaps.
function fillPeriods(rows, unit) {
  if (rows.length < 2) return rows;
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const out = [];
  const start = new Date((unit === "week" ? rows[0].key : rows[0].key + "-01") + "T00:00:00Z");
  const last = rows[rows.length - 1].key;
  for (let d = start, n = 0; n < 1200; n++) {
    const key = unit === "week" ? d.toISOString().slice(0, 10) : d.toISOString().slice(0, 7);
    out.push(byKey.get(key) || { key, events: 0, fatalities: 0 });
    if (key >= last) return out;
    d = unit === "week" ? new Date(d.getTime() + 7 * 86400000) : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  }
  return rows;  // too long a span to draw period by period: bars for the periods that have events
}

async function drawTimeline() {
  const stats = await api("/stats" + query(state.filters));
  const rows = fillPeriods(state.unit === "week" ? stats.by_week : stats.by_month, state.unit);
  const svg = document.getElementById("timeline");
  svg.replaceChildren();
  const width = 600, height = 160, left = 28, bottom = 22;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  document.getElementById("timeline-title").textContent =
    `${stats.events} events, ${stats.fatalities} killed` + (stats.first ? ` · ${stats.first} to ${stats.last}` : "");
  if (!rows.length) return stats;
  const top = Math.max(...rows.map((r) => r.events));
  const slot = (width - left) / rows.length;
  const scale = (height - bottom - 8) / top;
  svg.append(Object.assign(svgEl("text", { x: 2, y: 14, class: "axis" }), { textContent: String(top) }));
  const labelEvery = Math.ceil(rows.length / 7);
  rows.forEach((r, i) => {
    const h = Math.max(r.events * scale, 1);
    const bar = svgEl("rect", { x: left + i * slot + 1, y: height - bottom - h, width: Math.max(slot - 2, 1), height: h,
                                class: "bar", "data-key": r.key });
    const title = svgEl("title", {});
    title.textContent = `${r.key}: ${r.events} events, ${r.fatalities} killed`;
    bar.append(title);
    bar.addEventListener("click", () => filterToPeriod(r.key));
    svg.append(bar);
    if (i % labelEvery === 0) {
      const label = svgEl("text", { x: left + i * slot + 1, y: height - 6, class: "axis" });
      label.textContent = r.key;
      svg.append(label);
    }
  });
  return stats;
}

function filterToPeriod(key) {
  const form = document.getElementById("filters");
  if (state.unit === "month") {
    form.since.value = key;
    form.until.value = key;
  } else {
    const start = new Date(key + "T00:00:00Z");
    const end = new Date(start.getTime() + 6 * 86400000);
    form.since.value = key;
    form.until.value = end.toISOString().slice(0, 10);
  }
  applyFilters();
}

async function applyFilters() {
  state.filters = readFilters();
  setStatus("Loading…");
  try {
    const [, stats] = await Promise.all([loadEvents(false), drawTimeline(), drawMap()]);
    setStatus(stats.events === 1 ? "1 event matches" : `${stats.events} events match`);
  } catch (err) {
    setStatus(err.message, true);
  }
}

// ------------------------------------------------------------------ event view

const FIELD_CLASSES = ["date", "place", "initiator", "target", "associated", "killed", "injured", "trigger",
                       "speaker", "cue", "content", "sentence"];

// The evidence spans of an event (and of the claim that asserts it), each with a key, label and colour class.
function evidenceSpans(ev, claim) {
  const spans = [];
  const add = (cls, label, items) => (items || []).forEach((item, i) => {
    spans.push({ key: `${cls}-${spans.filter((s) => s.cls === cls).length}`, cls, label, item, index: i });
  });
  if (ev.date) add("date", `date: ${ev.date.value}`, ev.date.evidence);
  if (ev.place) add("place", `place: ${ev.place.name}`, ev.place.evidence);
  for (const actor of ev.actors || []) add(actor.role || "associated", `${actor.role}: ${actorLabel(actor)}`, actor.evidence);
  if (ev.killed) add("killed", `killed: ${countText(ev.killed)}`, ev.killed.evidence);
  if (ev.injured) add("injured", `injured: ${countText(ev.injured)}`, ev.injured.evidence);
  if (ev.trigger) add("trigger", `what: ${ev.subtype || ev.type}`, ev.trigger.evidence);
  if (claim) {
    add("speaker", `speaker: ${claim.speaker.name || "unnamed"}`, claim.speaker.evidence);
    add("cue", "said", claim.cue.evidence);
    add("content", "claim", claim.content.evidence);
  }
  add("sentence", "event", ev.evidence);
  return spans;
}

// Split the text at every span boundary; each piece is a text node or a <mark> naming the spans covering it.
function highlight(container, text, spans) {
  const units = utf16Offsets(text);
  const cps = units.length - 1;
  const usable = [];
  const skipped = [];
  for (const span of spans) {
    const { start, end } = span.item;
    const inBounds = Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= cps;
    if (inBounds && end > start && text.slice(units[start], units[end]) === span.item.text) usable.push(span);
    else skipped.push(span);  // evidence from another document of a linked event, or a broken record
  }
  const cuts = new Set([0, cps]);
  for (const s of usable) { cuts.add(s.item.start); cuts.add(s.item.end); }
  const bounds = [...cuts].sort((a, b) => a - b);
  const labelled = new Set();
  const nodes = [];
  for (let i = 0; i < bounds.length - 1; i++) {
    const [a, b] = [bounds[i], bounds[i + 1]];
    const piece = text.slice(units[a], units[b]);
    const active = usable.filter((s) => s.item.start <= a && b <= s.item.end);
    if (!active.length) { nodes.push(document.createTextNode(piece)); continue; }
    // the narrowest span decides the colour: a number inside a quoted claim shows as the number
    const narrowest = active.reduce((m, s) => (s.item.end - s.item.start < m.item.end - m.item.start ? s : m));
    const mark = el("mark", { class: `ev ev-${narrowest.cls}`, "data-spans": active.map((s) => s.key).join(" ") }, piece);
    const starting = active.filter((s) => s.item.start === a && !labelled.has(s.key) && s.cls !== "sentence");
    if (starting.length) {
      // CSS draws the label from the attribute, so it never becomes part of the document's text
      mark.setAttribute("data-label", starting.map((s) => s.label).join(" · "));
      starting.forEach((s) => labelled.add(s.key));
    }
    nodes.push(mark);
  }
  container.replaceChildren(...nodes);
  return { usable, skipped };
}

function fieldRow(dl, label, value, spans, cls) {
  const words = spans.filter((s) => s.cls === cls).map((s) => s.item.text);
  dl.append(el("dt", { class: `chip ev-${cls}` }, label),
            el("dd", {}, value || "—", words.length ? el("q", {}, words.join(" … ")) : null));
}

async function openEvent(id) {
  if (location.hash !== `#/event/${id}`) { location.hash = `#/event/${id}`; return; }
  show("event-view");
  setStatus("Loading…");
  let data;
  try {
    data = await api(`/events/${encodeURIComponent(id)}`);
  } catch (err) {
    setStatus(err.message, true);
    return;
  }
  const { event: ev, document: doc, claim } = data;
  document.getElementById("event-title").textContent =
    `${ev.negated ? "NOT " : ""}${ev.subtype || ev.type} · ${dateLabel(ev.date) || "undated"} · ${ev.place ? ev.place.name : "no place"}`;
  const spans = evidenceSpans(ev, claim);
  const { skipped } = highlight(document.getElementById("doc-text"), doc.text, spans);
  const fields = document.getElementById("event-fields");
  fields.replaceChildren();
  fieldRow(fields, "date", ev.date ? `${ev.date.value} (${ev.date.precision}, ${ev.date.basis})` : "", spans, "date");
  fieldRow(fields, "place", ev.place ? [ev.place.name, ev.place.admin1, ev.place.country].filter(Boolean).join(", ") +
           ` (${ev.place.precision})` : "", spans, "place");
  for (const role of ["initiator", "target", "associated"]) {
    const names = (ev.actors || []).filter((a) => a.role === role).map((a) => `${actorLabel(a)} (${a.kind})`);
    if (names.length || role !== "associated") fieldRow(fields, role, names.join(", "), spans, role);
  }
  fieldRow(fields, "killed", countText(ev.killed), spans, "killed");
  fieldRow(fields, "injured", countText(ev.injured), spans, "injured");
  fieldRow(fields, "says so", `${saysSo(ev)} [${ev.asserted_by.kind}]`, spans, "speaker");
  if (claim) fieldRow(fields, "claim", claim.medium ? `through ${claim.medium}` : (claim.direct ? "direct quote" : "reported"), spans, "content");
  fieldRow(fields, "confidence", ev.confidence.toFixed(2), spans, "none");
  const source = document.getElementById("event-source");
  source.replaceChildren();
  for (const [k, v] of [["title", doc.title], ["outlet", doc.outlet], ["published", doc.published], ["url", doc.url],
                        ["document", doc.id], ["event", ev.id]]) {
    source.append(el("dt", {}, k), el("dd", {}, v || "—"));
  }
  showReports(ev, data.reports);
  const legend = document.getElementById("legend");
  legend.replaceChildren(...FIELD_CLASSES.filter((c) => spans.some((s) => s.cls === c))
    .map((c) => el("span", { class: `chip ev-${c}` }, c === "sentence" ? "event sentence" : c)));
  setStatus(skipped.length ? `${skipped.length} evidence spans are in another document of this linked event` : "");
  const first = document.querySelector("#doc-text mark[data-label]");
  if (first) first.scrollIntoView({ block: "center" });
}

// A merged event: which outlets report it, where they disagree, and a link to each report.
function showReports(ev, reports) {
  const box = document.getElementById("event-reports");
  box.hidden = !reports;
  if (!reports) return;
  const outlets = ev.sources && ev.sources.length ? ev.sources.join(", ") : "unknown outlets";
  document.getElementById("event-corroboration").textContent =
    `${reports.length} report${reports.length === 1 ? "" : "s"} from ${ev.corroboration} outlet` +
    `${ev.corroboration === 1 ? "" : "s"}: ${outlets}`;
  document.getElementById("contested").replaceChildren(...Object.entries(ev.contested || {}).map(([field, bySource]) =>
    el("li", { class: "contested" }, `contested ${field}: `,
       Object.entries(bySource).map(([src, v]) => `${src}: ${Array.isArray(v) ? v.join(" / ") : v}`).join("; "))));
  document.getElementById("report-list").replaceChildren(...reports.map((r) =>
    el("li", {}, el("a", { href: `#/event/${r.event.id}` }, r.document.title || r.document.id),
       ` — ${r.document.outlet || "unknown outlet"}, ${r.document.published || "undated"}: `,
       countText(r.event.killed) ? `killed ${countText(r.event.killed)}` : "")));
}

// ------------------------------------------------------------------ claims view

function claimRow(item) {
  const { claim: c, document: d } = item;
  const role = c.speaker.role && c.speaker.role !== c.speaker.name ? ", " + c.speaker.role : "";
  const speaker = c.speaker.name ? c.speaker.name + role : "(unnamed)";
  const events = el("td", {});
  for (const id of c.event_ids || []) events.append(el("a", { href: `#/event/${id}` }, "event"), " ");
  return el("tr", {}, el("td", {}, speaker), el("td", {}, c.cue.text), el("td", { class: "quote" }, c.content.text),
            el("td", {}, c.medium || (c.direct ? "(direct)" : "")),
            el("td", {}, [d.outlet, d.title, d.published].filter(Boolean).join(" · ")), events);
}

async function loadClaims(more) {
  const tbody = document.querySelector("#claims tbody");
  if (!more) { tbody.replaceChildren(); state.claimCursor = null; }
  try {
    const page = await api("/claims" + query({ ...state.claimFilters, limit: PAGE, cursor: state.claimCursor }));
    page.items.forEach((item) => tbody.append(claimRow(item)));
    state.claimCursor = page.next_cursor;
    document.getElementById("more-claims").hidden = !page.next_cursor;
    setStatus(`${tbody.rows.length} claims shown`);
  } catch (err) {
    setStatus(err.message, true);
  }
}

// ------------------------------------------------------------------ routing

function show(id) {
  for (const view of ["events-view", "event-view", "claims-view"]) document.getElementById(view).hidden = view !== id;
  document.getElementById("filters").hidden = id === "claims-view";
}

let loaded = false;
function route() {
  const hash = location.hash || "#/";
  if (hash.startsWith("#/event/")) { openEvent(decodeURIComponent(hash.slice(8))); return; }
  if (hash === "#/claims") { show("claims-view"); loadClaims(false); return; }
  show("events-view");
  if (!loaded) { loaded = true; applyFilters(); }
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("filters").addEventListener("submit", (e) => { e.preventDefault(); applyFilters(); });
  document.getElementById("filters").addEventListener("reset", () => setTimeout(applyFilters, 0));
  document.getElementById("more-events").addEventListener("click", () => loadEvents(true));
  document.getElementById("more-claims").addEventListener("click", () => loadClaims(true));
  document.getElementById("claim-filters").addEventListener("submit", (e) => {
    e.preventDefault();
    state.claimFilters = Object.fromEntries([...new FormData(e.target).entries()].filter(([, v]) => String(v).trim()));
    loadClaims(false);
  });
  document.getElementById("timeline-unit").addEventListener("change", (e) => { state.unit = e.target.value; drawTimeline(); });
  document.getElementById("token-form").addEventListener("submit", (e) => {
    e.preventDefault();
    sessionStorage.setItem("sitrep-token", e.target.token.value);
    e.target.hidden = true;
    loaded = false;
    route();
  });
  window.addEventListener("hashchange", route);
  route();
});
