package io.ringbus.examples;

import io.ringbus.RingBus;

/**
 * Run by {@link ModulePathTest} with bus-core on the module path: reports the module bus-core was loaded
 * as, what it exports, and whether an internal class can be used reflectively from outside.
 */
public final class ModuleProbe {
    private ModuleProbe() {
    }

    public static void main(String[] args) throws Exception {
        Module core = RingBus.class.getModule();
        Module self = ModuleProbe.class.getModule();
        System.out.println("module " + core.getName() + (core.getDescriptor().isAutomatic() ? " (automatic)" : ""));
        for (String pkg : core.getPackages()) {
            System.out.println((core.isExported(pkg, self) ? "exported " : "hidden ") + pkg);
        }
        Class<?> internal = Class.forName("io.ringbus.internal.sequence.Sequence");
        try {
            internal.getConstructor().newInstance();
            System.out.println("internal reachable");
        } catch (IllegalAccessException e) {
            System.out.println("internal refused: " + e.getMessage());
        }
    }
}
