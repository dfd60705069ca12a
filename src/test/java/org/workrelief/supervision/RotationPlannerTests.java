package org.workrelief.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.workrelief.supervision.RotationPlanner.Seat;

class RotationPlannerTests {

    private static final LocalDate FIRST = LocalDate.of(2025, 6, 1);

    @Test
    void everyMemberServesWithinOneDayOfEveryOtherAndNoOneTwiceADay() {
        List<Seat> members = List.of(new Seat(1, MemberKind.CADRE), new Seat(2, MemberKind.CADRE),
                new Seat(3, MemberKind.PARTY_MEMBER), new Seat(4, MemberKind.VILLAGER_REP), new Seat(5, MemberKind.VILLAGER_REP));
        Map<LocalDate, List<Long>> plan = RotationPlanner.plan(members, days(30), 2);

        Map<Long, Integer> duties = new HashMap<>();
        plan.values().forEach(day -> {
            assertThat(day).hasSize(2).doesNotHaveDuplicates();
            day.forEach(id -> duties.merge(id, 1, Integer::sum));
        });
        assertThat(duties).hasSize(5);
        assertThat(duties.values().stream().mapToInt(Integer::intValue).max().getAsInt()
                - duties.values().stream().mapToInt(Integer::intValue).min().getAsInt()).isLessThanOrEqualTo(1);
        assertThat(duties.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(60);
    }

    @Test
    void eachDayMixesKindsWhereTheCommitteeAllowsIt() {
        List<Seat> members = List.of(new Seat(1, MemberKind.CADRE), new Seat(2, MemberKind.CADRE),
                new Seat(3, MemberKind.VILLAGER_REP), new Seat(4, MemberKind.VILLAGER_REP));
        Map<Long, MemberKind> kinds = Map.of(1L, MemberKind.CADRE, 2L, MemberKind.CADRE, 3L, MemberKind.VILLAGER_REP,
                4L, MemberKind.VILLAGER_REP);
        Map<LocalDate, List<Long>> plan = RotationPlanner.plan(members, days(14), 2);
        plan.values().forEach(day -> assertThat(new HashSet<>(day.stream().map(kinds::get).toList())).hasSize(2));
    }

    @Test
    void aSmallCommitteeFillsWhatSeatsItCan() {
        Map<LocalDate, List<Long>> plan = RotationPlanner.plan(List.of(new Seat(7, MemberKind.CADRE)), days(3), 2);
        plan.values().forEach(day -> assertThat(day).containsExactly(7L));
    }

    private static List<LocalDate> days(int count) {
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            days.add(FIRST.plusDays(i));
        }
        return days;
    }
}
