package org.workrelief.demo;

import java.time.LocalDate;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.workrelief.account.AccountService;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.db.OwnEmbeddedDatabaseCondition;
import org.workrelief.common.time.ApplicationClock;
import org.workrelief.complaint.Complaint;
import org.workrelief.complaint.ComplaintBoards;
import org.workrelief.complaint.ComplaintChannel;
import org.workrelief.complaint.ComplaintKind;
import org.workrelief.complaint.ComplaintService;
import org.workrelief.complaint.ComplaintService.NewComplaint;

/**
 * After the demo data (once, into the demo's 姜山镇 while it has no 维权信息告示牌 yet): the town's board,
 * a complaint taken by phone 12 days ago and still in progress (overdue: on the homes of 孙丽华, 赵建国 and
 * the county's 陈志强), and one answered.
 */
@Component
@Order(11)
@Conditional(OwnEmbeddedDatabaseCondition.class)
class DemoComplaints implements ApplicationRunner {

    private final AccountService accounts;
    private final ComplaintService complaints;
    private final ComplaintBoards boards;
    private final ApplicationClock clock;
    private final TransactionTemplate transaction;

    DemoComplaints(AccountService accounts, ComplaintService complaints, ComplaintBoards boards, ApplicationClock clock,
            PlatformTransactionManager transactionManager) {
        this.accounts = accounts;
        this.complaints = complaints;
        this.boards = boards;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.hasAnyUser()) {
            transaction.executeWithoutResult(status -> loadOnce());
        }
    }

    private void loadOnce() {
        SignedInUser admin;
        SignedInUser staff;
        try {
            admin = accounts.principalOf("js-admin");
            staff = accounts.principalOf("js-staff");
        }
        catch (RuntimeException noDemoAccounts) {
            return;
        }
        if (admin.townId() == null || boards.of(admin.townId()).isPresent()) {
            return;
        }
        load(admin, staff);
    }

    private void load(SignedInUser admin, SignedInUser staff) {
        LocalDate today = LocalDate.now(clock);
        boards.save(admin, new ComplaintBoards.Board("0532-87001234", "0532-88812333", "12345",
                "张守义（村干部）138 5320 0001\n王德福（老党员）138 5320 0002\n李秀英（村民代表）138 5320 0003",
                "农民工工资支付有关规定：工资应按月足额发放到本人银行卡，任何单位和个人不得克扣、拖欠。", -1));
        Complaint overdue = clock.replayAt(today.minusDays(12).atTime(10, 20), () -> complaints.record(staff,
                new NewComplaint("JS000003", ComplaintChannel.PHONE, ComplaintKind.ATTENDANCE, null, today.minusDays(13),
                        "本人当天全天在工地，下午签到没有记上，只算了半天", null, staff.getUsername())));
        clock.replayAt(today.minusDays(11).atTime(9, 0), () -> complaints.start(staff, overdue.id(), overdue.version()));
        Complaint answered = clock.replayAt(today.minusDays(3).atTime(15, 0), () -> complaints.record(staff,
                new NewComplaint("JS000005", ComplaintChannel.IN_PERSON, ComplaintKind.OTHER, null, null,
                        "想了解劳务报酬什么时候发放", null, staff.getUsername())));
        clock.replayAt(today.minusDays(2).atTime(11, 0), () -> complaints.resolve(staff, answered.id(),
                "已当面说明：本月考勤核查完毕后编制发放批次，公示 7 天后由银行发放到本人银行卡。", answered.version()));
    }
}
