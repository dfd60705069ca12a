import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the application's CPU went in a JFR recording of the device benchmark (bench/device-api.sh with
 * BENCH_PROFILE=<mode>): every execution sample counted once, by the layer of its innermost frame that belongs to a
 * known layer (the JDBC driver, JSON, Tomcat, security, our own code ...), and the share of samples that passed
 * through a few places (inclusive). Run with the JDK alone: {@code java bench/JfrSummary.java target/bench-first-32.jfr}
 */
public class JfrSummary {

    /** Layers by class-name prefix, checked in this order. */
    private static final Map<String, String> LAYERS = new LinkedHashMap<>();
    static {
        LAYERS.put("org.postgresql.", "PostgreSQL JDBC driver");
        LAYERS.put("com.zaxxer.hikari.", "connection pool");
        LAYERS.put("tools.jackson.", "JSON (Jackson)");
        LAYERS.put("com.fasterxml.jackson.", "JSON (Jackson)");
        LAYERS.put("org.hibernate.validator.", "bean validation");
        LAYERS.put("jakarta.validation.", "bean validation");
        LAYERS.put("org.springframework.security.", "Spring Security");
        LAYERS.put("org.workrelief.", "WorkRelief code");
        LAYERS.put("org.springframework.jdbc.", "Spring JDBC");
        LAYERS.put("org.springframework.transaction.", "Spring transactions");
        LAYERS.put("org.springframework.web.", "Spring MVC");
        LAYERS.put("org.springframework.", "Spring (other)");
        LAYERS.put("org.apache.tomcat.", "Tomcat");
        LAYERS.put("org.apache.coyote.", "Tomcat");
        LAYERS.put("org.apache.catalina.", "Tomcat");
        LAYERS.put("ch.qos.logback.", "logging");
        LAYERS.put("org.slf4j.", "logging");
        LAYERS.put("io.micrometer.", "metrics (Micrometer)");
        LAYERS.put("sun.nio.", "JDK network I/O");
        LAYERS.put("java.", "JDK (other)");
        LAYERS.put("jdk.", "JDK (other)");
        LAYERS.put("sun.", "JDK (other)");
    }

    /** Places whose inclusive share is shown: a sample counts when any of its frames is one. */
    private static final List<String> PLACES = List.of(
            "org.workrelief.attendance.PunchService.punch",
            "org.workrelief.attendance.api",
            "org.springframework.security.web.FilterChainProxy.doFilter",
            "org.springframework.web.servlet.DispatcherServlet.doDispatch",
            "org.postgresql.jdbc.PgConnection.commit",
            "org.postgresql.core.v3.QueryExecutorImpl.execute",
            "org.springframework.transaction.support.TransactionTemplate.execute");

    public static void main(String[] args) throws Exception {
        Map<String, Integer> byLayer = new TreeMap<>();
        Map<String, Integer> byPlace = new LinkedHashMap<>();
        PLACES.forEach(place -> byPlace.put(place, 0));
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            String layer = "other";
            outer:
            for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                for (Map.Entry<String, String> entry : LAYERS.entrySet()) {
                    if (type.startsWith(entry.getKey())) {
                        layer = entry.getValue();
                        break outer;
                    }
                }
            }
            byLayer.merge(layer, 1, Integer::sum);
            for (String place : PLACES) {
                if (frames.stream().anyMatch(f -> (f.getMethod().getType().getName() + "." + f.getMethod().getName())
                        .startsWith(place))) {
                    byPlace.merge(place, 1, Integer::sum);
                }
            }
        }
        int total = samples;
        System.out.printf("%,d execution samples in %s%n", total, args[0]);
        System.out.println("| layer of the innermost known frame | share of the application's CPU samples |");
        System.out.println("| --- | --- |");
        byLayer.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.printf("| %s | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / total));
        System.out.println();
        System.out.println("| samples passing through | share |");
        System.out.println("| --- | --- |");
        byPlace.forEach((place, count) -> System.out.printf("| `%s` | %.1f %% |%n", place, 100.0 * count / total));
    }
}
