/** 首页与看板: the signed-in home page; project and town dashboards grow here. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "accountability", "supervision", "payout", "complaint", "worker", "project", "account", "common" })
package org.workrelief.dashboard;
