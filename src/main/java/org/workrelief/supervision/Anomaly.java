package org.workrelief.supervision;

import java.util.List;

/**
 * One thing the committee must decide on before approving a day. The key is stable for the same
 * finding (so a decision survives a page reload); {@code workerIds} are the workers whose day it
 * concerns, empty when it concerns the whole day; {@code detail} is what the screen shows
 * ({@code anomaly.detail.<KIND>} with these arguments).
 */
public record Anomaly(String key, AnomalyKind kind, List<Long> workerIds, List<Object> detail) {

    public Anomaly {
        workerIds = List.copyOf(workerIds);
        detail = List.copyOf(detail);
    }

    public boolean wholeDay() {
        return workerIds.isEmpty();
    }

    public String detailKey() {
        return "anomaly.detail." + kind.name();
    }

    public Object[] detailArgs() {
        return detail.toArray();
    }
}
