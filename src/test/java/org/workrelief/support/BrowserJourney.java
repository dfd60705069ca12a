package org.workrelief.support;

import org.junit.jupiter.api.AfterEach;

import org.springframework.boot.test.web.server.LocalServerPort;

/** What every browser journey shares: the running app's port, a browser closed after each test, signing in. */
public abstract class BrowserJourney {

    @LocalServerPort
    protected int port;

    protected Browser browser;

    protected Browser openBrowser() {
        browser = Browser.open(port);
        return browser;
    }

    protected Browser openPhone() {
        browser = Browser.open(port, 360, 780);
        return browser;
    }

    /** Signs in with the fixtures' password and waits for the home page. */
    protected void signIn(String username) {
        browser.go("/login").type("#username", username).type("#password", Fixtures.PASSWORD).click("#login-submit");
        browser.find("#home-role");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
