package io.ringbus.latency.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringbus.latency.machine.MachineInfo;
import io.ringbus.latency.machine.Provenance;
import io.ringbus.latency.scenario.RunResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** results.json: valid JSON by construction, unmeasured figures as null, one object per repetition. */
class JsonReportTest {
    static final MachineInfo MACHINE = new MachineInfo("JDK \"17\"", "Xeon", 2, "Linux");
    static final Provenance PROVENANCE = new Provenance("0.1.0", "abc1234");

    @Test
    void writesNestedValuesWithEscapesAndNullForNaN() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\\c\nd\u0001");
        m.put("n", 42L);
        m.put("x", 0.5);
        m.put("big", 1_500_000.0);
        m.put("nan", Double.NaN);
        m.put("none", null);
        m.put("list", List.of(1, "two"));
        m.put("empty", List.of());
        assertEquals("{\n  \"s\": \"a\\\"b\\\\c\\nd\\u0001\",\n  \"n\": 42,\n  \"x\": 0.5,\n  \"big\": 1.5e+06,\n"
                + "  \"nan\": null,\n  \"none\": null,\n  \"list\": [\n    1,\n    \"two\"\n  ],\n  \"empty\": []\n}\n",
                Json.write(m));
    }

    @Test
    void refusesValuesItHasNoFormFor() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(List.of(new Object())));
    }

    @Test
    void oneObjectPerRepetitionWithContextAndLatencies() {
        List<RunResult> results = new ArrayList<>();
        results.add(PercentileOutputTest.result("ringbus-single", 1, 1));
        results.add(PercentileOutputTest.result("ringbus-single", 2, 2));
        results.add(RunResult.skipped(PercentileOutputTest.spec("jctools-spsc", 0), "not expressible"));
        String json = JsonReport.render(results, MACHINE, PROVENANCE);
        assertTrue(json.startsWith("{\n  \"context\": {\n    \"ringbus_version\": \"0.1.0\",\n"
                + "    \"git_commit\": \"abc1234\",\n    \"jdk\": \"JDK \\\"17\\\"\","), json);
        assertTrue(json.contains("\"cores\": 2,"), json);
        assertEquals(3, count(json, "\"scenario\": \"lat-pingpong\""), json);
        // rep 1 records 1..10000 ns, rep 2 twice that; within the histogram's 3 significant digits
        assertEquals(1, count(json, "\"p50\": 5003,"), json);
        assertEquals(1, count(json, "\"p50\": 10007,"), json);
        assertEquals(1, count(json, "\"latency_ns\": null"), json);   // the skipped run has no histogram
        assertTrue(json.contains("\"notes\": [\n        \"not expressible\"\n      ]"), json);
        assertEquals(count(json, "{"), count(json, "}"), json);
        assertEquals(count(json, "["), count(json, "]"), json);
    }

    static int count(String text, String part) {
        return (int) Arrays.stream(text.split("\n", -1)).filter(l -> l.contains(part)).count();
    }
}
