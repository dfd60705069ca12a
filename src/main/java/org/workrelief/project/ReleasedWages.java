package org.workrelief.project;

import java.math.BigDecimal;

/**
 * The wages released on a project so far (the payout module implements it; it depends on this module,
 * so the project module asks through this interface).
 */
public interface ReleasedWages {

    BigDecimal releasedWages(long projectId);
}
