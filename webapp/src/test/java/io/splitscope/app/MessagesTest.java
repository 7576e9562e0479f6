package io.splitscope.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void aMessageComesOnOneLine() {
        assertThat(Messages.oneLine("  cannot read 'x':\n   line 3 \r\n  column 4\n")).isEqualTo("cannot read 'x': line 3 column 4");
        assertThat(Messages.oneLine(null)).isEqualTo("unknown error");
    }
}
