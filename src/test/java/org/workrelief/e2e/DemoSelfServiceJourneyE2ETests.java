package org.workrelief.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.workrelief.WorkReliefApplication;
import org.workrelief.support.Browser;

/**
 * The README's demo as one of its workers uses it on a phone: JS000001 (PIN 258001) looks up a month of
 * their attendance and a pay slip of the reference project, files a complaint about that payment, the
 * town's administrator answers it in the browser, and the worker reads the answer on their page.
 */
class DemoSelfServiceJourneyE2ETests {

    @TempDir
    Path dataDir;

    @Test
    void aWorkerOfTheDemoLooksUpTheirMonthAndPaySlipAndFollowsAComplaintToItsAnswer() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WorkReliefApplication.class).run(
                "--workrelief.test.own-embedded-database=true", "--workrelief.data-dir=" + dataDir, "--server.port=0")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String number;
            Browser phone = Browser.open(port, 360, 800);
            try {
                signIn(phone);
                phone.click(".self-month-link");
                assertThat(phone.text("#self-month-title")).isNotBlank();
                phone.go("/self/home").click(".self-slip-link");
                assertThat(phone.text("#slip-title")).isEqualTo("工资清单");
                assertThat(phone.text("#slip-card")).doesNotContainPattern("\\d{12,}");
                assertThat(phone.overflowsHorizontally()).isFalse();

                phone.go("/self/home").click("#self-complaint-new summary");
                new Select(phone.find("#complaint-kind")).selectByValue("WAGE_NOT_RECEIVED");
                new Select(phone.find("#complaint-line")).selectByIndex(1);
                phone.type("#complaint-content", "这笔工资我的银行卡上没有查到").click("#self-complaint-submit");
                Matcher filed = Pattern.compile("WQ-\\d{4}-\\d{6}").matcher(phone.text("#flash-success"));
                assertThat(filed.find()).isTrue();
                number = filed.group();
                assertThat(phone.text("#self-complaints")).contains(number).contains("已受理");
                assertThat(phone.overflowsHorizontally()).isFalse();
                assertThat(phone.consoleErrors()).isEmpty();
            }
            finally {
                phone.close();
            }

            Browser clerk = Browser.open(port);
            try {
                clerk.go("/login").type("#username", "js-admin").type("#password", "workrelief-demo").click("#login-submit");
                clerk.find("#home-role");
                clerk.go("/complaints");
                clerk.driver().findElement(org.openqa.selenium.By.linkText(number)).click();
                clerk.type("#answer", "已与银行核对：该笔工资已于发放次日到账，请查看银行卡流水，如仍有疑问请来电。")
                        .click("#complaint-resolve button[type=submit]");
                assertThat(clerk.text("#complaint-status")).isEqualTo("已办结");
            }
            finally {
                clerk.close();
            }

            Browser again = Browser.open(port, 360, 800);
            try {
                signIn(again);
                assertThat(again.text("#self-complaints")).contains(number).contains("已办结").contains("已与银行核对");
            }
            finally {
                again.close();
            }
        }
    }

    private static void signIn(Browser phone) {
        phone.go("/self").type("#self-who", "JS000001").type("#self-pin", "258001").click("#self-submit");
        assertThat(phone.text("#self-worker")).contains("JS000001");
    }
}
