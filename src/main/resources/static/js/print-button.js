// A button marked data-print prints the page (the CSP forbids inline handlers).
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.addEventListener('click', function () { window.print(); });
});
