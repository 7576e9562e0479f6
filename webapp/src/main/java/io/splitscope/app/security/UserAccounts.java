package io.splitscope.app.security;

import io.splitscope.app.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The users who may sign in to the web app and the REST API, read once when {@code serve} starts.
 *
 * <p>Users come from configuration — a {@code --config} file ({@code .properties}, {@code .yml} or
 * {@code .yaml}), Java system properties, or environment variables
 * ({@code SPLITSCOPE_USERS_0_NAME} ...) — as a list under {@code splitscope.users}:
 *
 * <pre>
 * splitscope.users[0].name=alice
 * splitscope.users[0].password={bcrypt}$2a$10$...
 * splitscope.users[0].role=ANALYST
 * splitscope.users[1].name=bob
 * splitscope.users[1].password={bcrypt}$2a$10$...
 * splitscope.users[1].role=VIEWER
 * </pre>
 *
 * <p>A password names its encoding: {@code {bcrypt}} (recommended; {@code ./splitscope hash-password}
 * makes one), {@code {pbkdf2}}, or {@code {noop}} (plain text) — refused outside demo mode, since
 * anyone who reads the file could sign in. With {@code --demo-users} the two
 * {@link #demoAccounts() demo users} are added (and {@code {noop}} is allowed). Without any user
 * the app does not start: {@link #load} throws a
 * {@link UsersConfigurationException} saying how to configure one.
 */
public final class UserAccounts {

    /** The configuration prefix of the user list. */
    public static final String PREFIX = "splitscope.users";

    private static final Set<String> ENCODINGS = Set.of("bcrypt", "noop", "pbkdf2", "pbkdf2@SpringSecurity_v5_8");
    private static final Pattern ENCODED = Pattern.compile("\\{([^}]*)}(.*)", Pattern.DOTALL);
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./0-9A-Za-z]{53}");
    private static final Set<String> KEYS = Set.of("name", "password", "role");

    /** How to give users, for the messages that say none are there. */
    static final String HOW_TO = "start with --demo-users (users viewer/viewer and analyst/analyst), or give users in --config FILE: "
            + PREFIX + "[0].name=alice, " + PREFIX + "[0].password={bcrypt}$2a$10$... (./splitscope hash-password makes one), "
            + PREFIX + "[0].role=ANALYST (or VIEWER)";

    private final List<UserAccount> accounts;
    private final boolean demoUsers;

    private UserAccounts(List<UserAccount> accounts, boolean demoUsers) {
        this.accounts = List.copyOf(accounts);
        this.demoUsers = demoUsers;
    }

    /** The documented demo users: {@code viewer}/{@code viewer} (VIEWER) and {@code analyst}/{@code analyst} (ANALYST). */
    public static List<UserAccount> demoAccounts() {
        return List.of(new UserAccount("viewer", "{noop}viewer", Role.VIEWER),
                new UserAccount("analyst", "{noop}analyst", Role.ANALYST));
    }

    /**
     * The users of a {@code serve}: those configured in {@code configFile} (may be null), in system
     * properties and in the environment, plus the demo users when asked for.
     *
     * @throws UsersConfigurationException when there are none, or one is misconfigured, or the
     *                                     file cannot be read
     */
    public static UserAccounts load(Path configFile, boolean demoUsers) {
        StandardEnvironment environment = new StandardEnvironment();
        if (configFile != null) {
            readConfigFile(configFile).forEach(source -> environment.getPropertySources().addFirst(source));
        }
        return from(environment, demoUsers);
    }

    /**
     * The users configured in {@code environment}, plus the demo users when asked for.
     *
     * @throws UsersConfigurationException when there are none or one is misconfigured
     */
    public static UserAccounts from(ConfigurableEnvironment environment, boolean demoUsers) {
        List<Map<String, String>> entries;
        try {
            Bindable<List<Map<String, String>>> users = Bindable.of(ResolvableType.forClassWithGenerics(List.class,
                    ResolvableType.forClassWithGenerics(Map.class, String.class, String.class)));
            entries = Binder.get(environment).bind(PREFIX, users).orElse(List.of());
        } catch (BindException e) {
            throw new UsersConfigurationException("cannot read the users (" + PREFIX + "): "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
        }
        List<UserAccount> accounts = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            accounts.add(account(i, entries.get(i), demoUsers));
        }
        if (demoUsers) {
            accounts.addAll(demoAccounts());
        }
        if (accounts.isEmpty()) {
            throw new UsersConfigurationException("no users to sign in with: " + HOW_TO);
        }
        Set<String> names = new HashSet<>();
        for (UserAccount account : accounts) {
            if (!names.add(account.name())) {
                throw new UsersConfigurationException("user '" + account.name() + "' is configured twice"
                        + (demoUsers ? " (--demo-users adds viewer and analyst)" : ""));
            }
        }
        return new UserAccounts(accounts, demoUsers);
    }

    /** Every user, configured ones first, then the demo users. */
    public List<UserAccount> accounts() {
        return accounts;
    }

    /** Whether the demo users are among them ({@code --demo-users}). */
    public boolean demoUsers() {
        return demoUsers;
    }

    /** The user of that name. */
    public Optional<UserAccount> find(String name) {
        return accounts.stream().filter(account -> account.name().equals(name)).findFirst();
    }

    /** The users as Spring Security's user details (password with its encoding, authorities of the role). */
    public List<UserDetails> userDetails() {
        return accounts.stream()
                .map(account -> User.withUsername(account.name()).password(account.password())
                        .authorities(account.role().authorities()).build())
                .toList();
    }

    private static UserAccount account(int index, Map<String, String> entry, boolean demoMode) {
        String where = PREFIX + "[" + index + "]";
        Set<String> unknown = new TreeSet<>(entry.keySet());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new UsersConfigurationException(where + " has unknown keys " + unknown + ": a user has name, password and role");
        }
        String name = required(entry, where, "name").strip();
        String who = "user '" + name + "' (" + where + ")";
        Role role = Role.parse(required(entry, where, "role")).orElseThrow(() -> new UsersConfigurationException(
                who + ": role must be " + Role.known() + ", not '" + entry.get("role") + "'"));
        return new UserAccount(name, password(who, required(entry, where, "password"), demoMode), role);
    }

    private static String required(Map<String, String> entry, String where, String key) {
        String value = entry.get(key);
        if (value == null || value.isBlank()) {
            throw new UsersConfigurationException(where + "." + key + " is missing: a user has name, password and role");
        }
        return value;
    }

    private static String password(String where, String password, boolean demoMode) {
        Matcher encoded = ENCODED.matcher(password);
        if (!encoded.matches()) {
            throw new UsersConfigurationException(where + ": the password must name its encoding,"
                    + " {bcrypt}$2a$10$... or {noop}plain-text");
        }
        String encoding = encoded.group(1);
        if (!ENCODINGS.contains(encoding)) {
            throw new UsersConfigurationException(where + ": unsupported password encoding {" + encoding
                    + "} (use {bcrypt}, {pbkdf2} or {noop})");
        }
        if (encoded.group(2).isEmpty()) {
            throw new UsersConfigurationException(where + ": the password is empty");
        }
        if (encoding.equals("noop") && !demoMode) {
            throw new UsersConfigurationException(where + ": a plain-text {noop} password is refused outside demo mode;"
                    + " hash it with ./splitscope hash-password and give {bcrypt}$2a$10$...");
        }
        if (encoding.equals("bcrypt") && !BCRYPT.matcher(encoded.group(2)).matches()) {
            throw new UsersConfigurationException(where + ": the {bcrypt} password is not a bcrypt hash ($2a$10$ and 53 more characters)");
        }
        return password;
    }

    private static List<PropertySource<?>> readConfigFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        PropertySourceLoader loader = name.endsWith(".properties") ? new PropertiesPropertySourceLoader()
                : name.endsWith(".yml") || name.endsWith(".yaml") ? new YamlPropertySourceLoader() : null;
        if (loader == null) {
            throw new UsersConfigurationException("configuration file " + file + " must end in .properties, .yml or .yaml");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UsersConfigurationException("configuration file " + file + " does not exist or cannot be read");
        }
        try {
            return loader.load("splitscope-config", new FileSystemResource(file));
        } catch (IOException | RuntimeException e) {
            throw new UsersConfigurationException("cannot read configuration file " + file + ": "
                    + Messages.oneLine(String.valueOf(e.getMessage())));
        }
    }
}
