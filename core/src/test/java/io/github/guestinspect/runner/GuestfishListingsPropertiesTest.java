package io.github.guestinspect.runner;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What guestfish prints reads back exactly: listings written the way guestfish writes them, from generated values.
 * (The fuzz targets in {@link RunnerParsingFuzzTest} cover arbitrary bytes; these cover well-formed output, which
 * random bytes seldom are.)
 */
class GuestfishListingsPropertiesTest {
    @Property(tries = 500)
    void shouldReadBackEveryNameOfAnLs0List(@ForAll("names") final List<String> names) {
        ByteArrayOutputStream listing = new ByteArrayOutputStream();
        for (String name : names) {
            listing.writeBytes(name.getBytes(StandardCharsets.UTF_8));
            listing.write(0);
        }

        assertThat(NulList.parse(listing.toByteArray())).isEqualTo(names);
    }

    @Property(tries = 500)
    void shouldReadBackEveryStatOfAnLstatnslistReply(@ForAll("stats") final List<StatReply> stats) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < stats.size(); i++) {
            lines.add("[" + i + "] = {");
            lines.add("  st_dev: " + stats.get(i).device());
            lines.add("  st_ino: " + stats.get(i).inode());
            lines.add("  st_mode: " + stats.get(i).mode());
            lines.add("  st_nlink: " + stats.get(i).links());
            lines.add("  st_uid: 0");
            lines.add("  st_size: " + stats.get(i).size());
            lines.add("  st_blksize: 4096");
            lines.add("}");
        }

        assertThat(StatReply.parseList(lines)).isEqualTo(stats);
    }

    @Property(tries = 500)
    void shouldReadBackEveryDriveOfTheDiskLabels(@ForAll("labels") final Map<String, String> drives) {
        List<String> lines = drives.entrySet().stream().map(drive -> drive.getKey() + ": " + drive.getValue())
                .toList();

        assertThat(GuestfishListings.diskLabels(lines)).isEqualTo(drives);
    }

    @Provide
    Arbitrary<List<String>> names() {
        return Arbitraries.strings().excludeChars('\0').ofMinLength(1).ofMaxLength(20)
                .filter(name -> name.chars().noneMatch(c -> Character.isSurrogate((char) c))).list().ofMaxSize(10);
    }

    @Provide
    Arbitrary<List<StatReply>> stats() {
        Arbitrary<Long> numbers = Arbitraries.longs().between(0, Long.MAX_VALUE);
        return Combinators.combine(numbers, numbers, Arbitraries.longs().between(0, 0177777), numbers, numbers)
                .as(StatReply::new).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<Map<String, String>> labels() {
        return Arbitraries.maps(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(4)
                .map(label -> "gi" + label), Arbitraries.strings().withCharRange('a', 'z').ofLength(3)
                .map(disk -> "/dev/s" + disk)).ofMaxSize(30);
    }
}
