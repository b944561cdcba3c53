// Embed the Agent compute guide's decision wizard in any page (issue #5).
//
//   <div data-agent-compute-guide data-answers="code_author=users"
//        data-locked="code_author" data-theme="auto"></div>
//   <script async src="https://…/assets/embed/embed.js"></script>
//
// Each element marked data-agent-compute-guide becomes an iframe of the
// guide's embed page (embed/: the wizard without the site's chrome). The
// frame posts its height and its result; this script believes a message
// only when it comes from that very iframe (event.source) and from the
// guide's origin, clamps heights, and passes each result on as the DOM
// event "agent-compute-guide:result" on the element.
//
// The contract, versioned with semver, is on the guide's page "Embedding
// the wizard" (source: wizard/site/embed_contract.py).
(function () {
  "use strict";

  const VERSION = "1.0.0";
  const NAMESPACE = "agent-compute-guide";
  const MARK = "data-agent-compute-guide";
  const MIN_HEIGHT = 320;
  const MAX_HEIGHT = 12000;
  const TITLE = "Agent compute guide: decision wizard";
  // The frame's settings travel in its address next to the answers; an
  // answer list must not smuggle one in (an `origin`, say).
  const SETTINGS = ["locked", "hidden", "theme", "accent", "lang", "origin"];
  // Content that grew with its frame would post heights without end; past
  // this many in a second the frame keeps the height it has.
  const MAX_RESIZES_PER_SECOND = 20;

  // Run again (Material's instant navigation re-inserts scripts, and a
  // page may include this one twice): only look for new elements.
  const existing = window.agentComputeGuide;
  if (existing && typeof existing.scan === "function") {
    existing.scan();
    return;
  }

  // 1. Where the guide is: next to this script.
  const script = document.currentScript
    || document.querySelector("script[src*='assets/embed/embed.js']");
  if (!script) {
    console.error("Embedded wizard: embed.js cannot find its own address.");
    return;
  }
  const frameUrl = new URL("../../embed/", script.src);
  const guideOrigin = frameUrl.origin;

  // 2. One listener for every frame on the page.
  const embeds = [];
  window.addEventListener("message", onMessage);

  // 3. Mount what is there now, what arrives once the page is parsed, and
  //    what Material's instant navigation brings.
  window.agentComputeGuide = Object.freeze({ version: VERSION, mount, scan });
  scan();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scan, { once: true });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(scan);
  }

  function scan() {
    forgetRemoved();
    for (const element of document.querySelectorAll(`[${MARK}]`)) {
      mount(element);
    }
  }

  // TODO(#5): follow changes to the element's data-* attributes after it
  // is mounted; today a host replaces the element to change its settings.
  /**
   * Turn one element into the wizard; returns its iframe.
   * @param {HTMLElement} element carries the data-* settings
   * @returns {HTMLIFrameElement}
   */
  function mount(element) {
    const known = embeds.find((embed) => embed.element === element);
    if (known) return known.iframe;
    const options = readOptions(element);
    const iframe = document.createElement("iframe");
    iframe.src = frameAddress(options);
    iframe.title = options.title;
    iframe.style.display = "block";
    iframe.style.width = "100%";
    iframe.style.border = "0";
    const embed = {
      element, iframe, options, height: 0, stamps: [], warned: new Set(),
    };
    setHeight(embed, options.min);
    element.replaceChildren(iframe);
    element.setAttribute(`${MARK}-version`, VERSION);
    embeds.push(embed);
    return iframe;
  }

  function readOptions(element) {
    const data = element.dataset;
    const min = pixels(data.minHeight, MIN_HEIGHT);
    return {
      answers: data.answers || "",
      locked: data.locked || "",
      hidden: data.hidden || "",
      theme: data.theme || "",
      accent: (data.accent || "").replace(/^#/, ""),
      lang: data.lang || "",
      origin: hostOrigin(data.hostOrigin),
      title: data.title || TITLE,
      min,
      max: Math.max(min, pixels(data.maxHeight, MAX_HEIGHT)),
    };
  }

  function pixels(text, fallback) {
    const number = Number(text);
    if (text === undefined || text === "") return fallback;
    if (Number.isFinite(number) && number >= 0) return Math.round(number);
    console.warn(`Embedded wizard: ignored the height "${text}": not a `
      + "number of pixels.");
    return fallback;
  }

  // The origin the frame may post to: the declared one, else this page's.
  function hostOrigin(declared) {
    const own = location.origin;
    if (!declared) return own === "null" ? "" : own;
    if (declared.replace(/\/$/, "") !== own) {
      console.warn(`Embedded wizard: data-host-origin "${declared}" is not `
        + `this page's origin (${own}); its messages will not arrive here.`);
    }
    return declared;
  }

  // The embed page's address: the answers, then the settings.
  function frameAddress(options) {
    const parts = [];
    for (const [key, value] of new URLSearchParams(options.answers)) {
      if (SETTINGS.includes(key)) {
        console.warn(`Embedded wizard: ignored "${key}" in data-answers; `
          + `use data-${key === "origin" ? "host-origin" : key} instead.`);
        continue;
      }
      parts.push(`${encode(key)}=${encode(value)}`);
    }
    for (const name of SETTINGS) {
      const value = options[name].trim();
      if (value) parts.push(`${name}=${encode(value)}`);
    }
    const url = new URL(frameUrl);
    url.search = parts.join("&");
    return url.href;
  }

  // Commas stay readable: they separate the items of a list.
  function encode(text) {
    return encodeURIComponent(text).replace(/%2C/gi, ",");
  }

  // --- messages from the frames ---

  function onMessage(event) {
    const embed = embeds.find((candidate) =>
      candidate.iframe.contentWindow === event.source);
    if (!embed || event.origin !== guideOrigin) return;
    const data = event.data;
    if (!data || typeof data !== "object" || typeof data.type !== "string"
        || !data.type.startsWith(`${NAMESPACE}:`)) {
      return;
    }
    if (!sameMajor(data.version)) {
      warnOnce(embed, "version", `Embedded wizard: ignored messages of `
        + `contract ${String(data.version)}; this embed.js speaks ${VERSION}.`);
      return;
    }
    if (data.type === `${NAMESPACE}:resize`) resize(embed, data.height);
    else if (data.type === `${NAMESPACE}:result`) deliver(embed, data);
  }

  function sameMajor(version) {
    return typeof version === "string"
      && version.split(".")[0] === VERSION.split(".")[0];
  }

  function resize(embed, height) {
    if (typeof height !== "number" || !Number.isFinite(height)) return;
    const now = performance.now();
    embed.stamps = embed.stamps.filter((stamp) => now - stamp < 1000);
    if (embed.stamps.length >= MAX_RESIZES_PER_SECOND) {
      warnOnce(embed, "loop", "Embedded wizard: its height changes more "
        + `than ${MAX_RESIZES_PER_SECOND} times a second; holding it.`);
      return;
    }
    embed.stamps.push(now);
    setHeight(embed, height);
  }

  // Clamped, and !important: a host style such as `iframe {height: 100%}`
  // must not fight the content's height.
  function setHeight(embed, height) {
    const { min, max } = embed.options;
    const clamped = Math.min(max, Math.max(min, Math.ceil(height)));
    if (clamped === embed.height) return;
    embed.height = clamped;
    embed.iframe.style.setProperty("height", `${clamped}px`, "important");
  }

  function deliver(embed, data) {
    if (typeof data.recommendation !== "string" || !data.answers
        || typeof data.answers !== "object") {
      return;
    }
    embed.element.dispatchEvent(new CustomEvent(`${NAMESPACE}:result`, {
      bubbles: true,
      detail: data,
    }));
  }

  function warnOnce(embed, key, text) {
    if (embed.warned.has(key)) return;
    embed.warned.add(key);
    console.warn(text);
  }

  function forgetRemoved() {
    for (let index = embeds.length - 1; index >= 0; index -= 1) {
      if (!embeds[index].element.isConnected) embeds.splice(index, 1);
    }
  }
})();
