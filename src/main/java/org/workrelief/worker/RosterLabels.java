package org.workrelief.worker;

import java.util.Map;

import org.workrelief.common.BusinessRuleException;

/** The Chinese words clerks type in the roster file for household status and recruitment source. */
final class RosterLabels {

    static final Map<String, HouseholdStatus> HOUSEHOLD = Map.of(
            "脱贫户", HouseholdStatus.LIFTED_OUT_OF_POVERTY,
            "监测对象", HouseholdStatus.MONITORED,
            "低保户", HouseholdStatus.SUBSISTENCE_ALLOWANCE,
            "一般农户", HouseholdStatus.ORDINARY);

    static final Map<String, RecruitmentSource> SOURCE = Map.of(
            "前期摸排", RecruitmentSource.SURVEYED,
            "开工前确认", RecruitmentSource.RECONFIRMED,
            "新吸纳", RecruitmentSource.ADDED);

    private RosterLabels() {
    }

    static HouseholdStatus household(String text) {
        if (text == null || text.isBlank()) {
            return HouseholdStatus.ORDINARY;
        }
        HouseholdStatus status = HOUSEHOLD.get(text.trim());
        if (status == null) {
            throw new BusinessRuleException("import.householdStatus.unknown", String.join("、", HOUSEHOLD.keySet()));
        }
        return status;
    }

    static RecruitmentSource source(String text) {
        if (text == null || text.isBlank()) {
            return RecruitmentSource.SURVEYED;
        }
        RecruitmentSource source = SOURCE.get(text.trim());
        if (source == null) {
            throw new BusinessRuleException("import.source.unknown", String.join("、", SOURCE.keySet()));
        }
        return source;
    }

    static String of(HouseholdStatus status) {
        return HOUSEHOLD.entrySet().stream().filter(e -> e.getValue() == status).map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    static String of(RecruitmentSource source) {
        return SOURCE.entrySet().stream().filter(e -> e.getValue() == source).map(Map.Entry::getKey).findFirst().orElseThrow();
    }
}
