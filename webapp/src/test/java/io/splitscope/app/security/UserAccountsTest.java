package io.splitscope.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Users from configuration and the demo users; every misconfiguration is one line that says how to fix it. */
class UserAccountsTest {

    @TempDir
    Path dir;

    @Test
    void refusesToRunWithoutUsersAndSaysHowToConfigureThem() {
        assertThatThrownBy(() -> UserAccounts.from(environment(Map.of()), false))
                .isInstanceOf(UsersConfigurationException.class)
                .hasMessageStartingWith("no users to sign in with: start with --demo-users")
                .hasMessageContaining("--config FILE", "splitscope.users[0].name=", "{bcrypt}", "ANALYST")
                .hasMessageNotContaining("\n");
    }

    @Test
    void demoUsersAreViewerAndAnalystWithTheirNamesAsPasswords() {
        UserAccounts accounts = UserAccounts.from(environment(Map.of()), true);

        assertThat(accounts.demoUsers()).isTrue();
        assertThat(accounts.accounts()).containsExactly(new UserAccount("viewer", "{noop}viewer", Role.VIEWER),
                new UserAccount("analyst", "{noop}analyst", Role.ANALYST));
    }

    @Test
    void readsUsersFromAPropertiesFileWithBcryptPasswords() throws IOException {
        String hash = new BCryptPasswordEncoder(4).encode("s3cret");
        Path config = Files.writeString(dir.resolve("splitscope.properties"), """
                splitscope.users[0].name=alice
                splitscope.users[0].password={bcrypt}%s
                splitscope.users[0].role=analyst
                splitscope.users[1].name=bob
                splitscope.users[1].password={bcrypt}%s
                splitscope.users[1].role=VIEWER
                """.formatted(hash, new BCryptPasswordEncoder(4).encode("bobs-password")));

        UserAccounts accounts = UserAccounts.load(config, false);

        assertThat(accounts.accounts()).extracting(UserAccount::name, UserAccount::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", Role.ANALYST), org.assertj.core.groups.Tuple.tuple("bob", Role.VIEWER));
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        assertThat(encoder.matches("s3cret", accounts.find("alice").orElseThrow().password())).isTrue();
        assertThat(encoder.matches("bobs-password", accounts.find("bob").orElseThrow().password())).isTrue();
        assertThat(accounts.find("alice").orElseThrow().toString()).doesNotContain(hash);
    }

    @Test
    void readsUsersFromYamlAndAddsTheDemoUsers() throws IOException {
        Path config = Files.writeString(dir.resolve("splitscope.yml"), """
                splitscope:
                  users:
                    - name: carol
                      password: "{noop}pw"
                      role: VIEWER
                """);

        UserAccounts accounts = UserAccounts.load(config, true);

        assertThat(accounts.accounts()).extracting(UserAccount::name).containsExactly("carol", "viewer", "analyst");
    }

    @Test
    void refusesPlainTextPasswordsUnlessInDemoMode() {
        assertThatThrownBy(() -> UserAccounts.from(user("frank", "{noop}pw", "VIEWER"), false))
                .isInstanceOf(UsersConfigurationException.class)
                .hasMessage("user 'frank' (splitscope.users[0]): a plain-text {noop} password is refused outside demo mode;"
                        + " hash it with ./splitscope hash-password and give {bcrypt}$2a$10$...");

        assertThat(UserAccounts.from(user("frank", "{noop}pw", "VIEWER"), true).find("frank")).isPresent();
    }

    @Test
    void namesWhatIsWrongWithAUser() {
        assertThatThrownBy(() -> UserAccounts.from(user("dave", "plain", "VIEWER"), false))
                .hasMessage("user 'dave' (splitscope.users[0]): the password must name its encoding, {bcrypt}$2a$10$... or {noop}plain-text");
        assertThatThrownBy(() -> UserAccounts.from(user("dave", "{md5}abc", "VIEWER"), false))
                .hasMessageContaining("unsupported password encoding {md5}");
        assertThatThrownBy(() -> UserAccounts.from(user("dave", "{bcrypt}not-a-hash", "VIEWER"), false))
                .hasMessageContaining("is not a bcrypt hash");
        assertThatThrownBy(() -> UserAccounts.from(user("dave", "{noop}pw", "admin"), false))
                .hasMessage("user 'dave' (splitscope.users[0]): role must be VIEWER or ANALYST, not 'admin'");
        assertThatThrownBy(() -> UserAccounts.from(environment(Map.of("splitscope.users[0].name", "erin",
                        "splitscope.users[0].password", "{noop}pw")), false))
                .hasMessage("splitscope.users[0].role is missing: a user has name, password and role");
        assertThatThrownBy(() -> UserAccounts.from(environment(Map.of("splitscope.users[0].username", "erin",
                        "splitscope.users[0].password", "{noop}pw", "splitscope.users[0].role", "VIEWER")), false))
                .hasMessageContaining("has unknown keys [username]");
        assertThatThrownBy(() -> UserAccounts.from(user("viewer", "{noop}pw", "VIEWER"), true))
                .hasMessageContaining("user 'viewer' is configured twice");
    }

    @Test
    void refusesAConfigFileItCannotRead() {
        assertThatThrownBy(() -> UserAccounts.load(dir.resolve("missing.properties"), true))
                .isInstanceOf(UsersConfigurationException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> UserAccounts.load(dir.resolve("users.txt"), true))
                .hasMessageContaining("must end in .properties, .yml or .yaml");
    }

    private static StandardEnvironment user(String name, String password, String role) {
        return environment(Map.of("splitscope.users[0].name", name, "splitscope.users[0].password", password,
                "splitscope.users[0].role", role));
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
