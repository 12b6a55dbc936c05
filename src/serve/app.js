// Progressive enhancement of the dry-run form: show only the fields the
// chosen item uses. Without this script every field shows and the form
// works the same. Hidden fields are disabled so that they are not sent.
(function () {
  "use strict";
  var form = document.getElementById("claim");
  var item = document.getElementById("item");
  var list = document.getElementById("items");
  if (!form || !item || !list) { return; }
  var optional = ["quantity", "amount", "ref", "tags", "score"];
  form.querySelectorAll("[data-field^='fact_']").forEach(function (f) {
    optional.push(f.getAttribute("data-field"));
  });
  function chosen() {
    var v = item.value.trim().toLowerCase();
    var options = list.querySelectorAll("option");
    for (var i = 0; i < options.length; i++) {
      var o = options[i];
      if (o.value.toLowerCase() === v || o.getAttribute("data-id") === v) { return o; }
    }
    return null;
  }
  function update() {
    var o = chosen();
    var uses = o ? o.getAttribute("data-fields").split(" ") : optional;
    optional.forEach(function (name) {
      var field = form.querySelector("[data-field='" + name + "']");
      if (!field) { return; }
      // A field that shows a problem stays, so that the problem is seen.
      var off = uses.indexOf(name) < 0 && !field.querySelector(".problem");
      field.hidden = off;
      field.querySelectorAll("input, select").forEach(function (el) { el.disabled = off; });
    });
  }
  // The page hides the fields of a result itself; this says the script ran.
  form.setAttribute("data-script", "ran");
  item.addEventListener("input", update);
  item.addEventListener("change", update);
  update();
})();
