package io.splitscope.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The remembered password check over Spring Security's real one (bcrypt, as configured users
 * have it), counting how often the real one runs.
 */
class RecentLoginsTest {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4); // the lowest cost, for speed
    private final AtomicInteger checks = new AtomicInteger();
    private final TestClock clock = new TestClock();
    private final RecentLogins logins = new RecentLogins(counted(realCheck()), clock);

    @Test
    void theSamePasswordIsCheckedOnceWhileRemembered() {
        Authentication first = logins.authenticate(login("anna", "s3cret"));
        Authentication again = logins.authenticate(login("anna", "s3cret"));

        assertThat(first.isAuthenticated()).isTrue();
        assertThat(first.getName()).isEqualTo("anna");
        assertThat(first.getAuthorities()).extracting(Object::toString).contains("ROLE_ANALYST");
        assertThat(again).isSameAs(first);
        assertThat(checks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedAndRefusedAndLeavesTheRightOneRemembered() {
        logins.authenticate(login("anna", "s3cret"));

        for (String wrong : new String[] {"s3cret ", "S3cret", "", "s3cre"}) {
            assertThatThrownBy(() -> logins.authenticate(login("anna", wrong))).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> logins.authenticate(login("nobody", "s3cret"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(1 + 4 + 1);

        logins.authenticate(login("anna", "s3cret"));
        assertThat(checks).hasValue(6);
    }

    @Test
    void aUserIsNotSignedInWithAnotherUsersPassword() {
        logins.authenticate(login("anna", "s3cret"));

        assertThatThrownBy(() -> logins.authenticate(login("ben", "s3cret"))).isInstanceOf(BadCredentialsException.class);
        assertThat(logins.authenticate(login("ben", "other")).getName()).isEqualTo("ben");
        assertThat(checks).hasValue(3);
    }

    @Test
    void aPasswordIsCheckedAgainOnceTheTimeHasPassed() {
        logins.authenticate(login("anna", "s3cret"));
        clock.advance(RecentLogins.REMEMBERED.minusSeconds(1));
        logins.authenticate(login("anna", "s3cret"));
        assertThat(checks).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        logins.authenticate(login("anna", "s3cret"));
        assertThat(checks).hasValue(2);
    }

    @Test
    void otherKindsOfAuthenticationGoToTheRealCheck() {
        AnonymousAuthenticationToken anonymous = new AnonymousAuthenticationToken("key", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

        assertThatThrownBy(() -> logins.authenticate(anonymous)).hasMessageContaining("No AuthenticationProvider found");
        assertThat(checks).hasValue(1);
    }

    private static UsernamePasswordAuthenticationToken login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    private AuthenticationManager realCheck() {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
                User.withUsername("anna").password(bcrypt.encode("s3cret")).roles("ANALYST").build(),
                User.withUsername("ben").password(bcrypt.encode("other")).roles("VIEWER").build());
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(bcrypt);
        return new ProviderManager(provider);
    }

    private AuthenticationManager counted(AuthenticationManager real) {
        return request -> {
            checks.incrementAndGet();
            return real.authenticate(request);
        };
    }
}
