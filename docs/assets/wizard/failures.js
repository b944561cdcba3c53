// Say why the engine cannot run here, and what the reader can do about it.
//
// Each check or boot stage that can fail maps to one explanation. The
// technical message is kept (under "Technical details") so a bug report
// can quote it, but the first lines are for a reader, not a developer.

const GET_A_BROWSER = "Open the page in a current Chrome, Edge, Firefox or "
  + "Safari.";

/**
 * Return a failure for what this browser or page lacks, or null.
 * Checked before the worker starts, so nothing is downloaded in vain.
 */
export function unsupported() {
  if (location.protocol === "file:") {
    return {
      kind: "file",
      title: "The wizard cannot run from a file",
      detail: "This page was opened from your disk (file://). Browsers do "
        + "not start the wizard's worker or load WebAssembly for pages "
        + "opened that way.",
      todo: [
        "Serve the built site over HTTP, for example with "
          + "`python3 -m http.server --directory site 8000`, and open "
          + "http://127.0.0.1:8000/wizard/.",
      ],
    };
  }
  const missing = [];
  if (typeof WebAssembly !== "object") missing.push("WebAssembly");
  if (typeof Worker !== "function") missing.push("Web Workers");
  if (typeof BigInt64Array !== "function") missing.push("BigInt arrays");
  if (typeof structuredClone !== "function") missing.push("structuredClone");
  if (!missing.length) return null;
  return {
    kind: "browser",
    title: "This browser is too old for the wizard",
    detail: `It lacks ${missing.join(", ")}, which the wizard's Python `
      + "engine needs to run in the page.",
    todo: [GET_A_BROWSER],
  };
}

/**
 * Explain a failure reported by the worker during boot.
 * @param {{stage: string, name: string, message: string}} failure
 * @param {{pyodide: string}} runtime where the runtime was loaded from
 */
export function explain(failure, runtime) {
  const message = `${failure.name}: ${failure.message}`;
  const technical = `stage ${failure.stage} — ${message}`;
  const where = runtime && runtime.pyodide ? runtime.pyodide : "";

  // A Content-Security-Policy that forbids compiling WebAssembly.
  if (/Content.Security.Policy|wasm-unsafe-eval|unsafe-eval/i.test(message)) {
    return {
      kind: "csp",
      title: "A security policy blocks WebAssembly",
      detail: "The server sends a Content-Security-Policy whose script-src "
        + "lacks 'wasm-unsafe-eval', so the browser refuses to compile the "
        + "Python runtime.",
      todo: [
        "Site owners: add 'wasm-unsafe-eval' to script-src, for the page "
          + "and for the worker script (see the README, \"Hosting\").",
        "Readers: the site cannot fix this from your side; use the "
          + "scenario gallery or the command line meanwhile.",
      ],
      technical,
    };
  }

  // The wasm file arrived with the wrong type (a server without the MIME).
  if (/MIME|application\/wasm|magic (number|word)/i.test(message)) {
    return {
      kind: "mime",
      title: "The server sends the runtime with the wrong type",
      detail: "The Python runtime (pyodide.asm.wasm or the .mjs scripts) "
        + "arrived with a Content-Type the browser does not accept.",
      todo: [
        "Site owners: serve .wasm as application/wasm and .mjs as "
          + "text/javascript.",
      ],
      technical,
    };
  }

  if (failure.stage === "start" || failure.stage === "runtime") {
    return {
      kind: "runtime",
      title: "The Python runtime could not be loaded",
      detail: `The browser could not load pyodide.mjs from ${where}. It may `
        + "be blocked by a network filter or extension, missing from the "
        + "server, or sent with a type other than text/javascript.",
      todo: [
        "Reload the page; if that fails, check that nothing blocks "
          + `${where}.`,
        "Site owners: serve .mjs files as text/javascript.",
      ],
      technical,
    };
  }

  if (failure.stage === "python") {
    return {
      kind: "wasm",
      title: "The Python runtime could not start",
      detail: "Downloading or compiling pyodide.asm.wasm (about 10 MB) "
        + "failed. A firewall, proxy or browser extension may block .wasm "
        + "files, or the download was cut off.",
      todo: [
        "Reload the page; if that fails, allow .wasm files from this site.",
        GET_A_BROWSER,
      ],
      technical,
    };
  }

  const what = failure.stage === "engine"
    ? "the engine's wheel"
    : "the decision data (api/v1/data.json)";
  return {
    kind: failure.stage,
    title: "The decision engine could not be loaded",
    detail: `The Python runtime started, but ${what} could not be loaded.`,
    todo: ["Reload the page. If the site was just updated, a reload fetches "
      + "the new files."],
    technical,
  };
}

/** The worker script itself did not start (blocked, missing, wrong type). */
export function workerFailed(detail) {
  return {
    kind: "worker",
    title: "The wizard's worker could not start",
    detail: "The browser refused or could not load the wizard's worker "
      + "script. A Content-Security-Policy without worker-src 'self', a "
      + "blocked request or a wrong Content-Type can cause this.",
    todo: [
      "Reload the page.",
      "Site owners: serve .js and .mjs as text/javascript and allow "
        + "worker-src 'self' (see the README, \"Hosting\").",
    ],
    technical: detail || "",
  };
}

/** The engine did not come up in time: say so instead of spinning on. */
export function timedOut(seconds, stage) {
  return {
    kind: "timeout",
    title: `Still loading after ${seconds} seconds`,
    detail: `The Python engine has not finished starting (stage: ${stage}). `
      + "On a slow connection the first visit downloads about 13 MB; it "
      + "keeps loading in the background and the result appears here if "
      + "it finishes.",
    todo: [
      "Wait a little longer, or reload the page.",
      "If it never finishes, something between you and this site may be "
        + "holding back .wasm or .zip files.",
    ],
  };
}

/** The runtime settings written by the site build are missing. */
export function settingsMissing(detail) {
  return {
    kind: "settings",
    title: "The wizard's settings are missing",
    detail: "assets/wizard/runtime.json could not be read. The site may "
      + "have been built without the guide plugin, or only partly copied.",
    todo: ["Site owners: build with `make build` and publish the whole "
      + "site/ folder."],
    technical: detail || "",
  };
}
