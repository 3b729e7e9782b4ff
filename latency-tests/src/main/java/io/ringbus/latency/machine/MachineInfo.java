package io.ringbus.latency.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The context printed beside every number: JDK, CPU model, cores, OS. */
public record MachineInfo(String jdk, String cpuModel, int cores, String os) {

    public static MachineInfo current() {
        String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")";
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch");
        return new MachineInfo(jdk, readCpuModel(), Runtime.getRuntime().availableProcessors(), os);
    }

    static String readCpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or hidden: say so rather than guess
        }
        return "unknown";
    }

    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("jdk", jdk);
        m.put("cpu", cpuModel);
        m.put("cores", Integer.toString(cores));
        m.put("os", os);
        return m;
    }
}
