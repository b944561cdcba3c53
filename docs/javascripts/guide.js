// Material wraps the copy button of every code block in an unnamed <nav>.
// Several navigation landmarks with the same (empty) name fail axe-core's
// landmark-unique rule, so give each one a name of its own.
// TODO(#2): drop this once Material names (or stops using) that <nav>.
(function () {
  function name(root) {
    var navs = root.querySelectorAll(".md-code__nav:not([aria-label])");
    navs.forEach(function (nav) {
      var block = (nav.parentElement && nav.parentElement.id) || "";
      var number = Number(block.replace(/\D+/g, "")) + 1;
      var label = block ? "Code block " + number + " actions" : "Code actions";
      nav.setAttribute("aria-label", label);
    });
  }
  // Material adds the buttons after the page loads, and again after each
  // instant navigation.
  new MutationObserver(function () {
    name(document);
  }).observe(document.documentElement, { childList: true, subtree: true });
  name(document);
})();

// Material's search dialog (role="dialog") has no accessible name, which
// fails axe-core's aria-dialog-name rule. Name it after the search field.
// TODO(#2): drop this once Material names the dialog itself.
(function () {
  var dialog = document.querySelector('.md-search[role="dialog"]');
  if (dialog && !dialog.hasAttribute("aria-label")) {
    var input = dialog.querySelector(".md-search__input");
    dialog.setAttribute(
      "aria-label",
      (input && input.getAttribute("aria-label")) || "Search"
    );
  }
})();
