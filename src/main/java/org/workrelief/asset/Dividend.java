package org.workrelief.asset;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A year's dividend as received; below the guaranteed minimum it is flagged. */
public record Dividend(long id, long projectId, int year, BigDecimal amount, LocalDate receivedOn, SplitRule splitRule,
        boolean belowGuarantee) {
}
