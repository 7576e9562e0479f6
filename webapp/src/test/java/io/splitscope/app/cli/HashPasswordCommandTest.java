package io.splitscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.app.security.UserAccounts;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** {@code hash-password}: a {@code {bcrypt}} hash of the first line of standard input, which {@code serve} accepts. */
class HashPasswordCommandTest {

    @Test
    void printsABcryptHashOfTheFirstLineThatServeAccepts() {
        CommandLineRun run = CommandLineRun.of(input("wonder land\nnot this line\n"), "hash-password");

        assertThat(run.status()).isEqualTo(CommandLine.OK);
        assertThat(run.stderr()).isEmpty();
        String hashed = run.stdout().strip();
        assertThat(hashed).matches("\\{bcrypt}\\$2a\\$10\\$[./0-9A-Za-z]{53}"); // cost 10
        assertThat(new BCryptPasswordEncoder().matches("wonder land", hashed.substring("{bcrypt}".length()))).isTrue();
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("users", Map.of("splitscope.users[0].name", "alice",
                "splitscope.users[0].password", hashed, "splitscope.users[0].role", "ANALYST")));
        assertThat(UserAccounts.from(environment, false).accounts()).hasSize(1);
    }

    @Test
    void refusesNoPasswordInOneLine() {
        for (String input : new String[] {"", "\n"}) {
            CommandLineRun run = CommandLineRun.of(input(input), "hash-password");

            assertThat(run.status()).isEqualTo(CommandLine.USAGE);
            assertThat(run.stderr().lines().findFirst()).contains("splitscope: hash-password needs the password on standard input, got "
                    + (input.isEmpty() ? "nothing" : "an empty line"));
            assertThat(run.stdout()).isEmpty();
        }
    }

    private static InputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
