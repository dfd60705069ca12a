package org.workrelief.asset;

import java.math.BigDecimal;
import java.time.LocalDate;

/** 资产移交 and 折股量化: who received the assets, when, on which document, and the shares they became. */
public record AssetTransfer(long id, long projectId, String receiver, LocalDate handedOverOn, String documentRef,
        String company, BigDecimal equityPercent, BigDecimal valuation, BigDecimal guaranteedDividend, long version) {
}
