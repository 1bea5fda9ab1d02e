// Uploads for any <form data-uploader>: each chosen or dropped file goes on its own, as the raw request body
// (name in X-File-Name, CSRF token in X-CSRF-TOKEN, the form's other fields in the query string), with a progress
// bar; the server's message shows when a file is refused. Without this script the form posts the files as multipart.
(function () {
  function csrf(form) {
    var input = form.querySelector('input[name="_csrf"]');
    var meta = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    return {
      header: header ? header.content : 'X-CSRF-TOKEN',
      token: input ? input.value : (meta ? meta.content : '')
    };
  }

  function address(form) {
    var params = new URLSearchParams();
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.name === '_csrf' || field.type === 'file' || field.disabled) return;
      if ((field.type === 'checkbox' || field.type === 'radio') && !field.checked) return;
      params.append(field.name, field.value);
    });
    var query = params.toString();
    var action = form.getAttribute('action');
    return query ? action + (action.indexOf('?') < 0 ? '?' : '&') + query : action;
  }

  function row(list, file) {
    var item = document.createElement('li');
    var name = document.createElement('span');
    name.className = 'upload-name';
    name.textContent = file.name;
    var bar = document.createElement('progress');
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-label', file.name);
    var status = document.createElement('span');
    status.className = 'upload-status';
    item.appendChild(name);
    item.appendChild(bar);
    item.appendChild(status);
    list.appendChild(item);
    return { item: item, bar: bar, status: status };
  }

  function fail(line, message) {
    line.item.classList.add('failed');
    line.bar.hidden = true;
    line.status.textContent = message;
    line.status.setAttribute('role', 'alert');
  }

  function send(form, file, line, messages, done) {
    var xhr = new XMLHttpRequest();
    var token = csrf(form);
    xhr.open('POST', address(form));
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.setRequestHeader('Accept', 'application/json');
    if (token.token) xhr.setRequestHeader(token.header, token.token);
    xhr.upload.addEventListener('progress', function (event) {
      if (event.lengthComputable) line.bar.value = Math.round(event.loaded * 100 / event.total);
    });
    xhr.addEventListener('load', function () {
      if (xhr.status === 201) {
        line.bar.value = 100;
        line.item.classList.add('done');
        line.status.textContent = messages.done;
        done(true);
        return;
      }
      var message = messages.failed;
      try {
        var body = JSON.parse(xhr.responseText);
        if (body && body.message) message = body.message;
      } catch (ignored) { /* not JSON: the general message */ }
      fail(line, message);
      done(false);
    });
    xhr.addEventListener('error', function () { fail(line, messages.failed); done(false); });
    xhr.send(file);
  }

  // Reloads the form's list (data-refresh: its selector, data-refresh-url: where it comes from), or the page.
  function refresh(form) {
    var target = form.getAttribute('data-refresh');
    var url = form.getAttribute('data-refresh-url');
    if (target && url && window.htmx && document.querySelector(target)) {
      window.htmx.ajax('GET', url, { target: target, swap: 'outerHTML', select: target });
    } else {
      window.location.reload();
    }
  }

  function upload(form, files) {
    var zone = form.querySelector('[data-dropzone]') || form;
    var list = form.querySelector('[data-progress]');
    var max = parseInt(form.getAttribute('data-max-bytes') || '0', 10);
    var messages = {
      done: zone.getAttribute('data-done') || 'Uploaded',
      failed: zone.getAttribute('data-failed') || 'The upload did not go through.',
      tooLarge: zone.getAttribute('data-too-large') || 'This file is too large.',
      waiting: zone.getAttribute('data-waiting') || ''
    };
    // choosing files starts the upload; pressing the button meanwhile must not send them a second time
    if (!list || !files.length || form.getAttribute('data-busy')) return;
    form.setAttribute('data-busy', 'true');
    var picker = form.querySelector('input[type="file"]');
    if (picker && !picker.multiple) files = [files[0]];
    list.innerHTML = '';
    var queue = [];
    Array.prototype.forEach.call(files, function (file) {
      var line = row(list, file);
      if (max > 0 && file.size > max) {
        fail(line, messages.tooLarge);
      } else {
        line.status.textContent = messages.waiting;
        queue.push({ file: file, line: line });
      }
    });
    var stored = 0;
    var failed = files.length - queue.length;
    // one file at a time: a slow connection finishes files instead of starting all of them
    function next() {
      var entry = queue.shift();
      if (!entry) {
        form.removeAttribute('data-busy');
        var input = form.querySelector('input[type="file"]');
        if (input) input.value = '';
        if (stored > 0 && failed === 0) refresh(form);
        else if (stored > 0) form.setAttribute('data-stale', 'true');
        return;
      }
      entry.line.status.textContent = '';
      send(form, entry.file, entry.line, messages, function (ok) {
        if (ok) stored++; else failed++;
        next();
      });
    }
    next();
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.matches || !form.matches('form[data-uploader]') || event.defaultPrevented) return;
    event.preventDefault();
    var input = form.querySelector('input[type="file"]');
    if (input && input.files.length) upload(form, input.files);
  });

  document.addEventListener('change', function (event) {
    var input = event.target;
    if (input.type !== 'file') return;
    var form = input.closest('form[data-uploader]');
    if (form && input.files.length) upload(form, input.files);
  });

  ['dragenter', 'dragover'].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var zone = event.target.closest && event.target.closest('form[data-uploader] [data-dropzone]');
      if (!zone) return;
      event.preventDefault();
      zone.classList.add('dragging');
    });
  });

  document.addEventListener('dragleave', function (event) {
    var zone = event.target.closest && event.target.closest('[data-dropzone]');
    if (zone && !zone.contains(event.relatedTarget)) zone.classList.remove('dragging');
  });

  document.addEventListener('drop', function (event) {
    var zone = event.target.closest && event.target.closest('form[data-uploader] [data-dropzone]');
    if (!zone) return;
    event.preventDefault();
    zone.classList.remove('dragging');
    if (event.dataTransfer && event.dataTransfer.files.length) {
      upload(zone.closest('form'), event.dataTransfer.files);
    }
  });
})();
