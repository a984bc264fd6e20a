// The resolve forms of an overlap: the "other reason" field shows only when a department that the
// overlap does not involve is chosen to lead or cooperate (the server requires it then, and checks
// again whatever the browser did).
(function () {
  document.querySelectorAll("form").forEach(function (form) {
    var box = form.querySelector(".other-reason");
    if (!box) { return; }
    var involved = JSON.parse(box.getAttribute("data-involved") || "[]");
    var selects = form.querySelectorAll("select.resolve-department");
    function update() {
      var outside = false;
      selects.forEach(function (select) {
        Array.prototype.forEach.call(select.selectedOptions, function (option) {
          if (option.value && involved.indexOf(option.value) < 0) { outside = true; }
        });
      });
      var text = box.querySelector("textarea");
      box.hidden = !outside && !text.value && !box.querySelector(".error-box");
      text.required = outside;
    }
    selects.forEach(function (select) { select.addEventListener("change", update); });
    update();
  });
})();
