package io.ringbus.latency.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The commit is what git prints when it is a commit id, and "unknown" whenever git cannot tell. */
class ProvenanceTest {

    @Test
    void aCommitIdIsTaken() {
        assertEquals("abc1234", Provenance.gitCommit(List.of("echo", "abc1234")));
    }

    @Test
    void anythingElseIsUnknown() {
        assertEquals(Provenance.UNKNOWN, Provenance.gitCommit(List.of("echo", "fatal: not a git repository")));
        assertEquals(Provenance.UNKNOWN, Provenance.gitCommit(List.of("false")));
        assertEquals(Provenance.UNKNOWN, Provenance.gitCommit(List.of("ringbus-no-such-command")));
    }
}
