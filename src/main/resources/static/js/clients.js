// The client list's bulk bar: shown once a client (or "all matching") is ticked. Without this script the bar is
// simply always there, and the form works the same.
(function () {
  var form = document.getElementById('bulk-form');
  var bar = document.getElementById('bulk-bar');
  if (!form || !bar) return;
  var boxes = form.querySelectorAll('[data-client-box]');
  var pageBox = form.querySelector('[data-select-page]');
  var allMatching = form.querySelector('[data-all-matching]');
  var role = document.getElementById('bulk-role');
  var onlyEmptyLabel = form.querySelector('[data-only-empty-label]');

  function anyTicked() {
    if (allMatching && allMatching.checked) return true;
    for (var i = 0; i < boxes.length; i++) {
      if (boxes[i].checked) return true;
    }
    return false;
  }

  function update() {
    bar.hidden = !anyTicked();
    if (pageBox) {
      var all = boxes.length > 0;
      for (var i = 0; i < boxes.length; i++) {
        if (!boxes[i].checked) { all = false; break; }
      }
      pageBox.checked = all;
    }
  }

  // "Only clients with no current <role>" names the role picked in the bar
  function updateRoleLabel() {
    if (!role || !onlyEmptyLabel) return;
    var template = onlyEmptyLabel.getAttribute('data-template');
    var picked = role.options[role.selectedIndex];
    if (template && picked) onlyEmptyLabel.textContent = template.replace('{role}', picked.text);
  }

  form.addEventListener('change', function (event) {
    var target = event.target;
    if (target === pageBox) {
      for (var i = 0; i < boxes.length; i++) boxes[i].checked = pageBox.checked;
    }
    else if (target === allMatching && allMatching.checked) {
      for (var j = 0; j < boxes.length; j++) boxes[j].checked = true;
    }
    else if (target === role) {
      updateRoleLabel();
    }
    update();
  });

  updateRoleLabel();
  update();
})();
