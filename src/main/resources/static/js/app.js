// WorkRelief page behaviour, loaded from our own origin (the CSP allows no inline script).
(function () {
  'use strict';

  // A form marked data-confirm asks before it is sent: irreversible actions need a second thought.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute('data-confirm');
    if (question) {
      // %name% stands for the value chosen in the form's field of that name (e.g. the day of a departure)
      question = question.replace(/%(\w+)%/g, function (token, name) {
        var field = form.elements[name];
        return field && field.value ? field.value : token;
      });
    }
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);

  // htmx requests carry the CSRF token of the page.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });
})();
