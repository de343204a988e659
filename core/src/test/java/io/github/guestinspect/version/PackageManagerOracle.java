package io.github.guestinspect.version;

import io.github.guestinspect.testing.RequiredTools;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real package managers as oracles: {@code dpkg --compare-versions} and rpm's {@code rpm.vercmp} (through rpm's
 * embedded Lua). Each batch of pairs costs one process (dpkg: one shell running dpkg twice per pair; rpm: one Lua
 * chunk), so a property can check hundreds of pairs per try.
 */
final class PackageManagerOracle {
    private static final long TIMEOUT_SECONDS = 120;

    private PackageManagerOracle() {
    }

    static boolean dpkgInstalled() {
        return runs("dpkg", "--version");
    }

    static boolean rpmInstalled() {
        return runs("rpm", "--version");
    }

    /**
     * dpkg's verdict per pair: -1, 0, 1, or empty where dpkg refuses a version (bad syntax is an error for dpkg,
     * so it defines no order there). Pairs with text the command line cannot carry (NUL, or non-ASCII when the JVM
     * does not pass arguments as UTF-8) are reported as empty too.
     */
    static List<Optional<Integer>> dpkg(final List<VersionPair> pairs) {
        List<String> command = new ArrayList<>(List.of("sh", "-c", """
                while [ "$#" -ge 2 ]; do
                  dpkg --compare-versions "$1" lt "$2"; lt=$?
                  dpkg --compare-versions "$1" gt "$2"; gt=$?
                  echo "$lt $gt"
                  shift 2
                done""", "dpkg-oracle"));
        List<Boolean> passable = new ArrayList<>();
        for (VersionPair pair : pairs) {
            boolean ok = isPassable(pair.left()) && isPassable(pair.right());
            passable.add(ok);
            command.add(ok ? pair.left() : "0");
            command.add(ok ? pair.right() : "0");
        }
        List<String> lines = run("dpkg", command, Optional.empty());
        List<Optional<Integer>> verdicts = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            verdicts.add(passable.get(i) ? dpkgVerdict(lines.get(i)) : Optional.empty());
        }
        return verdicts;
    }

    /** rpm's {@code rpm.vercmp} per pair (rpm 4.18: {@code rpmverCmp}); pairs must not be empty strings. */
    static List<Integer> rpm(final List<VersionPair> pairs) {
        StringBuilder lua = new StringBuilder("local cases = {\n");
        for (VersionPair pair : pairs) {
            lua.append('{').append(luaString(pair.left())).append(", ").append(luaString(pair.right())).append("},\n");
        }
        lua.append("}\nfor _, p in ipairs(cases) do io.write(rpm.vercmp(p[1], p[2]), \"\\n\") end\n");
        try {
            Path script = Files.createTempFile("rpm-oracle", ".lua");
            try {
                Files.writeString(script, lua, StandardCharsets.US_ASCII);
                List<String> lines = run("rpm", List.of("rpm", "--eval",
                        "%{lua: dofile(os.getenv(\"RPM_ORACLE_SCRIPT\"))}"), Optional.of(script));
                return lines.stream().filter(line -> !line.isBlank()).map(line -> Integer.parseInt(line.strip()))
                        .toList();
            }
            finally {
                Files.deleteIfExists(script);
            }
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    private static Optional<Integer> dpkgVerdict(final String line) {
        return switch (line) {
            case "0 1" -> Optional.of(-1);
            case "1 0" -> Optional.of(1);
            case "1 1" -> Optional.of(0);
            default -> Optional.empty();
        };
    }

    private static boolean isPassable(final String text) {
        boolean utf8 = Charset.forName(System.getProperty("sun.jnu.encoding", "US-ASCII"))
                .equals(StandardCharsets.UTF_8);
        return text.indexOf('\0') < 0 && (utf8 || text.chars().allMatch(c -> c < 128))
                && StandardCharsets.UTF_8.newEncoder().canEncode(text);
    }

    /** A Lua string literal of the UTF-8 bytes, every byte escaped, so nothing in a version can break out. */
    private static String luaString(final String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            literal.append('\\').append(String.format("%03d", b & 0xff));
        }
        return literal.append('"').toString();
    }

    private static List<String> run(final String oracle, final List<String> command,
                                    final Optional<Path> rpmScript) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            rpmScript.ifPresent(script -> builder.environment().put("RPM_ORACLE_SCRIPT", script.toString()));
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(oracle + " timed out after " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(oracle + " failed with exit code " + process.exitValue());
            }
            return output.lines().toList();
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
        catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the oracle", exception);
        }
    }

    private static boolean runs(final String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        }
        catch (IOException exception) {
            return false;
        }
        catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Skips a property container when dpkg is not installed (the order is then only checked by examples). */
    static final class DpkgInstalled implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(final LifecycleContext context) {
            if (!dpkgInstalled()) {
                RequiredTools.require("a Debian host (dpkg)", "dpkg"); // fails unless skipping is allowed
            }
            return SkipResult.doNotSkip();
        }
    }

    /** Skips a property container when rpm is not installed. */
    static final class RpmInstalled implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(final LifecycleContext context) {
            if (!rpmInstalled()) {
                RequiredTools.require("apt-get install rpm", "rpm"); // fails unless skipping is allowed
            }
            return SkipResult.doNotSkip();
        }
    }
}
