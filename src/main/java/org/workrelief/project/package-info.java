/**
 * 以工代赈项目: a funded build with its implementing entity, contracting mode, funds, plan figures
 * and status. Other modules check a user's access to a project through {@link org.workrelief.project.ProjectService}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "common" })
package org.workrelief.project;
