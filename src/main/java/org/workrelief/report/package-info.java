/**
 * 统计报表: the statistical report for higher levels (per project, town or county, for a month or the
 * year to date, in the layout of the NDRC progress report) and the monthly progress figures it needs
 * (完成投资, 资金拨付) entered per project.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "dashboard", "worker", "project", "account", "common" })
package org.workrelief.report;
