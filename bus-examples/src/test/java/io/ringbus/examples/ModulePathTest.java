package io.ringbus.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringbus.RingBus;
import java.io.File;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bus-core as a real module: on the module path an example runs, io.ringbus, io.ringbus.stat and
 * io.ringbus.wait are exported, and io.ringbus.internal is out of reach, both to the compiler and to reflection.
 */
class ModulePathTest {
    static final String MODULE = "io.ringbus.core";

    @Test
    void busCoreIsAnExplicitModuleExportingOnlyItsApi() {
        ModuleDescriptor d = ModuleFinder.of(location(RingBus.class)).find(MODULE)
                .orElseThrow(() -> new AssertionError("no module " + MODULE + " at " + location(RingBus.class)))
                .descriptor();
        assertFalse(d.isAutomatic(), "bus-core has no module-info; build it in the same reactor (-am)");
        List<String> exported = d.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                .sorted().toList();
        assertEquals(List.of("io.ringbus", "io.ringbus.stat", "io.ringbus.wait"), exported);
    }

    @Test
    void anExampleRunsWithBusCoreOnTheModulePath() throws Exception {
        String out = java(location(UnicastExample.class).toString(), UnicastExample.class.getName(), "10000");
        assertTrue(out.contains("unicast: 1 producer -> 1 consumer, 10,000 events"), out);
        assertTrue(out.contains("  OK"), out);
    }

    @Test
    void internalPackagesAreNotReachableByReflection() throws Exception {
        String cp = location(ModuleProbe.class) + File.pathSeparator + location(UnicastExample.class);
        String out = java(cp, ModuleProbe.class.getName());
        assertTrue(out.contains("module " + MODULE + "\n"), out);
        assertTrue(out.contains("exported io.ringbus\n") && out.contains("exported io.ringbus.wait\n"), out);
        assertTrue(out.contains("hidden io.ringbus.internal.sequence\n"), out);
        assertFalse(out.contains("exported io.ringbus.internal"), out);
        assertTrue(out.contains("internal refused: ") && out.contains("does not export io.ringbus.internal.sequence"),
                out);
    }

    @Test
    void internalPackagesDoNotCompileAgainstTheModule(@TempDir Path dir) throws Exception {
        assertEquals("", compile(dir, "Api", "import io.ringbus.RingBus; import io.ringbus.wait.WaitStrategy;"
                + " class Api { RingBus<Object> bus; WaitStrategy wait; }"));
        String errors = compile(dir, "Inside", "import io.ringbus.internal.sequence.Sequence;"
                + " class Inside { Sequence s = new Sequence(); }");
        assertTrue(errors.contains("package io.ringbus.internal.sequence is not visible"), errors);
    }

    /** Compiles one class against bus-core on the module path; returns the compiler's errors, "" if none. */
    private static String compile(Path dir, String name, String source) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path file = dir.resolve(name + ".java");
        Files.writeString(file, source);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        // An explicit, empty class path: the compiler would otherwise inherit this JVM's, bus-core included.
        List<String> options = List.of("--module-path", location(RingBus.class).toString(), "--add-modules", MODULE,
                "-classpath", dir.toString(), "-d", dir.resolve("classes").toString());
        var files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file);
        boolean ok = javac.getTask(null, null, diagnostics, options, null, files).call();
        return ok ? "" : diagnostics.getDiagnostics().stream().map(d -> d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }

    /** Runs a class from the class path in a fresh JVM with bus-core on the module path; returns its output. */
    private static String java(String classPath, String mainClass, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", location(RingBus.class).toString(), "--add-modules", MODULE, "-cp", classPath,
                mainClass));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        boolean done = p.waitFor(30, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(done, "no exit within 30 s: " + out);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static Path location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
