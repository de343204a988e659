package io.github.guestinspect.runner;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.guestinspect.runner.GuestfishSession.Pending;
import io.github.guestinspect.runner.GuestfishSession.Replies;
import io.github.guestinspect.testing.FuzzInput;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz targets for everything the runner reads from guestfish and from a root's /etc: the conversation's replies,
 * the listings, and the facts derived from /etc files. Contract of each: any input gives a result (the conversation
 * may also fail with {@link GuestfishException} when a stream ends before its marker); never another exception.
 * Corpus: src/test/resources/io/github/guestinspect/runner/RunnerParsingFuzzTestInputs/METHOD (first byte '0'...
 * chooses a variant, 0xFF separates parts, see {@link FuzzInput}).
 */
class RunnerParsingFuzzTest {
    private static final String MARKER = "gi-0123456789abcdef0123456789abcdef";
    private static final int MAX_CALLS = 8;

    /**
     * {@link ReplyReader#read}: input = number of calls, then standard output and standard error. Checked against a
     * plain reading of the same lines: each call's output is what lies between the markers, and a call failed
     * exactly when an error line names its input line.
     */
    @FuzzTest
    void guestfishReplies(final byte[] data) {
        List<String> streams = FuzzInput.texts(FuzzInput.afterChoice(data), 2);
        List<Pending> calls = new ArrayList<>();
        for (int i = 0; i < FuzzInput.choice(data, MAX_CALLS); i++) {
            calls.add(new Pending(2 * i + 1, i)); // as GuestfishSession numbers a command and its echo
        }
        List<String> stdout = lines(streams.get(0));
        List<String> stderr = lines(streams.get(1));
        int stdoutMarkers = (int) stdout.stream().filter(MARKER::equals).count();
        boolean complete = stdoutMarkers >= calls.size() && stderr.contains(MARKER);
        try {
            Replies replies = ReplyReader.read(calls, MARKER, source(stdout), source(stderr));

            assertThat(complete).as("read although a stream ended early").isTrue();
            assertThat(replies.size()).isEqualTo(calls.size());
            List<List<String>> outputs = outputsBetweenMarkers(stdout, calls.size());
            Map<Integer, List<String>> errors = errorsBeforeMarker(stderr);
            for (Pending call : calls) {
                assertThat(replies.output(call)).isEqualTo(outputs.get(call.index()));
                assertThat(replies.failed(call)).isEqualTo(errors.containsKey(call.line()));
                errors.getOrDefault(call.line(), List.of())
                        .forEach(message -> assertThat(replies.error(call)).contains(message));
            }
        }
        catch (GuestfishException exception) {
            assertThat(complete).as("failed although every marker came: " + exception.getMessage()).isFalse();
        }
    }

    /** Lines as the session's BufferedReader splits them (\n, \r and \r\n). */
    private static List<String> lines(final String text) {
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            return reader.lines().toList();
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    private static ReplyReader.Lines source(final List<String> lines) {
        int[] next = {0};
        return () -> {
            if (next[0] == lines.size()) {
                throw new GuestfishException("the stream ended", false);
            }
            return lines.get(next[0]++);
        };
    }

    private static List<List<String>> outputsBetweenMarkers(final List<String> stdout, final int calls) {
        List<List<String>> outputs = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : stdout) {
            if (outputs.size() == calls) {
                break;
            }
            if (line.equals(MARKER)) {
                outputs.add(current);
                current = new ArrayList<>();
            }
            else {
                current.add(line);
            }
        }
        return outputs;
    }

    private static Map<Integer, List<String>> errorsBeforeMarker(final List<String> stderr) {
        Map<Integer, List<String>> errors = new HashMap<>();
        for (String line : stderr.subList(0, stderr.indexOf(MARKER))) {
            String prefix = "*stdin*:";
            int colon = line.indexOf(": ", prefix.length());
            if (line.startsWith(prefix) && colon > prefix.length()
                    && line.substring(prefix.length(), colon).matches("[0-9]{1,9}")) {
                errors.computeIfAbsent(Integer.parseInt(line.substring(prefix.length(), colon)),
                        key -> new ArrayList<>()).add(line.substring(colon + 2));
            }
        }
        return errors;
    }

    /**
     * The listings: disk labels, library version, filesystems, device lists, lstatns and lstatnslist replies, ls0
     * name lists and device-name mapping. Each keeps the invariants its callers rely on.
     */
    @FuzzTest
    void guestfishListings(final byte[] data) {
        byte[] content = FuzzInput.afterChoice(data);
        List<String> lines = lines(new String(content, StandardCharsets.UTF_8));
        switch (FuzzInput.choice(data, 8)) {
            case 0 -> assertThat(GuestfishListings.diskLabels(lines))
                    .allSatisfy((label, device) -> assertThat(device).isEqualTo(device.strip()));
            case 1 -> assertThat(GuestfishListings.libraryVersion(lines).chars().filter(c -> c == '.').count())
                    .isGreaterThanOrEqualTo(2);
            case 2 -> GuestfishListings.filesystems(lines).forEach(fs -> {
                assertThat(fs.device()).isNotNull();
                assertThat(fs.type()).isNotNull();
                fs.mayHoldLinuxRoot();
            });
            case 3 -> assertThat(GuestfishListings.devices(lines))
                    .allSatisfy(device -> assertThat(device).isNotBlank().isEqualTo(device.strip()));
            case 4 -> StatReply.parse(lines).fact("/etc/machine-id");
            case 5 -> assertThat(StatReply.parseList(lines))
                    .hasSizeLessThanOrEqualTo((int) lines.stream().filter(line -> line.startsWith("}")).count());
            case 6 -> {
                int nuls = 0;
                for (byte b : content) {
                    nuls += b == 0 ? 1 : 0;
                }
                assertThat(NulList.parse(content)).hasSizeLessThanOrEqualTo(nuls)
                        .allSatisfy(name -> assertThat(name).isNotEmpty().doesNotContain("\0"));
            }
            default -> {
                List<String> names = FuzzInput.texts(content, 2);
                deviceNames(names.get(0), names.get(1));
            }
        }
    }

    private static void deviceNames(final String device, final String drive) {
        if (DeviceNames.belongsTo(device, drive)) {
            assertThat(DeviceNames.normalize(device, drive)).startsWith("/dev/sda");
        }
        else {
            assertThat(DeviceNames.normalize(device, drive)).isEqualTo(device);
        }
        DeviceNames.guestDiskToAppliance(device, drive)
                .ifPresent(appliance -> assertThat(appliance).startsWith(drive));
        assertThat(DeviceNames.fromMapper(device)).isNotNull();
    }

    /**
     * {@link RootFacts} over any set of /etc files: one part each of {@link RootFacts#ETC_FILES} in that order (an
     * empty part is a missing file); every fact is derived without an exception.
     */
    @FuzzTest
    void etcFiles(final byte[] data) {
        List<byte[]> parts = FuzzInput.parts(data, RootFacts.ETC_FILES.size());
        Map<String, byte[]> files = new HashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).length > 0) {
                files.put(RootFacts.ETC_FILES.get(i), parts.get(i));
            }
        }
        RootFacts facts = new RootFacts(files);

        assertThat(facts.distro()).isNotEmpty();
        assertThat(facts.version()).isNotNull();
        assertThat(facts.productName()).isNotNull();
        assertThat(facts.majorVersion()).isNotNegative();
        assertThat(facts.minorVersion()).isNotNegative();
        assertThat(facts.hostname()).hasSizeLessThanOrEqualTo(255);
        facts.isLike("debian", "fedora", "alpine");
        assertThat(facts.fstab()).allSatisfy(entry -> assertThat(entry.type()).isNotEmpty());
    }
}
