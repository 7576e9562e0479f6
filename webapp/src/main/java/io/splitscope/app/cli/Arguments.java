package io.splitscope.app.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options of one command: {@code --name value} pairs and {@code --flag}s. Unknown options,
 * repeated options and options without their value are usage errors.
 */
final class Arguments {

    private final Map<String, String> values;
    private final Set<String> flags;

    private Arguments(Map<String, String> values, Set<String> flags) {
        this.values = values;
        this.flags = flags;
    }

    /**
     * @param valued the options that take a value, without {@code --}
     * @param flags  the options that take none
     */
    static Arguments parse(List<String> arguments, Set<String> valued, Set<String> flags) {
        Map<String, String> values = new HashMap<>();
        Set<String> present = new HashSet<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--")) {
                throw new UsageException("unexpected argument '" + argument + "'");
            }
            String name = argument.substring(2);
            String inlineValue = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                inlineValue = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (flags.contains(name) && inlineValue == null) {
                present.add(name);
            } else if (valued.contains(name)) {
                String value = inlineValue;
                if (value == null) {
                    if (i + 1 >= arguments.size() || arguments.get(i + 1).startsWith("--")) {
                        throw new UsageException("option --" + name + " needs a value");
                    }
                    value = arguments.get(++i);
                }
                if (values.putIfAbsent(name, value) != null) {
                    throw new UsageException("option --" + name + " is given twice");
                }
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return new Arguments(values, present);
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> new UsageException("option --" + name + " is required"));
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name));
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    long longValue(String name, long defaultValue) {
        return optional(name).map(value -> parseLong(name, value)).orElse(defaultValue);
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " needs a whole number, not '" + value + "'");
        }
    }
}
