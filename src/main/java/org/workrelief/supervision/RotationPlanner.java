package org.workrelief.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans a duty rotation: each day the members with the fewest duties so far (so over the range no
 * one serves more than one day more than anyone else), then, among equals, one of a kind not yet on
 * duty that day (a cadre beside a villager representative), then the one who rested longest.
 */
final class RotationPlanner {

    record Seat(long memberId, MemberKind kind) {
    }

    private RotationPlanner() {
    }

    static Map<LocalDate, List<Long>> plan(List<Seat> members, List<LocalDate> days, int perDay) {
        int seatsPerDay = Math.min(perDay, members.size());
        Map<Long, Integer> duties = new HashMap<>();
        Map<Long, Integer> lastDuty = new HashMap<>();
        Map<Long, Integer> order = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            duties.put(members.get(i).memberId(), 0);
            lastDuty.put(members.get(i).memberId(), -1);
            order.put(members.get(i).memberId(), i);
        }
        Map<LocalDate, List<Long>> plan = new LinkedHashMap<>();
        for (int d = 0; d < days.size(); d++) {
            List<Long> chosen = new ArrayList<>(seatsPerDay);
            Set<MemberKind> kindsToday = EnumSet.noneOf(MemberKind.class);
            for (int seat = 0; seat < seatsPerDay; seat++) {
                Seat next = members.stream().filter(m -> !chosen.contains(m.memberId()))
                        .min(Comparator.<Seat>comparingInt(m -> duties.get(m.memberId()))
                                .thenComparingInt(m -> kindsToday.contains(m.kind()) ? 1 : 0)
                                .thenComparingInt(m -> lastDuty.get(m.memberId()))
                                .thenComparingInt(m -> order.get(m.memberId())))
                        .orElseThrow();
                chosen.add(next.memberId());
                kindsToday.add(next.kind());
                duties.merge(next.memberId(), 1, Integer::sum);
                lastDuty.put(next.memberId(), d);
            }
            plan.put(days.get(d), List.copyOf(chosen));
        }
        return plan;
    }
}
