/**
 * 技能培训: training sessions of a project (skills, safety, policy) and who attended them. People
 * trained are counted once however many sessions they attend, against the project's plan.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "worker", "project", "account", "common" })
package org.workrelief.training;
