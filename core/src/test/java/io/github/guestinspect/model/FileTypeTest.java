package io.github.guestinspect.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileTypeTest {
    @Test
    void shouldTellFileTypesFromTheModeAsLstatReportsIt() {
        assertThat(FileType.fromMode(0100644)).isEqualTo(FileType.REGULAR);
        assertThat(FileType.fromMode(0040755)).isEqualTo(FileType.DIRECTORY);
        assertThat(FileType.fromMode(0120777)).isEqualTo(FileType.SYMLINK);
        assertThat(FileType.fromMode(0020620)).isEqualTo(FileType.OTHER); // a character device
        assertThat(FileType.fromMode(0140755)).isEqualTo(FileType.OTHER); // a socket: not a symbolic link
    }
}
