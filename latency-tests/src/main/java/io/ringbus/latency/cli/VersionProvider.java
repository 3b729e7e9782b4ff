package io.ringbus.latency.cli;

import io.ringbus.latency.machine.Provenance;
import picocli.CommandLine.IVersionProvider;

/** --version: the ringbus version the harness was built with, read from its jar manifest. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"ringbus latency harness " + Provenance.version()};
    }
}
