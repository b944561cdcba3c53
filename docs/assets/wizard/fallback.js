// A classic script beside wizard.js, for when wizard.js never runs: a page
// opened from file:// (browsers refuse modules there), a browser without
// ES modules, or a wizard.js that was blocked or sent with the wrong type.
// It keeps the promise the page makes: never an endless "loading".
(function () {
  var GRACE_MS = 15000;
  var FILE = "This page was opened from a file (file://), and browsers do "
    + "not run the wizard's engine for pages opened that way. Serve the "
    + "site over HTTP instead, for example: python3 -m http.server "
    + "--directory site 8000, then open http://127.0.0.1:8000/wizard/.";
  var OLD = "This browser is too old for the wizard: it cannot run the "
    + "Python engine. Open the page in a current Chrome, Edge, Firefox or "
    + "Safari.";
  var MISSING = "The wizard's script (assets/wizard/wizard.js) did not "
    + "start. It may be blocked by an extension or a network filter, or the "
    + "server may send .js files with a type other than text/javascript. "
    + "Reload the page to try again.";
  var AFTER = " Your answers stay in this page's address. Meanwhile, the "
    + "scenario gallery shows worked examples.";

  function show(kind, text) {
    var result = document.getElementById("wizard-result");
    var root = document.querySelector("[data-wizard]");
    if (!result || !root || root.getAttribute("data-mounted")) return;
    result.setAttribute("data-state", "failed");
    result.setAttribute("data-failure", kind);
    var note = document.createElement("p");
    note.className = "wizard-status";
    note.appendChild(document.createTextNode(text + AFTER + " "));
    var gallery = document.createElement("a");
    gallery.setAttribute("href", "../scenarios/");
    gallery.appendChild(document.createTextNode("Open the scenario gallery."));
    note.appendChild(gallery);
    while (result.firstChild) result.removeChild(result.firstChild);
    result.appendChild(note);
  }

  if (location.protocol === "file:") {
    show("file", FILE);
  } else if (!("noModule" in document.createElement("script"))) {
    show("browser", OLD);
  } else {
    setTimeout(function () {
      show("script", MISSING);
    }, GRACE_MS);
  }
})();
