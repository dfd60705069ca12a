package org.workrelief.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The advisory locks' key spaces never share a key (a shared key would be a silent race, or a needless wait). */
class AdvisoryLocksTests {

    private static final List<LocalDate> DAYS = List.of(LocalDate.of(1970, 1, 1), LocalDate.of(2025, 6, 1),
            LocalDate.of(2026, 12, 2), LocalDate.of(2099, 12, 31));

    @Test
    void noKeyOfOneSpaceIsAKeyOfAnother() {
        Map<AdvisoryLocks.Key, String> taken = new HashMap<>();
        taken.put(AdvisoryLocks.overviewFigures(), "figures");
        Random random = new Random(20261202L);
        List<Long> projects = new java.util.ArrayList<>(List.of(1L, 2L, 3L, 4L, 1000L, AdvisoryLocks.MAX_PROJECT_ID - 1,
                AdvisoryLocks.MAX_PROJECT_ID));
        for (int i = 0; i < 2000; i++) {
            projects.add(1 + (long) (random.nextDouble() * (AdvisoryLocks.MAX_PROJECT_ID - 1)));
        }
        for (long project : projects) {
            claim(taken, AdvisoryLocks.batchCreation(project), "batch " + project);
            for (LocalDate day : DAYS) {
                claim(taken, AdvisoryLocks.projectDay(project, day), "day " + project + " " + day);
            }
        }
        // the spaces whose first half is fixed: jobs (any second half), the audit chains (V26), the figures
        for (var entry : taken.entrySet()) {
            int space = entry.getKey().space();
            if (!entry.getValue().equals("figures")) {
                assertThat(space).as(entry.getValue()).isNotIn(AdvisoryLocks.JOBS, AdvisoryLocks.OVERVIEW_FIGURES,
                        AdvisoryLocks.AUDIT_CHAIN_PROJECT, AdvisoryLocks.AUDIT_CHAIN_TOWN);
            }
        }
        assertThat(List.of(AdvisoryLocks.JOBS, AdvisoryLocks.OVERVIEW_FIGURES, AdvisoryLocks.AUDIT_CHAIN_PROJECT,
                AdvisoryLocks.AUDIT_CHAIN_TOWN)).doesNotHaveDuplicates();
    }

    @Test
    void aWorkersDayKeyIsOneWorkerAndOneDay() {
        Map<Long, String> taken = new HashMap<>();
        for (long worker : new long[] { 1, 2, 3, 1 << 20, (1L << 43) - 1 }) {
            for (LocalDate day : DAYS) {
                String previous = taken.put(AdvisoryLocks.workerDay(worker, day), worker + " " + day);
                assertThat(previous).as(worker + " " + day).isNull();
            }
        }
    }

    @Test
    void anIdBeyondTheSpacesIsRefusedRatherThanWrappedOntoAnotherKey() {
        assertThatThrownBy(() -> AdvisoryLocks.batchCreation(AdvisoryLocks.MAX_PROJECT_ID + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdvisoryLocks.projectDay(0, LocalDate.of(2026, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdvisoryLocks.workerDay(1L << 43, LocalDate.of(2026, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void claim(Map<AdvisoryLocks.Key, String> taken, AdvisoryLocks.Key key, String use) {
        String previous = taken.put(key, use);
        assertThat(previous).as("%s and %s share the key %s", previous, use, key).isNull();
    }
}
