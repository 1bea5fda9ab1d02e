// Sends the CSRF token with every htmx request (the CSP allows no inline script, so this lives here).
document.addEventListener('htmx:configRequest', function (event) {
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});

// Copy buttons: <button data-copy="#element-id">Copy</button>
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy]');
  if (!button) return;
  var source = document.querySelector(button.getAttribute('data-copy'));
  if (!source || !navigator.clipboard) return;
  navigator.clipboard.writeText(source.value || source.textContent).then(function () {
    var label = button.textContent;
    button.textContent = button.getAttribute('data-copied') || 'Copied';
    setTimeout(function () { button.textContent = label; }, 1500);
  });
});

// Asks before a destructive action: <form data-confirm="Really?">
document.addEventListener('submit', function (event) {
  var form = event.target;
  var question = form.getAttribute && form.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

// htmx leaves 4xx answers unswapped; a 422 carries the form again with what to fix, so show it.
document.addEventListener('htmx:beforeSwap', function (event) {
  if (event.detail.xhr.status === 422) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
