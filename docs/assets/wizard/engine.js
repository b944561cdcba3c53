// The page's side of the worker: start it, boot it, send it answers.
//
// One EngineClient owns one worker. It reports progress and failure through
// callbacks and never throws at its caller: when something breaks, the
// caller hears `failed(failure)` once, with words for the reader.

import * as failures from "./failures.js";

const DEFAULT_TIMEOUT_SECONDS = 60;

export class EngineClient {
  /**
   * @param {URL} base the folder of wizard.js (the worker is there)
   * @param {string} cacheKey the "?v=…" suffix the page put on wizard.js
   * @param {() => Promise<{runtime: object, url: URL}>} settings where the
   *   runtime lives, as the build wrote it (see readSettings)
   * @param {{stage: Function, ready: Function, result: Function,
   *   failed: Function, late: Function}} on callbacks
   */
  constructor(base, cacheKey, settings, on) {
    this.on = on;
    this.ready = false;
    this.failed = false;
    this.stage = "start";
    this.runtime = null;
    this.worker = null;
    this.timer = 0;
    this.pending = new Map();
    this.nextId = 0;
    this.start(base, cacheKey, settings);
  }

  // Boot: checks, worker, settings, then the worker's own stages.
  start(base, cacheKey, settings) {
    // 1. Refuse early where the engine cannot run at all.
    const blocked = failures.unsupported();
    if (blocked) {
      queueMicrotask(() => this.fail(blocked));
      return;
    }

    // 2. Start the worker first: its script downloads while settings load.
    try {
      const url = new URL(`worker.js${cacheKey}`, base);
      this.worker = new Worker(url, { type: "module" });
    } catch (error) {
      queueMicrotask(() => this.fail(failures.workerFailed(String(error))));
      return;
    }
    this.worker.addEventListener("message", (event) => this.hear(event.data));
    this.worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.fail(failures.workerFailed(event.message || ""));
    });
    this.arm(DEFAULT_TIMEOUT_SECONDS);

    // 3. Boot once the settings are in (their fetch started with the page).
    settings()
      .then(({ runtime, url }) => {
        this.runtime = resolve(runtime, url);
        this.arm(this.runtime.timeout_seconds || DEFAULT_TIMEOUT_SECONDS);
        this.worker.postMessage({ type: "boot", runtime: this.runtime });
      })
      .catch((error) => this.fail(failures.settingsMissing(String(error))));
  }

  /** Ask for a result; the reply comes through on.result(id, json). */
  evaluate(id, answers) {
    if (this.ready) this.worker.postMessage({ type: "evaluate", id, answers });
  }

  /** Ask for the Markdown decision record of a result. */
  record(result) {
    if (!this.ready) return Promise.reject(new Error("engine not ready"));
    const id = `record-${++this.nextId}`;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: "record", id, result });
    });
  }

  /** End the worker; nothing is reported after this. */
  stop() {
    clearTimeout(this.timer);
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this.on = {};
    for (const { reject } of this.pending.values()) {
      reject(new Error("stopped"));
    }
    this.pending.clear();
  }

  hear(message) {
    const on = this.on;
    if (message.type === "stage") {
      this.stage = message.stage;
      on.stage?.(message.stage);
    } else if (message.type === "ready") {
      clearTimeout(this.timer);
      this.ready = true;
      on.ready?.(message.timings);
    } else if (message.type === "result") {
      // The engine's own time, for `make bench` (the rest: messages, DOM).
      performance.mark("wizard:engine", { detail: message.ms });
      on.result?.(message.id, message.json);
    } else if (message.type === "record" || message.type === "error") {
      this.settle(message);
    } else if (message.type === "failed") {
      this.fail(failures.explain(message.failure, this.runtime));
    }
  }

  settle(message) {
    const waiting = this.pending.get(message.id);
    if (!waiting) {
      if (message.type === "error") this.on.error?.(message.message);
      return;
    }
    this.pending.delete(message.id);
    if (message.type === "record") waiting.resolve(message.markdown);
    else waiting.reject(new Error(message.message));
  }

  arm(seconds) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (!this.ready && !this.failed) {
        this.on.late?.(failures.timedOut(seconds, this.stage));
      }
    }, seconds * 1000);
  }

  fail(failure) {
    if (this.failed || this.ready) return;
    this.failed = true;
    clearTimeout(this.timer);
    if (this.worker) this.worker.terminate();
    this.on.failed?.(failure);
  }
}

/**
 * Read assets/wizard/runtime.json, which the site build writes: where the
 * Pyodide runtime, the engine's wheel and the data are. Revalidated on each
 * load (its own address never changes; what it points to carries hashes).
 */
export async function readSettings(url) {
  const response = await fetch(url, { cache: "no-cache" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return { runtime: await response.json(), url };
}

// Settings hold paths relative to runtime.json, or absolute URLs (a CDN).
function resolve(runtime, settingsUrl) {
  const absolute = (path) => new URL(path, settingsUrl).href;
  return {
    ...runtime,
    pyodide: absolute(runtime.pyodide),
    wheel: absolute(runtime.wheel),
    data: absolute(runtime.data),
  };
}
