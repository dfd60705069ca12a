package org.workrelief.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver. Without a browser the journeys
 * are reported as not run on a developer's machine, and fail the build on CI ({@code CI=true}),
 * where a journey that did not run must not count as passed.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("workrelief.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("workrelief.chromedriver", "/usr/bin/chromedriver"));

    private final WebDriver driver;
    private final Path profile;
    private final String baseUrl;

    private Browser(WebDriver driver, Path profile, String baseUrl) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
    }

    public static Browser open(int port) {
        return open(port, 1280, 900);
    }

    /** A browser window of the given size, e.g. 360 wide for a team leader's phone. */
    public static Browser open(int port, int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "Chromium or chromedriver missing (apt-get install -y chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        try {
            Path profile = Files.createTempDirectory("workrelief-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // the console is collected, so a journey can assert a page loads without errors (CSP refusals among them)
            org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
            logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--window-size=" + width + "," + height, "--lang=zh-CN",
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            if (width < 500) {
                // headless Chromium keeps a window at least 500 px wide: a phone's width is emulated
                driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width,
                        "height", height, "deviceScaleFactor", 1, "mobile", false));
            }
            return new Browser(driver, profile, "http://localhost:" + port);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Browser go(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /** The visible element; when it does not appear, the failure says what the page showed instead. */
    public WebElement find(String css) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        }
        catch (org.openqa.selenium.TimeoutException missing) {
            throw new AssertionError("no visible " + css + " on " + driver.getCurrentUrl() + ", the page shows:\n"
                    + pageText(), missing);
        }
    }

    /**
     * The element's text. After a click that submits a form, the element may be found on the page
     * being left and be gone before it is read (StaleElementReferenceException): it is then read
     * again, from the page that replaced it. Slower answers (the busy machine of a full build, a
     * session read from the database on every request) make that window wider.
     */
    public String text(String css) {
        for (int attempt = 1; ; attempt++) {
            try {
                return find(css).getText();
            }
            catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                if (attempt == 5) {
                    throw replaced;
                }
            }
        }
    }

    public Browser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Sets a field's value directly: date inputs take typed text differently in every locale. */
    public Browser setValue(String css, String value) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", find(css), value);
        return this;
    }

    public Browser select(String css, String visibleText) {
        new org.openqa.selenium.support.ui.Select(find(css)).selectByVisibleText(visibleText);
        return this;
    }

    public Browser click(String css) {
        WebElement element = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
        return this;
    }

    /** Answers "OK" to the confirmation the last click raised (data-confirm) and returns its question. */
    public String acceptConfirm() {
        org.openqa.selenium.Alert alert = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.alertIsPresent());
        String question = alert.getText();
        alert.accept();
        return question;
    }

    public String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The errors the browser's console logged since the last call (script errors, CSP refusals, failed loads). */
    public java.util.List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage).toList();
    }

    /** Whether the page is wider than the window (the user would have to scroll sideways). */
    public boolean overflowsHorizontally() {
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
        return Boolean.TRUE.equals(overflow);
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
