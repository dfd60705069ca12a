package org.workrelief.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workrelief.support.Refusals.assertRefused;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.project.ProjectService;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;

/** The committee and its duty roster. */
@IntegrationTest
class DutyRosterIntegrationTests {

    private static final LocalDate DAY = LocalDate.of(2025, 6, 3);

    @Autowired SupervisedSites sites;
    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired RegistryFixtures registry;
    @Autowired CommitteeService committee;
    @Autowired DutyRosterService duty;
    @Autowired DailyReviewService reviews;
    @Autowired MutableClock clock;
    @Autowired AuditLog auditLog;

    SupervisedSite s;

    @BeforeEach
    void setUp() {
        clock.set(SupervisedSite.at(DAY, 9, 0, 0));
        s = sites.create(DAY);
    }

    @Test
    void aGeneratedMonthSpreadsDutiesEvenlyWithTwoOfDifferentKindsADay() {
        int planned = duty.generate(s.site().admin(), s.projectId(), DAY, DAY.plusDays(29), 2);
        assertThat(planned).isEqualTo(30);
        List<DutyDay> roster = duty.roster(s.site().admin(), s.projectId(), DAY, DAY.plusDays(29));
        Map<Long, Integer> duties = new HashMap<>();
        for (DutyDay day : roster) {
            assertThat(day.members()).hasSize(2);
            assertThat(day.members().stream().map(CommitteeMember::kind).distinct()).hasSize(2);
            day.members().forEach(m -> duties.merge(m.id(), 1, Integer::sum));
        }
        assertThat(duties.values()).containsExactlyInAnyOrder(20, 20, 20);
    }

    @Test
    void regeneratingKeepsTheDutyOfADayUnderReview() {
        reviews.open(s.onDuty(), s.projectId(), DAY);
        duty.generate(s.site().admin(), s.projectId(), DAY, DAY.plusDays(6), 3);
        assertThat(duty.roster(s.site().admin(), s.projectId(), DAY, DAY).get(0).members())
                .extracting(CommitteeMember::userId).containsExactly(s.onDuty().id());
        assertThat(duty.roster(s.site().admin(), s.projectId(), DAY.plusDays(1), DAY.plusDays(1)).get(0).members())
                .hasSize(3);
    }

    @Test
    void generatingNeedsAValidRangeAndACommittee() {
        assertRefused(() -> duty.generate(s.site().admin(), s.projectId(), DAY, DAY.minusDays(1), 2), "duty.range.invalid");
        assertRefused(() -> duty.generate(s.site().admin(), s.projectId(), DAY, DAY.plusDays(400), 2), "duty.range.tooLong");
        assertRefused(() -> duty.generate(s.site().admin(), s.projectId(), DAY, DAY, 0), "duty.perDay.invalid");
        var other = org.workrelief.support.ActiveProject.create(accounts, projects, registry, DAY);
        assertRefused(() -> duty.generate(other.admin(), other.project().getId(), DAY, DAY, 2), "duty.noMembers");
    }

    @Test
    void onlyAnAdministratorKeepsTheCommitteeAndTheRoster() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> duty.generate(s.site().staff(), s.projectId(), DAY, DAY, 2))
                .isInstanceOf(AccessDeniedException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> committee.add(s.onDuty(), s.projectId(), s.onDuty().id(),
                MemberKind.CADRE)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void onlySupervisorsOfTheProjectsTownSitOnItsCommittee() {
        Fixtures fixtures = new Fixtures(accounts);
        var staff = fixtures.user(Role.STAFF, s.site().town());
        var elsewhere = fixtures.user(Role.SUPERVISOR, fixtures.town());
        assertRefused(() -> committee.add(s.site().admin(), s.projectId(), staff.getId(), MemberKind.CADRE),
                "committee.member.notSupervisor");
        assertRefused(() -> committee.add(s.site().admin(), s.projectId(), elsewhere.getId(), MemberKind.CADRE),
                "committee.member.notSupervisor");
        assertRefused(() -> committee.add(s.site().admin(), s.projectId(), s.onDuty().id(), MemberKind.CADRE),
                "committee.member.already");
        var newcomer = Principals.of(fixtures.user(Role.SUPERVISOR, s.site().town()));
        assertThat(committee.candidates(s.site().admin(), s.projectId())).extracting(u -> u.getId())
                .containsExactly(newcomer.id());
    }

    @Test
    void aMemberWhoLeavesIsTakenOffTheirComingDuties() {
        duty.setDay(s.site().admin(), s.projectId(), DAY.plusDays(1), List.of(s.onDutyMember().id()));
        clock.set(SupervisedSite.at(DAY.plusDays(1), 9, 0, 0));
        committee.remove(s.site().admin(), s.projectId(), s.onDutyMember().id());
        assertThat(duty.roster(s.site().admin(), s.projectId(), DAY, DAY.plusDays(1))).extracting(d -> d.members().size())
                .containsExactly(1, 0);
        assertThat(duty.isOnDuty(s.onDuty().id(), s.projectId(), DAY)).as("no longer a member").isFalse();
    }

    @Test
    void aDayNeedsSomeoneOnDutyFromTheCommittee() {
        assertRefused(() -> duty.setDay(s.site().admin(), s.projectId(), DAY, List.of()), "duty.day.empty");
        assertRefused(() -> duty.setDay(s.site().admin(), s.projectId(), DAY, List.of(-1L)), "duty.day.notMember");
    }

    @Test
    void theRosterIsArrangedFromTodayOnAndAPastDayOnlyWithAReason() {
        LocalDate yesterday = DAY.minusDays(1);
        long member = s.onDutyMember().id();
        assertRefused(() -> duty.setDay(s.site().admin(), s.projectId(), yesterday, List.of(member)),
                "duty.past.reasonRequired");
        assertRefused(() -> duty.setDay(s.site().admin(), s.projectId(), yesterday, List.of(member), "  "),
                "duty.past.reasonRequired");
        assertRefused(() -> duty.generate(s.site().admin(), s.projectId(), yesterday, DAY.plusDays(6), 1),
                "duty.past.reasonRequired");
        assertRefused(() -> duty.setDay(s.site().admin(), s.projectId(), yesterday, List.of(member), "长".repeat(501)),
                "duty.reason.tooLong");
        assertThat(duty.roster(s.site().admin(), s.projectId(), yesterday, DAY.plusDays(6)))
                .as("nothing saved").extracting(d -> d.members().size()).containsExactly(0, 1, 0, 0, 0, 0, 0, 0);
        assertThat(auditLog.historyOf(DutyRosterService.ENTITY, s.projectId() + "/" + yesterday)).isEmpty();

        assertThat(duty.generate(s.site().admin(), s.projectId(), DAY, DAY.plusDays(6), 1)).as("from today on").isEqualTo(7);
        duty.setDay(s.site().admin(), s.projectId(), yesterday, List.of(member), "值班表漏排，按实际到岗补记");
        assertThat(duty.isOnDuty(s.onDuty().id(), s.projectId(), yesterday)).isTrue();
        assertThat(auditLog.historyOf(DutyRosterService.ENTITY, s.projectId() + "/" + yesterday)).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).isEqualTo("值班表漏排，按实际到岗补记"));
        assertThat(duty.generate(s.site().admin(), s.projectId(), DAY.minusDays(7), DAY.minusDays(1), 1, "项目开工补排"))
                .isEqualTo(7);
        assertThatThrownBy(() -> duty.setDay(s.site().staff(), s.projectId(), yesterday, List.of(member), "补排"))
                .isInstanceOf(AccessDeniedException.class);
    }
}
