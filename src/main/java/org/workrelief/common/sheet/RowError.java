package org.workrelief.common.sheet;

import java.util.List;

/**
 * One problem in an imported file, as a clerk needs it to fix the file: the row as Excel numbers it,
 * the column header, and a message key with its arguments. Every import (roster, attendance, training
 * attendees, bank results) reports with it through {@link SheetImport}, and the pages show it with the
 * {@code fragments/imports} fragment.
 */
public record RowError(int row, String column, String messageKey, List<Object> args) {
}
