// ID and bank card numbers checked as they are typed: the same rules as the server's ResidentIdNumber
// (GB 11643, check character ISO 7064 MOD 11-2) and BankCardNumber (16 to 19 digits, Luhn), which
// checks them again on saving. The messages come from the page (data-msg-*), in the user's language.
(function () {
  'use strict';

  var WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  var CHECK_CHARACTERS = '10X98765432';

  // Each check answers the name of the broken rule (the data-msg-* attribute holding its message), or null.
  // "typing" is true while the user may still be typing: a number that is only too short is not yet wrong.
  function idNumberProblem(typed, typing) {
    var number = typed.replace(/\s/g, '').toUpperCase();
    if (!/^\d{0,17}$|^\d{17}X$|^\d{18}$/.test(number.substring(0, 18))) {
      return 'format';
    }
    if (number.length !== 18) {
      return typing && number.length < 18 ? null : 'length';
    }
    var sum = 0;
    for (var i = 0; i < 17; i++) {
      sum += (number.charCodeAt(i) - 48) * WEIGHTS[i];
    }
    if (number.charAt(17) !== CHECK_CHARACTERS.charAt(sum % 11)) {
      return 'check';
    }
    var year = parseInt(number.substring(6, 10), 10);
    var month = parseInt(number.substring(10, 12), 10);
    var day = parseInt(number.substring(12, 14), 10);
    var born = new Date(Date.UTC(year, month - 1, day));
    if (year < 1900 || born.getUTCFullYear() !== year || born.getUTCMonth() !== month - 1 || born.getUTCDate() !== day) {
      return 'birthDate';
    }
    return null;
  }

  function bankCardProblem(typed, typing) {
    var number = typed.replace(/[\s-]/g, '');
    if (!/^\d*$/.test(number) || number.length > 19) {
      return 'format';
    }
    if (number.length < 16) {
      return typing ? null : 'format';
    }
    var sum = 0;
    var doubled = false;
    for (var i = number.length - 1; i >= 0; i--) {
      var digit = number.charCodeAt(i) - 48;
      if (doubled) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubled = !doubled;
    }
    // while typing, a 16- to 18-digit number may be the start of a longer card: judged when complete
    if (sum % 10 !== 0 && !(typing && number.length < 19)) {
      return 'check';
    }
    return null;
  }

  var CHECKS = { 'id-number': idNumberProblem, 'bank-card': bankCardProblem };

  document.querySelectorAll('input[data-check]').forEach(function (input) {
    var check = CHECKS[input.getAttribute('data-check')];
    if (!check) {
      return;
    }
    // the server's message, if the page came back with one, is replaced by the live one
    var feedback = input.parentNode.querySelector('.invalid-feedback');
    if (!feedback) {
      feedback = document.createElement('div');
      feedback.className = 'invalid-feedback';
      input.insertAdjacentElement('afterend', feedback);
    }
    feedback.id = input.id + '-check';
    feedback.setAttribute('aria-live', 'polite');
    input.setAttribute('aria-describedby', feedback.id);

    function run(typing) {
      var value = input.value.trim();
      // an empty field is left to the server: on an edit it keeps the stored number
      var problem = value === '' ? null : check(value, typing);
      var message = problem ? input.getAttribute('data-msg-' + problem.replace(/[A-Z]/g, function (c) {
        return '-' + c.toLowerCase();
      })) : '';
      feedback.textContent = message;
      input.classList.toggle('is-invalid', !!problem);
      input.classList.toggle('is-valid', !problem && value !== '' && !typing);
      input.setCustomValidity(message);
    }

    input.addEventListener('input', function () { run(true); });
    input.addEventListener('blur', function () { run(false); });
    if (input.value.trim() !== '' && !input.classList.contains('is-invalid')) {
      run(false);
    }
  });
})();
