package org.workrelief.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.workrelief.payout.PaidSite;
import org.workrelief.payout.PayoutBatch;
import org.workrelief.payout.PayoutFlow;
import org.workrelief.supervision.SupervisedSites;
import org.workrelief.support.BrowserJourney;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.TestClockConfiguration;
import org.workrelief.worker.Worker;

/**
 * A clerk enters one co-worker's confirmation from the signed sheet: every line's witness field uses
 * the page's one list of co-workers (a datalist); the entry as the list gives it is recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, RegistryFixtures.class, SupervisedSites.class, PayoutFlow.class })
class TeamConfirmationJourneyE2ETests extends BrowserJourney {

    @Autowired PayoutFlow flow;

    PaidSite p;

    @BeforeEach
    void setUp() {
        p = flow.site();
    }

    @Test
    void aWitnessFromThePagesOneListIsRecorded() {
        PayoutBatch batch = flow.publicized(p);
        openBrowser();
        signIn(p.staff().getUsername());
        browser.go("/payouts/" + batch.id() + "/teams/" + p.s().site().team().getId());

        List<WebElement> options = browser.driver().findElements(By.cssSelector("datalist#witness-options option"));
        assertThat(options).hasSize(p.crew().size());
        List<WebElement> forms = browser.driver().findElements(By.cssSelector("form.confirm-form"));
        assertThat(forms).hasSize(p.crew().size());

        WebElement first = forms.get(0);
        String payeeCode = browser.driver().findElement(By.cssSelector(".list-group-item .font-monospace")).getText();
        Worker witness = p.crew().stream().filter(w -> !w.getWorkerCode().equals(payeeCode)).findFirst().orElseThrow();
        String entry = options.stream().map(o -> o.getAttribute("value"))
                .filter(v -> v.startsWith(witness.getWorkerCode() + " ")).findFirst().orElseThrow();
        first.findElement(By.name("witness")).sendKeys(entry);
        first.findElement(By.name("sheetRef")).sendKeys("HZ-2025-05-01");
        first.findElement(By.cssSelector("button[type=submit]")).click();

        assertThat(browser.text("#flash-success")).contains("已登记互证确认");
        assertThat(browser.text(".list-group-item")).contains(witness.getWorkerCode()).contains("HZ-2025-05-01")
                .contains("1/2");
    }
}
