// Run the engine's evaluate_json under Pyodide in Node, for the parity test
// (tests/test_wizard_parity.py), with the same npm package the site ships.
//
// usage: node run_engine.cjs WHEEL BUNDLE_JSON ANSWER_SETS_JSON OUT_JSON
//   ANSWER_SETS_JSON: a JSON array of answers, each as JSON text (the exact
//     text CPython evaluates, so both sides parse the same characters)
//   OUT_JSON: written as {"python": version, "results": [evaluate_json text]}

const fs = require("node:fs");
const { loadPyodide } = require("pyodide");

async function main([wheelPath, bundlePath, setsPath, outPath]) {
  // 1. Start Python from node_modules/pyodide; nothing is downloaded.
  const pyodide = await loadPyodide();

  // 2. Install the wheel as the page does: unpack it into site-packages.
  const sitePackages = pyodide.runPython(
    "import site; site.getsitepackages()[0]",
  );
  const wheel = new Uint8Array(fs.readFileSync(wheelPath));
  pyodide.unpackArchive(wheel, "wheel", { extractDir: sitePackages });

  // 3. Evaluate every answer set through the JSON entry point.
  const evaluate = pyodide.pyimport("wizard.engine").evaluate_json;
  const bundle = fs.readFileSync(bundlePath, "utf8");
  const sets = JSON.parse(fs.readFileSync(setsPath, "utf8"));
  const results = sets.map((answersJson) => evaluate(answersJson, bundle));

  const python = pyodide.runPython("import sys; sys.version.split()[0]");
  fs.writeFileSync(outPath, JSON.stringify({ python, results }));
}

main(process.argv.slice(2)).catch((error) => {
  console.error(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
