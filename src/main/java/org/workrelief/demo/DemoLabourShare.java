package org.workrelief.demo;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.workrelief.project.FundBatchKind;
import org.workrelief.project.LabourShare;
import org.workrelief.project.ProjectForm;

/**
 * The reference project's approval (issue 20 §1): the county development-and-reform office's approval
 * document, its date and the labour share it names (40% of the central funds), paid from the regular
 * batch; and, should the wages paid fall short of it at completion, the explanation written then.
 */
final class DemoLabourShare {

    static final BigDecimal APPROVED_SHARE = new BigDecimal("40.00");

    private DemoLabourShare() {
    }

    /** The form with the approval's figures: 莱发改投资〔year〕27号, dated 90 days before work starts. */
    static ProjectForm approved(ProjectForm form, int year, LocalDate start) {
        return form.withApproval("莱发改投资〔" + year + "〕27号", start.minusDays(90), APPROVED_SHARE, FundBatchKind.REGULAR);
    }

    /** What the town writes when the paid share is below the floor at completion (null when it is not). */
    static String completionExplanation(LabourShare share) {
        return share.paidBelowFloor()
                ? "部分土方采用机械施工以保证汛前完工，劳务报酬实发 " + share.paidPercent() + "%，低于批复的 "
                        + share.floorPercent() + "%；差额部分在后续运营期管护岗位中安排本村群众务工补足。"
                : null;
    }
}
