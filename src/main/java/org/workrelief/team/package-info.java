/** 班组: a project's work teams by skill, each with its day rate and leader. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "project", "account", "common" })
package org.workrelief.team;
