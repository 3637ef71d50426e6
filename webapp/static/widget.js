/* <cchc-search>: the embeddable search over CCHC bulletins.
 *
 *   <script src="https://SEARCH-HOST/widget.js" defer></script>
 *   <cchc-search province="Cao Bằng" lang="vi" per-page="5"></cchc-search>
 *
 * Attributes: api (default: the origin widget.js came from), province, province-2025, year, quarter, topic
 * (preset filters; several values separated by "|"), per-page, lang (vi|en), placeholder.
 * Theme: CSS custom properties --cchc-accent, --cchc-text, --cchc-muted, --cchc-background, --cchc-mark,
 * --cchc-font, --cchc-radius set on the element by the host page.
 * Everything renders in a Shadow DOM; server text is inserted as text nodes only.
 */
(function () {
  "use strict";
  if (window.customElements.get("cchc-search")) return;

  var SCRIPT_ORIGIN = (function () {
    try { return new URL(document.currentScript.src).origin; } catch (e) { return window.location.origin; }
  })();
  var PRESETS = ["province", "province_2025", "year", "quarter", "topic"];
  var TEXT = {
    vi: { label: "Tìm tin cải cách hành chính", placeholder: "Gõ từ khóa, có dấu hoặc không dấu…",
          loading: "Đang tìm…", none: "Không tìm thấy tin nào.", error: "Không kết nối được máy chủ tìm kiếm.",
          count: function (n) { return n + " kết quả"; }, more: "Xem tất cả kết quả", years: "Năm",
          partial: function (n) { return "(" + n + " chứa đủ các từ)"; },
          phrase: function (n) { return "(" + n + " chứa đúng cụm từ)"; },
          issuer: function (number) { return "(dẫn văn bản cùng ký hiệu thay cho " + number + ")"; },
          topics: "Chủ đề", latest: "Tin mới nhất", unknown: "không rõ" },
    en: { label: "Search administrative reform bulletins", placeholder: "Type words, with or without diacritics…",
          loading: "Searching…", none: "No bulletins found.", error: "The search server cannot be reached.",
          count: function (n) { return n + " results"; }, more: "See all results", years: "Year",
          partial: function (n) { return "(" + n + " with enough of the words)"; },
          phrase: function (n) { return "(" + n + " with the exact phrase)"; },
          issuer: function (number) { return "(citing documents of its issuer instead of " + number + ")"; },
          topics: "Topic", latest: "Latest bulletins", unknown: "unknown" }
  };
  var PERIODS = { vi: { Q1: "Quý I", Q2: "Quý II", Q3: "Quý III", Q4: "Quý IV", H1: "6 tháng đầu năm",
                        H2: "6 tháng cuối năm", "9M": "9 tháng", FY: "Cả năm" },
                  en: { Q1: "Q1", Q2: "Q2", Q3: "Q3", Q4: "Q4", H1: "First half", H2: "Second half",
                        "9M": "Nine months", FY: "Full year" } };
  var STYLE = [
    // The host element can be restyled by the page (even with !important), so nothing inherits from it:
    // .frame, which page selectors cannot reach, sets every inherited property itself.
    ":host{display:block;contain:content}",
    ".frame{all:initial;display:block;font-family:var(--cchc-font,system-ui,-apple-system,'Segoe UI',Roboto,sans-serif);",
    "font-size:15px;font-weight:400;font-style:normal;line-height:1.45;letter-spacing:normal;text-align:left;",
    "color:var(--cchc-text,#1f2933);background:var(--cchc-background,#fff);visibility:visible;",
    "border:1px solid #d9e2ec;border-radius:var(--cchc-radius,8px);padding:12px;box-sizing:border-box}",
    "*{box-sizing:border-box}",
    "label{display:block;font-weight:600;margin:0 0 4px}",
    "input{width:100%;font:inherit;padding:8px 10px;border:2px solid #cbd2d9;border-radius:6px;color:inherit;background:#fff}",
    "input:focus,a:focus,button:focus{outline:3px solid var(--cchc-accent,#1d4e89);outline-offset:1px}",
    ".status{color:var(--cchc-muted,#52606d);font-size:13px;margin:6px 0;min-height:1.2em}",
    ".chips{display:flex;flex-wrap:wrap;gap:4px;margin:4px 0}",
    ".chips span{font-size:12px;color:var(--cchc-muted,#52606d);margin-right:2px;align-self:center}",
    "button.chip{font:inherit;font-size:12px;border:1px solid #cbd2d9;background:#f5f7fa;color:inherit;border-radius:999px;padding:1px 8px;cursor:pointer}",
    "button.chip[aria-pressed=true]{background:var(--cchc-accent,#1d4e89);border-color:var(--cchc-accent,#1d4e89);color:#fff}",
    "ol{list-style:none;margin:0;padding:0}",
    "li{padding:8px 0;border-top:1px solid #eef2f6}",
    "li a.title{color:var(--cchc-accent,#1d4e89);font-weight:600;text-decoration:none}",
    "li a.title:hover{text-decoration:underline}",
    ".meta{font-size:12px;color:var(--cchc-muted,#52606d)}",
    ".snippet{font-size:13px;margin:2px 0 0}",
    "mark{background:var(--cchc-mark,#fff3b0);color:inherit;padding:0 1px}",
    "a.more{display:inline-block;margin-top:6px;color:var(--cchc-accent,#1d4e89);font-size:13px}",
    ".error{color:#b42318}"
  ].join("");

  function values(text) {
    return (text || "").split("|").map(function (v) { return v.trim(); }).filter(Boolean);
  }

  function decode(html) {  // entity-decode server-escaped text without interpreting any markup
    var area = document.createElement("textarea");
    area.innerHTML = html;
    return area.value;
  }

  function markedText(parent, snippet) {  // "a <mark>b</mark> c" -> text nodes and <mark> elements
    snippet.split(/(<mark>|<\/mark>)/).reduce(function (inMark, part) {
      if (part === "<mark>") return true;
      if (part === "</mark>") return false;
      if (part) {
        var node = document.createTextNode(decode(part));
        if (inMark) { var m = document.createElement("mark"); m.appendChild(node); parent.appendChild(m); }
        else parent.appendChild(node);
      }
      return inMark;
    }, false);
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text != null) node.textContent = text;
    return node;
  }

  class CchcSearch extends HTMLElement {
    static get observedAttributes() { return ["api", "lang", "placeholder", "per-page"].concat(PRESETS.map(function (p) { return p.replace("_", "-"); })); }

    constructor() {
      super();
      this.chosen = { year: [], topic: [] };
      this.sequence = 0;
      this.timer = null;
      this.controller = null;
      var root = this.attachShadow({ mode: "open" });
      if (root.adoptedStyleSheets !== undefined && window.CSSStyleSheet && CSSStyleSheet.prototype.replaceSync) {
        var sheet = new CSSStyleSheet();  // a constructed sheet is allowed by a strict style-src CSP
        sheet.replaceSync(STYLE);
        root.adoptedStyleSheets = [sheet];
      } else {
        var style = el("style"); style.textContent = STYLE; root.appendChild(style);
      }
      var id = "q" + Math.random().toString(36).slice(2);
      this.labelEl = el("label", { for: id, part: "label" });
      this.input = el("input", { id: id, type: "search", autocomplete: "off", maxlength: "1000", part: "input" });
      this.status = el("div", { class: "status", role: "status", "aria-live": "polite" });
      this.chipRow = el("div", { class: "chips" });
      this.list = el("ol", { "aria-label": "" });
      this.more = el("a", { class: "more", target: "_blank", rel: "noopener" });
      var frame = el("div", { class: "frame", part: "frame" });
      [this.labelEl, this.input, this.status, this.chipRow, this.list, this.more].forEach(function (n) { frame.appendChild(n); });
      root.appendChild(frame);
      var self = this;
      this.input.addEventListener("input", function () { self.schedule(250); });
      this.input.addEventListener("keydown", function (e) { self.onKey(e); });
      this.list.addEventListener("keydown", function (e) { self.onKey(e); });
    }

    connectedCallback() { this.localise(); this.schedule(0); }
    attributeChangedCallback() { if (this.isConnected) { this.localise(); this.schedule(0); } }

    get lang() { return this.getAttribute("lang") === "en" ? "en" : "vi"; }
    get text() { return TEXT[this.lang]; }
    get api() { return (this.getAttribute("api") || SCRIPT_ORIGIN).replace(/\/+$/, ""); }

    localise() {
      this.labelEl.textContent = this.text.label;
      this.input.placeholder = this.getAttribute("placeholder") || this.text.placeholder;
      this.list.setAttribute("aria-label", this.text.label);
      this.more.textContent = this.text.more;
    }

    params(forPage) {
      var p = new URLSearchParams();
      var query = this.input.value.trim();
      if (query) p.set("q", query);
      var self = this;
      PRESETS.forEach(function (name) {
        values(self.getAttribute(name.replace("_", "-"))).concat(self.chosen[name] || []).forEach(function (v) { p.append(name, v); });
      });
      if (!query && !forPage) p.set("sort", "newest");
      if (!forPage) p.set("per_page", String(Math.min(20, Math.max(1, parseInt(this.getAttribute("per-page"), 10) || 5))));
      if (this.lang === "en" || !forPage) p.set("lang", this.lang);  // the API says its errors in it
      return p;
    }

    schedule(delay) {
      var self = this;
      clearTimeout(this.timer);
      this.timer = setTimeout(function () { self.run(); }, delay);
    }

    run() {
      var ticket = ++this.sequence;
      if (this.controller) this.controller.abort();
      this.controller = new AbortController();
      this.setAttribute("aria-busy", "true");
      this.status.className = "status";
      this.status.textContent = this.text.loading;
      var self = this;
      fetch(this.api + "/api/search?" + this.params(false).toString(), { signal: this.controller.signal, credentials: "omit" })
        .then(function (r) { return r.json().then(function (data) { return { ok: r.ok, data: data }; }); })
        .then(function (reply) {
          if (ticket !== self.sequence) return;  // a newer search has been sent: drop this answer
          if (!reply.ok) throw new Error(reply.data && (reply.data.message || reply.data.error) || "error");
          self.render(reply.data);
        })
        .catch(function (error) {
          if (ticket !== self.sequence || error.name === "AbortError") return;
          self.fail(error.message && error.message !== "Failed to fetch" && error.message !== "error" ? error.message : self.text.error);
        });
    }

    fail(message) {
      this.removeAttribute("aria-busy");
      this.status.className = "status error";
      this.status.textContent = message;
      this.list.textContent = "";
      this.chipRow.textContent = "";
      this.more.hidden = true;
    }

    render(data) {
      var self = this, t = this.text;
      this.removeAttribute("aria-busy");
      var status = this.input.value.trim() ? (data.total ? t.count(data.total) : t.none) : (data.total ? t.latest : t.none);
      if (data.total && data.phrase_matches != null) status += " " + t.phrase(data.phrase_matches);  // phrases' words
      else if (data.total && data.full_matches != null) status += " " + t.partial(data.full_matches);  // widened answer
      if (data.total && data.same_issuer) status += " " + t.issuer(data.same_issuer.number);  // a number found nowhere
      this.status.textContent = status;
      this.list.textContent = "";
      data.results.forEach(function (hit) {
        var item = el("li");
        var link = el("a", { class: "title", href: self.api + "/documents/" + encodeURI(hit.id) + (self.input.value.trim() ? "?q=" + encodeURIComponent(self.input.value.trim()) : ""), target: "_blank", rel: "noopener" }, hit.title);
        item.appendChild(link);
        var period = [hit.quarter ? PERIODS[self.lang][hit.quarter] : "", hit.year || ""].join(" ").trim();
        item.appendChild(el("div", { class: "meta" }, [hit.province || t.unknown, period, hit.published || ""].filter(Boolean).join(" · ")));
        var snippet = el("p", { class: "snippet" });
        markedText(snippet, hit.snippet || "");
        item.appendChild(snippet);
        self.list.appendChild(item);
      });
      this.renderChips(data.facets);
      this.more.hidden = !data.total;
      this.more.href = this.api + "/search?" + this.params(true).toString();
    }

    renderChips(facets) {
      var self = this;
      this.chipRow.textContent = "";
      [["year", this.text.years, 6], ["topic", this.text.topics, 5]].forEach(function (spec) {
        var buckets = (facets[spec[0]] || []).slice(0, spec[2]);
        if (!buckets.length) return;
        self.chipRow.appendChild(el("span", {}, spec[1] + ":"));
        buckets.forEach(function (b) {
          var on = self.chosen[spec[0]].indexOf(b.value) >= 0;
          var chip = el("button", { type: "button", class: "chip", "aria-pressed": on ? "true" : "false", "data-facet": spec[0], "data-value": b.value }, b.label + " (" + b.count + ")");
          chip.addEventListener("click", function () {
            var list = self.chosen[spec[0]];
            self.chosen[spec[0]] = on ? list.filter(function (v) { return v !== b.value; }) : list.concat([b.value]);
            self.schedule(0);
          });
          self.chipRow.appendChild(chip);
        });
      });
    }

    onKey(event) {
      var links = Array.prototype.slice.call(this.list.querySelectorAll("a.title"));
      var at = links.indexOf(this.shadowRoot.activeElement);
      if (event.key === "Escape") {
        this.input.value = "";
        this.chosen = { year: [], topic: [] };
        this.input.focus();
        this.schedule(0);
      } else if (event.key === "ArrowDown" && links.length) {
        event.preventDefault();
        links[Math.min(links.length - 1, at + 1)].focus();
      } else if (event.key === "ArrowUp" && links.length) {
        event.preventDefault();
        if (at <= 0) this.input.focus(); else links[at - 1].focus();
      }
    }
  }

  window.customElements.define("cchc-search", CchcSearch);
})();
