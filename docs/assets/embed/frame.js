// The embedded wizard's settings (issue #5), read before the page draws.
//
// The embed page (embed/) is the wizard framed by another site. Its address
// carries the answers, exactly as on the wizard page, and these settings:
//
//   locked, hidden   question ids, comma-separated (embedding.js checks
//                    them against the questions once the form is there)
//   theme            light | dark | auto
//   accent           a hex colour: #rgb or #rrggbb, the "#" optional
//   lang             a BCP 47 tag that Intl.DateTimeFormat supports
//   origin           the host's origin, the only target of messages
//
// This classic script runs first in <body>, so the colour scheme and the
// accent apply before the first paint. It keeps the valid settings in
// window.agentComputeGuideFrame for the wizard's glue (embedding.js) and
// notes each one it ignored: nothing from the address becomes markup or
// CSS text without passing a strict pattern first.
//
// The contract (semver): wizard/site/embed_contract.py.
(function () {
  "use strict";

  const VERSION = "1.0.0";
  const NAMES = ["locked", "hidden", "theme", "accent", "lang", "origin"];
  const THEMES = ["light", "dark", "auto"];
  const ID = /^[a-z][a-z0-9_]{0,63}$/;
  const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;
  const MAX_TAG = 35;
  const MAX_SHOWN = 40;
  // WCAG AA for text: links in the accent colour must reach it.
  const MIN_CONTRAST = 4.5;
  const READERS = {
    theme: readTheme, accent: readAccent, lang: readLang, origin: readOrigin,
  };
  const EXPECTED = {
    theme: `expected one of ${THEMES.join(", ")}`,
    accent: "expected a hex colour such as #0b7285",
    lang: "expected a language tag this browser knows, such as de or en-GB",
    origin: "expected an origin such as https://portal.example.com",
  };

  // 1. Read and check every setting.
  const read = readSettings(location.search);

  // 2. Paint: the colour scheme, then the accent against its background.
  paint(read.settings);

  // 3. Hand the result to the wizard's glue.
  window.agentComputeGuideFrame = Object.freeze({
    version: VERSION,
    names: Object.freeze(NAMES.slice()),
    settings: Object.freeze(read.settings),
    notices: Object.freeze(read.notices),
    query: settingsQuery(read.settings, read.given),
  });

  function readSettings(search) {
    const params = new URLSearchParams(search);
    const settings = {
      locked: [], hidden: [], theme: "auto", accent: "", lang: "", origin: "",
    };
    const notices = [];
    const given = [];
    for (const name of NAMES) {
      const values = params.getAll(name).map((value) => value.trim());
      if (!values.length || values.every((value) => value === "")) continue;
      const value = name === "locked" || name === "hidden"
        ? readIds(name, values, notices)
        : readOne(name, values, notices);
      if (value === undefined) continue;
      settings[name] = value;
      given.push(name);
    }
    return { settings, notices, given };
  }

  function readIds(name, values, notices) {
    const items = values.flatMap((value) => value.split(","))
      .map((item) => item.trim()).filter(Boolean);
    const bad = items.filter((item) => !ID.test(item));
    if (bad.length) {
      notices.push(`Ignored in ${name}: ${bad.map(quote).join(", ")} `
        + "(not a question id).");
    }
    const ids = [...new Set(items.filter((item) => ID.test(item)))];
    return ids.length ? ids : undefined;
  }

  function readOne(name, values, notices) {
    const distinct = [...new Set(values.filter((value) => value !== ""))];
    if (distinct.length > 1) {
      notices.push(`Ignored ${name}: given more than once with different `
        + "values.");
      return undefined;
    }
    const value = distinct[0];
    const parsed = READERS[name](value);
    if (parsed === undefined) {
      notices.push(`Ignored ${name}=${quote(value)}: ${EXPECTED[name]}.`);
    }
    return parsed;
  }

  function readTheme(value) {
    return THEMES.includes(value) ? value : undefined;
  }

  function readAccent(value) {
    const match = HEX.exec(value);
    if (!match) return undefined;
    const digits = match[1].toLowerCase();
    const full = digits.length === 3
      ? digits.split("").map((digit) => digit + digit).join("")
      : digits;
    return `#${full}`;
  }

  // A tag the browser can format dates in, in its canonical spelling.
  function readLang(value) {
    if (value.length > MAX_TAG) return undefined;
    try {
      const tag = Intl.getCanonicalLocales(value)[0];
      const supported = Intl.DateTimeFormat.supportedLocalesOf([tag]);
      return supported.length ? tag : undefined;
    } catch {
      return undefined;
    }
  }

  // An origin and nothing more: no path, query, fragment or credentials.
  function readOrigin(value) {
    let url;
    try {
      url = new URL(value);
    } catch {
      return undefined;
    }
    const plain = url.protocol === "https:" || url.protocol === "http:";
    const bare = !url.username && !url.password && url.pathname === "/"
      && !url.search && !url.hash;
    const exact = value.replace(/\/$/, "").toLowerCase() === url.origin;
    return plain && bare && exact ? url.origin : undefined;
  }

  // The valid settings as a query, for embedding.js to keep in the address.
  function settingsQuery(settings, given) {
    return given.map((name) => {
      const value = settings[name];
      if (Array.isArray(value)) return `${name}=${value.join(",")}`;
      const text = name === "accent" ? value.slice(1) : value;
      return `${name}=${encodeURIComponent(text)}`;
    }).join("&");
  }

  // --- colours ---

  function paint(settings) {
    const dark = window.matchMedia("(prefers-color-scheme: dark)");
    const apply = () => {
      const night = settings.theme === "dark"
        || (settings.theme === "auto" && dark.matches);
      document.body.setAttribute("data-md-color-scheme",
        night ? "slate" : "default");
      if (settings.accent) applyAccent(settings.accent);
    };
    apply();
    if (settings.theme === "auto") dark.addEventListener("change", apply);
  }

  // Material's palette variables, from one colour. Text in the accent
  // (links, outlined buttons) must read on the background: the colour moves
  // towards black or white until it does. Text on it is black or white,
  // whichever reads better (at least 4.58:1 for any colour).
  function applyAccent(hex) {
    const accent = rgbOf(hex);
    const background = rgbOf(getComputedStyle(document.body).backgroundColor)
      || [255, 255, 255];
    const text = readable(accent, background);
    const style = document.body.style;
    const set = (name, value) => style.setProperty(name, value);
    set("--md-primary-fg-color", css(text));
    set("--md-primary-fg-color--light", css(text));
    set("--md-primary-fg-color--dark", css(text));
    set("--md-primary-bg-color", onColour(text));
    set("--md-primary-bg-color--light", onColour(text));
    set("--md-accent-fg-color", hex);
    set("--md-accent-fg-color--transparent", `${hex}1a`);
    set("--md-accent-bg-color", onColour(accent));
    set("--md-typeset-a-color", css(text));
  }

  function onColour(rgb) {
    return contrast(rgb, [0, 0, 0]) > contrast(rgb, [255, 255, 255])
      ? "#000000"
      : "#ffffff";
  }

  function readable(color, background) {
    const towards = luminance(background) > 0.18 ? 0 : 255;
    let mixed = color;
    for (let step = 1; step <= 20; step += 1) {
      if (contrast(mixed, background) >= MIN_CONTRAST) break;
      mixed = color.map((channel) =>
        Math.round(channel + (towards - channel) * (step / 20)));
    }
    return mixed;
  }

  function rgbOf(text) {
    const hex = HEX.exec(text || "");
    if (hex) {
      const full = readAccent(text).slice(1);
      return [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16));
    }
    const numbers = String(text || "").match(/[\d.]+/g);
    return numbers && numbers.length >= 3
      ? numbers.slice(0, 3).map(Number)
      : null;
  }

  function contrast(one, two) {
    const [light, dark] = [luminance(one), luminance(two)]
      .sort((a, b) => b - a);
    return (light + 0.05) / (dark + 0.05);
  }

  function luminance(rgb) {
    const [r, g, b] = rgb.map((channel) => {
      const c = channel / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }

  function css(rgb) {
    return `rgb(${rgb.join(", ")})`;
  }

  // A value from the address in a notice: short, and only ever shown as
  // text (embedding.js puts notices in with textContent).
  function quote(value) {
    const text = String(value).replace(/[\u0000-\u001f\u007f]/g, "?");
    return `“${text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…`
      : text}”`;
  }
})();
