package io.splitscope.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hash-password}: reads a password from standard input (its first line) and prints its
 * bcrypt hash with the encoding, {@code {bcrypt}$2a$10$…}, ready for
 * {@code splitscope.users[N].password} — {@code serve} refuses plain-text {@code {noop}} passwords
 * outside demo mode. From standard input, so that the password stays out of the shell's history.
 */
@Command(name = "hash-password", sortOptions = false, sortSynopsis = false,
        description = {"Print the bcrypt hash of a password, for a users file.",
                "Reads the password from standard input (the first line), e.g.",
                "  read -rs PW && ./splitscope hash-password <<< \"$PW\""})
final class HashPasswordCommand extends BaseCommand {

    @ParentCommand
    private SplitscopeCommand splitscope;

    @Override
    public void run() {
        String password = firstLine();
        if (password == null || password.isEmpty()) {
            throw usageError("hash-password needs the password on standard input, got " + (password == null ? "nothing" : "an empty line"));
        }
        stdout().println(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password)); // as serve checks them
    }

    private String firstLine() {
        try {
            // Not closed: it is the process' standard input.
            return new BufferedReader(new InputStreamReader(splitscope.stdin(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password from standard input", e);
        }
    }
}
