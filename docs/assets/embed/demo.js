// The live demo on the page "Embedding the wizard" (issue #5): show each
// result event the embedded wizard sends, as the host page receives it.
//
// Material's instant navigation runs this script again on every visit to
// the page, so it listens once, on the document, and looks for the demo's
// log at the moment an event arrives.
(function () {
  "use strict";

  const EVENT = "agent-compute-guide:result";
  if (window.agentComputeGuideDemo) return;
  window.agentComputeGuideDemo = true;

  document.addEventListener(EVENT, (event) => {
    const log = document.getElementById("embed-demo-log");
    const status = document.querySelector(".embed-demo__status");
    if (!log || !event.target.closest("#embed-demo")) return;

    // The engine's whole result is long; the log shows its keys only.
    const { result, ...message } = event.detail;
    const shown = { ...message, result: `{${Object.keys(result).join(", ")}}` };
    log.textContent = JSON.stringify(shown, null, 2);
    if (status) {
      status.textContent = `Received ${EVENT}: recommendation `
        + `${message.recommendation}, data version ${message.data_version}.`;
    }
  });
})();
