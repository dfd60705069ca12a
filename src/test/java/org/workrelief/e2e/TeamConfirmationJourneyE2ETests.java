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
 * A clerk uploads the team's signed sheet and enters one co-worker's confirmation from it: every line's
 * witness fields use the page's one list of co-workers (a datalist); the entry as the list gives it is
 * recorded, awaiting the committee's check of the sheet.
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
    void aWitnessFromThePagesOneListIsRecordedFromTheUploadedSheet() throws Exception {
        PayoutBatch batch = flow.publicized(p);
        openBrowser();
        signIn(p.staff().getUsername());
        browser.go("/payouts/" + batch.id() + "/teams/" + p.s().site().team().getId());
        assertThat(browser.text("#upload-first")).contains("请先上传");

        java.nio.file.Path photo = java.nio.file.Files.createTempFile("hz-sheet", ".png");
        java.nio.file.Files.write(photo, org.workrelief.payout.SheetScans.png());
        browser.find("#sheet-file").sendKeys(photo.toString());
        browser.click("#sheet-upload button[type=submit]");
        assertThat(browser.text("#flash-success")).contains("签字表已上传");

        List<WebElement> options = browser.driver().findElements(By.cssSelector("datalist#witness-options option"));
        assertThat(options).hasSize(p.crew().size());
        assertThat(browser.driver().findElements(By.cssSelector("input.witness-input"))).hasSize(2 * p.crew().size());

        WebElement first = browser.find(".list-group-item[id^=line-]");
        String payeeCode = first.findElement(By.cssSelector(".font-monospace")).getText();
        Worker witness = p.crew().stream().filter(w -> !w.getWorkerCode().equals(payeeCode)).findFirst().orElseThrow();
        String entry = options.stream().map(o -> o.getAttribute("value"))
                .filter(v -> v.startsWith(witness.getWorkerCode() + " ")).findFirst().orElseThrow();
        first.findElement(By.cssSelector("input.witness-input")).sendKeys(entry);
        browser.click("#record-sheet");

        assertThat(browser.text("#flash-success")).contains("已按签字表登记 1 条确认");
        assertThat(browser.text(".list-group-item[id^=line-]")).contains(witness.getWorkerCode()).contains("待核对")
                .contains("0/2");
        java.nio.file.Files.deleteIfExists(photo);
    }
}
