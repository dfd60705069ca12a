package org.workrelief.architecture;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.workrelief.WorkReliefApplication;

/** Modules talk only through their public API, and the module graph has no cycles. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(WorkReliefApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
