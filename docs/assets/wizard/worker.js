// The wizard's module worker: loads Pyodide, installs the engine's wheel
// and answers the page's requests with the very engine the tests run.
//
// It runs in a Web Worker because a cold Pyodide start blocks its thread
// for seconds; the page stays responsive while this one is busy.
//
// Messages in (from wizard.js):
//   {type: "boot", runtime}            start once, runtime from runtime.js
//   {type: "evaluate", id, answers}    answers: question id -> value
//   {type: "record", id, result}       result: as "evaluate" returned it
// Messages out:
//   {type: "stage", stage}             boot progress, for the status line
//   {type: "ready", timings}           the engine answers from now on
//   {type: "result", id, json, ms}     evaluate_json's text, unparsed, and
//                                      the milliseconds the engine took
//   {type: "record", id, markdown}     the MADR decision record
//   {type: "failed", failure}          {stage, name, message}: boot failed
//   {type: "error", id, message}       one request failed; boot still good

let engine = null;
let stage = "start";

self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (message.type === "boot") {
    boot(message.runtime).catch(fail);
  } else if (message.type === "evaluate") {
    answer(message.id, "result", () => {
      const started = performance.now();
      const json = engine.evaluate(JSON.stringify(message.answers));
      return { json, ms: performance.now() - started };
    });
  } else if (message.type === "record") {
    answer(message.id, "record", () => ({
      markdown: engine.record(JSON.stringify(message.result)),
    }));
  }
});

// Boot: four stages, each named so a failure can say which one broke.
async function boot(runtime) {
  const started = performance.now();
  const timings = {};
  const mark = (name) => {
    timings[name] = Math.round(performance.now() - started);
  };

  // 1. Start every download at once: the wheel and the data are small and
  //    arrive while the runtime compiles.
  enter("runtime");
  const wheel = fetchBytes(runtime.wheel, "engine wheel");
  const data = fetchBundle(runtime.data);
  wheel.catch(() => {});
  data.catch(() => {});
  const { loadPyodide } = await import(runtime.pyodide + "pyodide.mjs");
  mark("runtime");

  // 2. Start Python. The wasm file is most of the wait.
  enter("python");
  const pyodide = await Promise.race([
    loadPyodide({ indexURL: runtime.pyodide }),
    wasmFailure(),
  ]);
  mark("python");

  // 3. Install the engine: a pure-Python wheel is a zip file; unpacking it
  //    into site-packages is all an install needs (no micropip).
  enter("engine");
  // `site` is loaded already; sysconfig would cost an import (~25-100 ms).
  const sitePackages = pyodide.runPython(
    "import site; site.getsitepackages()[0]",
  );
  pyodide.unpackArchive(await wheel, "wheel", { extractDir: sitePackages });
  mark("engine");

  // 4. Hand the engine the data, once; later calls send only answers.
  enter("data");
  engine = bindEngine(pyodide, await data);
  mark("data");

  enter("ready");
  self.postMessage({ type: "ready", timings });
}

// Pyodide 314 reports a wasm file it cannot fetch or compile (blocked, wrong
// type, a CSP without 'wasm-unsafe-eval') only as two console warnings, and
// its loadPyodide() then never settles. Turn those warnings, and the fetch
// rejection it leaves unhandled, into a failure the page can explain.
// TODO(#4): drop once loadPyodide() rejects on a failed instantiation.
function wasmFailure() {
  return new Promise((_, reject) => {
    const warn = console.warn;
    let failing = false;
    console.warn = (...args) => {
      warn.apply(console, args);
      if (args[0] === "wasm instantiation failed!") failing = true;
      else if (failing) reject(args[0]);
    };
    self.addEventListener("unhandledrejection", (event) => {
      if (engine !== null) return;
      event.preventDefault();
      reject(event.reason);
    });
  });
}

// The Python side of the bridge: text in, text out, nothing else crosses.
// The bundle crosses once, as JSON text; evaluate_json keeps it parsed.
function bindEngine(pyodide, bundleJson) {
  const scope = pyodide.globals.get("dict")();
  scope.set("BUNDLE_JSON", bundleJson);
  pyodide.runPython(
    [
      "import json",
      "from wizard.engine import evaluate_json",
      "from wizard.engine.record import render_markdown",
      "def evaluate(answers_json):",
      "    return evaluate_json(answers_json, BUNDLE_JSON)",
      "def record(result_json):",
      "    bundle = json.loads(BUNDLE_JSON)",
      "    return render_markdown(json.loads(result_json), bundle)",
    ].join("\n"),
    { globals: scope },
  );
  return { evaluate: scope.get("evaluate"), record: scope.get("record") };
}

function answer(id, type, work) {
  if (engine === null) {
    self.postMessage({ type: "error", id, message: "engine not ready" });
    return;
  }
  try {
    self.postMessage({ type, id, ...work() });
  } catch (error) {
    self.postMessage({ type: "error", id, message: String(error) });
  }
}

function enter(name) {
  stage = name;
  self.postMessage({ type: "stage", stage: name });
}

function fail(error) {
  const failure = {
    stage,
    name: (error && error.name) || "Error",
    message: String((error && error.message) || error).slice(0, 2000),
  };
  self.postMessage({ type: "failed", failure });
}

async function fetchBytes(url, what) {
  const response = await fetchChecked(url, what);
  return new Uint8Array(await response.arrayBuffer());
}

// api/v1/data.json wraps the bundle in the published document (schema and
// data versions around it); the engine takes the bundle alone.
async function fetchBundle(url) {
  const published = await (await fetchChecked(url, "data file")).json();
  return JSON.stringify(published.bundle || published);
}

async function fetchChecked(url, what) {
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`could not download the ${what} (${url}): ${error}`);
  }
  if (!response.ok) {
    const status = `${response.status} ${response.statusText}`.trim();
    throw new Error(`could not download the ${what} (${url}): ${status}`);
  }
  return response;
}
