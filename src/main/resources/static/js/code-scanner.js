// Reads a worker code from the QR code on the worker card with the device's back camera, where the
// browser can (BarcodeDetector and a camera): each input[data-scan-code] gets a button after it that
// opens the camera, and the code read goes into the field. Where the browser cannot, nothing is added
// and the code is typed. The button texts come from the page (data-scan-label, data-scan-cancel).
(function () {
  'use strict';

  if (!('BarcodeDetector' in window) || !(navigator.mediaDevices && navigator.mediaDevices.getUserMedia)) {
    return;
  }

  function button(text, className) {
    var element = document.createElement('button');
    element.type = 'button';
    element.className = className;
    element.textContent = text;
    return element;
  }

  function attach(input) {
    var open = button(input.getAttribute('data-scan-label'), 'btn btn-outline-secondary code-scan-open');
    var panel = document.createElement('div');
    panel.className = 'code-scan';
    panel.hidden = true;
    var video = document.createElement('video');
    video.className = 'code-scan-video';
    video.muted = true;
    video.setAttribute('playsinline', '');
    var cancel = button(input.getAttribute('data-scan-cancel'), 'btn btn-outline-secondary code-scan-cancel');
    panel.appendChild(video);
    panel.appendChild(cancel);
    input.insertAdjacentElement('afterend', open);
    // in an input group the button joins the group, the camera goes below it
    (input.closest('.input-group') || open).insertAdjacentElement('afterend', panel);

    var detector = null;
    var stream = null;
    var timer = null;

    function stop() {
      clearTimeout(timer);
      if (stream) {
        stream.getTracks().forEach(function (track) { track.stop(); });
      }
      stream = null;
      video.srcObject = null;
      panel.hidden = true;
      open.disabled = false;
    }

    function look() {
      if (!stream) {
        return;
      }
      detector.detect(video).then(function (codes) {
        if (!stream) {
          return;
        }
        var text = codes.length ? String(codes[0].rawValue).trim().toUpperCase() : '';
        if (!text) {
          timer = setTimeout(look, 200);
          return;
        }
        stop();
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.focus();
      }, function () {
        // no picture yet (the camera is starting): look again
        timer = setTimeout(look, 200);
      });
    }

    open.addEventListener('click', function () {
      detector = detector || new window.BarcodeDetector({ formats: ['qr_code'] });
      open.disabled = true;
      navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(function (camera) {
        stream = camera;
        video.srcObject = camera;
        panel.hidden = false;
        return video.play();
      }).then(look).catch(stop); // the camera refused or missing: the code is typed
    });
    cancel.addEventListener('click', stop);
    // a page left (the form sent) turns the camera off
    window.addEventListener('pagehide', stop);
  }

  var inputs = document.querySelectorAll('input[data-scan-code]');
  if (inputs.length) {
    // some browsers have the detector but read no QR codes with it
    Promise.resolve(window.BarcodeDetector.getSupportedFormats ? window.BarcodeDetector.getSupportedFormats() : ['qr_code'])
      .then(function (formats) {
        if (formats.indexOf('qr_code') >= 0) {
          Array.prototype.forEach.call(inputs, attach);
        }
      }, function () { /* no detector after all: the code is typed */ });
  }
})();
