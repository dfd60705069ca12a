package org.workrelief.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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

/**
 * A finance officer opens a released batch on a 360 px phone: the page itself never scrolls sideways
 * (wide tables scroll inside their own box) and team names are not broken a character a line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, RegistryFixtures.class, SupervisedSites.class, PayoutFlow.class })
class PayoutBatchOnAPhoneE2ETests extends BrowserJourney {

    @Autowired PayoutFlow flow;

    @Test
    void theBatchPageFitsAPhoneInChineseAndEnglish() {
        PaidSite p = flow.site();
        PayoutBatch batch = flow.released(p);
        openPhone();
        signIn(p.finance().getUsername());
        for (String lang : new String[] { "zh_CN", "en" }) {
            browser.go("/payouts/" + batch.id() + "?lang=" + lang);
            browser.find("#totals-table");
            assertThat(browser.overflowsHorizontally()).as("sideways scrolling at 360 px, " + lang).isFalse();
            assertThat(browser.consoleErrors()).as("console, " + lang).isEmpty();
        }
    }
}
