// Mermaid without a CDN, and only on pages that draw a diagram.
//
// Material renders diagrams with a global `mermaid` when one exists (else it
// fetches Mermaid from unpkg.com). Defining the real library on every page
// would make each page parse 3.5 MB of script. This stand-in takes Material's
// two calls, initialize() and render(), and loads the copy the site serves
// (assets/vendor/mermaid/, put there by the guide plugin's post-build step)
// the first time a diagram is rendered. It survives Material's instant
// navigation, because it lives as long as the page's JavaScript does.
(function () {
  var script = new URL(
    "../assets/vendor/mermaid/mermaid.min.js",
    document.currentScript.src
  );
  var config = {};
  var loading = null;

  function load() {
    loading =
      loading ||
      new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = script.href;
        tag.onload = function () {
          // The library replaces this stand-in on `window.mermaid`.
          window.mermaid.initialize(config);
          resolve(window.mermaid);
        };
        tag.onerror = function () {
          reject(new Error("could not load " + script.href));
        };
        document.head.appendChild(tag);
      });
    return loading;
  }

  window.mermaid = {
    initialize: function (options) {
      config = options;
    },
    render: function (id, text) {
      return load().then(function (mermaid) {
        return mermaid.render(id, text);
      });
    },
  };
})();
