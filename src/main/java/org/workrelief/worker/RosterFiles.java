package org.workrelief.worker;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.Masking;
import org.workrelief.common.sheet.SheetWriter;
import org.workrelief.team.TeamService;
import org.workrelief.team.WorkTeam;

/** The roster files: the import template (XLSX or CSV) and the masked roster export. */
@Service
public class RosterFiles {

    private static final List<String> EXPORT_HEADERS = List.of("工号", "姓名", "身份证号", "性别", "年龄", "手机号", "村", "组",
            "户号", "户类型", "班组", "招募来源", "状态", "合同签订日期", "合同结束日期", "保险公司", "保单号", "保险止期", "开户银行", "银行卡号",
            "重点群体");

    private final EnrollmentService enrollments;
    private final TeamService teams;
    private final WorkerGroups groups;

    RosterFiles(EnrollmentService enrollments, TeamService teams, WorkerGroups groups) {
        this.groups = groups;
        this.enrollments = enrollments;
        this.teams = teams;
    }

    public void templateXlsx(OutputStream out) throws IOException {
        SheetWriter.xlsx("花名册", templateHeaders(), List.of(exampleRow()), out);
    }

    public void templateCsv(OutputStream out) throws IOException {
        SheetWriter.csv(templateHeaders(), List.of(exampleRow()), out);
    }

    /** The roster of a project as XLSX, every ID, phone and card number masked. */
    @Transactional(readOnly = true)
    public void exportXlsx(SignedInUser viewer, long projectId, OutputStream out) throws IOException {
        List<Enrollment> roster = enrollments.wholeRoster(viewer, projectId);
        Map<Long, String> teamNames = teams.teamsOfProject(projectId).stream()
                .collect(Collectors.toMap(WorkTeam::getId, WorkTeam::getName));
        LocalDate today = enrollments.today();
        List<List<String>> rows = new ArrayList<>(roster.size());
        for (Enrollment e : roster) {
            Worker w = e.getWorker();
            rows.add(Arrays.asList(w.getWorkerCode(), w.getName(), w.getIdNumberMasked(), w.getSex() == Sex.MALE ? "男" : "女",
                    String.valueOf(w.ageOn(today)), w.getPhone() == null ? "" : Masking.phone(w.getPhone()), w.getVillage(),
                    text(w.getVillageGroup()), text(w.getHouseholdNo()), RosterLabels.of(w.getHouseholdStatus()),
                    teamNames.getOrDefault(e.getTeamId(), ""), RosterLabels.of(e.getSource()),
                    e.isActive() ? "在岗" : "已离开", text(e.getContractSignedOn()), text(e.getContractTo()), text(e.getInsurer()),
                    text(e.getPolicyNumber()), text(e.getInsuranceTo()), text(w.getBankName()), text(w.getBankCardMasked()),
                    groups.joined(w.getGroups(), java.util.Locale.SIMPLIFIED_CHINESE)));
        }
        SheetWriter.xlsx("花名册", EXPORT_HEADERS, rows, out);
    }

    private static List<String> templateHeaders() {
        return Arrays.stream(RosterColumn.values()).map(c -> c.required() ? c.header() + "*" : c.header()).toList();
    }

    /** An example row with a valid (fictitious) ID and card number, so a clerk sees the expected format. */
    private static List<String> exampleRow() {
        String id17 = "37028519800101001";
        String card18 = "622848000000000001";
        return List.of("张三", id17 + ResidentIdNumber.checkCharacter(id17), "13800000000", "姜山村", "一组",
                "H001", "一般农户", "挖掘", "农业银行", card18 + BankCardNumber.checkDigit(card18), "开挖组", "前期摸排",
                "2025-05-20", "2025-05-20", "2025-06-01", "2025-08-31", "中国人寿", "PICC2025001", "2025-06-01", "2025-08-31",
                "脱贫人口、返乡农民工");
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
