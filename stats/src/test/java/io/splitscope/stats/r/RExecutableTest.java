package io.splitscope.stats.r;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding R: the configured executable, or a search. */
class RExecutableTest {

    @Test
    void aConfiguredExecutableIsTakenAsItIs(@TempDir Path dir) throws Exception {
        Path r = Files.writeString(dir.resolve("my-R"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(r, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(RExecutable.locate(r)).contains(r);
    }

    @Test
    void aConfiguredPathThatIsMissingNotExecutableOrADirectoryIsNoR(@TempDir Path dir) throws Exception {
        Path plain = Files.writeString(dir.resolve("R"), "not a program");
        Files.setPosixFilePermissions(plain, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(RExecutable.locate(dir.resolve("missing"))).isEmpty();
        assertThat(RExecutable.locate(plain)).isEmpty();
        assertThat(RExecutable.locate(dir)).isEmpty();
    }

    @Test
    void withoutAConfiguredOneTheSearchFindsAnExecutableNamedR() {
        // R is installed for the tests (build/ensure-test-tools.sh)
        Path found = RExecutable.locate(null).orElseThrow();

        assertThat(found.getFileName()).hasToString("R");
        assertThat(Files.isExecutable(found)).isTrue();
    }
}
