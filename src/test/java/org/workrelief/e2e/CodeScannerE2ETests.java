package org.workrelief.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.workrelief.support.BrowserJourney;

/**
 * static/js/code-scanner.js on a page of its own (src/test/resources/static/test): where the browser has
 * no BarcodeDetector (headless Chromium on Linux has none) the field is left as it is, to be typed;
 * where it has one and a camera, a button opens the back camera, the code read goes into the field,
 * and the camera is turned off. The detector and the camera are stand-ins the browser is given before
 * the page loads: a detector that sees the card once the test shows it, a camera drawing on a canvas.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CodeScannerE2ETests extends BrowserJourney {

    static final String PAGE = "/static/test/code-scanner.html";

    static final String STAND_INS = """
            window.cardShown = false;
            window.inputEvents = [];
            document.addEventListener('input', function (event) { window.inputEvents.push(event.target.id + '=' + event.target.value); });
            window.BarcodeDetector = class {
              constructor(options) { window.detectorFormats = options.formats; }
              static getSupportedFormats() { return Promise.resolve(['qr_code', 'ean_13']); }
              detect(video) { return Promise.resolve(window.cardShown ? [{ rawValue: ' js000123 ', format: 'qr_code' }] : []); }
            };
            window.cameras = [];
            navigator.mediaDevices.getUserMedia = function (constraints) {
              window.cameraAsked = JSON.stringify(constraints);
              var canvas = document.createElement('canvas');
              canvas.width = 64; canvas.height = 64;
              canvas.getContext('2d').fillRect(0, 0, 64, 64);
              var stream = canvas.captureStream(5);
              window.cameras.push(stream);
              return Promise.resolve(stream);
            };
            """;

    @Test
    void withoutABarcodeDetectorTheFieldIsLeftToBeTyped() {
        openBrowser();
        browser.go(PAGE);
        browser.type("#code", "JS000042");

        assertThat(script("return 'BarcodeDetector' in window")).as("this browser has a BarcodeDetector").isEqualTo(false);
        assertThat(script("return performance.getEntriesByType('resource').filter(function (r) {"
                + " return r.name.endsWith('/static/js/code-scanner.js') && r.responseStatus === 200; }).length")).isEqualTo(1L);
        assertThat(browser.driver().findElements(By.cssSelector("button, video"))).isEmpty();
        assertThat(browser.find("#code").getAttribute("value")).isEqualTo("JS000042");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void withADetectorAndACameraTheCodeOnTheCardIsReadIntoTheField() {
        openPhone();
        ((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", STAND_INS));
        browser.go(PAGE);

        assertThat(browser.text("#code + .code-scan-open")).isEqualTo("扫工卡二维码");
        assertThat(browser.driver().findElements(By.cssSelector("#other + button"))).as("the field not marked").isEmpty();
        assertThat(browser.driver().findElement(By.cssSelector(".code-scan")).isDisplayed()).as("the camera before it is used").isFalse();

        // opened and cancelled: the camera is off again, the field as it was
        browser.click(".code-scan-open");
        assertThat(browser.find(".code-scan-video").isDisplayed()).isTrue();
        assertThat(script("return window.cameraAsked")).isEqualTo("{\"video\":{\"facingMode\":\"environment\"},\"audio\":false}");
        assertThat(script("return window.detectorFormats")).isEqualTo(java.util.List.of("qr_code"));
        browser.click(".code-scan-cancel");
        waitFor("return document.querySelector('.code-scan').hidden && window.cameras[0].getTracks()[0].readyState === 'ended'");
        assertThat(browser.find("#code").getAttribute("value")).isEmpty();

        // opened again, and the card held up to it
        browser.click(".code-scan-open");
        browser.find(".code-scan-video");
        script("window.cardShown = true; return null");
        waitFor("return document.getElementById('code').value !== ''");

        assertThat(browser.find("#code").getAttribute("value")).isEqualTo("JS000123");
        assertThat(script("return window.inputEvents")).isEqualTo(java.util.List.of("code=JS000123"));
        waitFor("return window.cameras[1].getTracks().every(function (t) { return t.readyState === 'ended'; })");
        assertThat(browser.driver().findElement(By.cssSelector(".code-scan")).isDisplayed()).isFalse();
        assertThat(browser.find(".code-scan-open").isEnabled()).isTrue();
        assertThat(browser.overflowsHorizontally()).as("the page at 360 px").isFalse();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private Object script(String code) {
        return ((JavascriptExecutor) browser.driver()).executeScript(code);
    }

    private void waitFor(String condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(driver -> Boolean.TRUE.equals(script(condition)));
    }
}
