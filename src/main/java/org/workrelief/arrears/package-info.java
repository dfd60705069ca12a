/**
 * 欠薪预警 (issue 20 §7): wages owed and not paid in time, computed from the records (approved days,
 * batches, bank results) whenever they are asked for: shown on the homes of those who must act, on
 * the overview, and as an XLSX list.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "common" })
package org.workrelief.arrears;
