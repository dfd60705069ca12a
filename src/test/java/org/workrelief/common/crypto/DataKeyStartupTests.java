package org.workrelief.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.workrelief.WorkReliefApplication;
import org.workrelief.support.TestDatabase;

/** On a configured database the data key must be given: without it the application refuses to start. */
class DataKeyStartupTests {

    @TempDir
    Path dataDir;

    @Test
    void refusesToStartOnAConfiguredDatabaseWithoutADataKey() {
        TestDatabase database = TestDatabase.get();
        String url = database.createDatabase("no_data_key");
        var arguments = new java.util.ArrayList<>(database.applicationArguments(url));
        arguments.addAll(java.util.List.of("--workrelief.data-key=", "--workrelief.data-dir=" + dataDir, "--server.port=0"));
        assertThatThrownBy(() -> new SpringApplicationBuilder(WorkReliefApplication.class).run(arguments.toArray(String[]::new)))
                .hasStackTraceContaining("WORKRELIEF_DATA_KEY is not set");
        assertThat(dataDir.resolve("data-key")).doesNotExist();
    }
}
