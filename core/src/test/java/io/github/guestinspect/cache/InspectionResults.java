package io.github.guestinspect.cache;

import io.github.guestinspect.model.CacheInfo;
import io.github.guestinspect.model.DiskFormat;
import io.github.guestinspect.model.DiskInfo;
import io.github.guestinspect.model.Failure;
import io.github.guestinspect.model.Filesystem;
import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.InstalledPackage;
import io.github.guestinspect.model.Mountpoint;
import io.github.guestinspect.model.OperatingSystem;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.model.Timings;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Inspection results for cache tests. The arbitraries follow the records' components by reflection, so a component
 * added to the model is generated (and round-tripped) without touching this class: strings of any Unicode scalar
 * values (controls, markup, astral planes), numbers with their edge cases, every enum constant, empty and long lists,
 * optionals present and absent, and every status with the failure the constructor demands.
 */
final class InspectionResults {
    /** Strings an image may hand us: markup, control characters, byte order marks, non-characters, astral planes. */
    private static final List<String> NASTY = List.of("", " ", "\u0000", "\n", "\r\n", "\t", "\u001b[31mred\u001b[0m",
            "<script>alert('x')</script>", "&amp;&lt;&gt;\"'", "]]><!--", "\uFEFF", "\uFFFE", "\uFFFF",
            "\u0085\u2028\u2029", "\uD83D\uDE00", "\uDBFF\uDFFF", "\u200B\u200D", "null", "{\"a\":1}", ":)\n",
            "e\u0301", "\u202Egnp.exe");

    private InspectionResults() {
    }

    /** Any string of Unicode scalar values (every plane, C0 and C1 controls included), plus known nasty ones. */
    static Arbitrary<String> text() {
        Arbitrary<Integer> codePoint = Arbitraries.frequency(
                        Tuple.of(3, new int[] {0x00, 0x1F}), Tuple.of(4, new int[] {0x20, 0x7E}),
                        Tuple.of(1, new int[] {0x7F, 0x9F}), Tuple.of(2, new int[] {0xA0, 0xD7FF}),
                        Tuple.of(1, new int[] {0xE000, 0xFFFF}), Tuple.of(2, new int[] {0x10000, 0x10FFFF}))
                .flatMap(range -> Arbitraries.integers().between(range[0], range[1]));
        Arbitrary<String> random = codePoint.list().ofMaxSize(40).map(InspectionResults::fromCodePoints);
        return Arbitraries.oneOf(random, random, random, Arbitraries.of(NASTY));
    }

    private static String fromCodePoints(final List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        codePoints.forEach(text::appendCodePoint);
        return text.toString();
    }

    /** Any inspection result the constructor accepts; FAILED exactly with a failure (of every kind). */
    static Arbitrary<InspectionResult> results() {
        return Arbitraries.of(Status.class).flatMap(status -> forRecord(InspectionResult.class, Map.of(
                "status", Arbitraries.just(status),
                "failure", status == Status.FAILED ? forType(Failure.class).map(Optional::of)
                        : Arbitraries.just(Optional.empty()))));
    }

    /** Any value of a record, component by component; {@code overrides} replace components by name. */
    static <R extends Record> Arbitrary<R> forRecord(final Class<R> type, final Map<String, Arbitrary<?>> overrides) {
        RecordComponent[] components = type.getRecordComponents();
        List<Arbitrary<Object>> values = new ArrayList<>();
        for (RecordComponent component : components) {
            Arbitrary<?> value = overrides.containsKey(component.getName()) ? overrides.get(component.getName())
                    : forType(component.getGenericType());
            values.add(value.map(Object.class::cast));
        }
        return Combinators.combine(values).as(arguments -> construct(type, arguments.toArray()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Arbitrary<?> forType(final Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type element = parameterized.getActualTypeArguments()[0];
            if (raw == List.class) {
                Arbitrary<?> elements = forType(element);
                if (element == InstalledPackage.class) { // many packages are the normal case
                    return Arbitraries.frequencyOf(Tuple.of(9, elements.list().ofMaxSize(4)),
                            Tuple.of(1, elements.list().ofMinSize(200).ofMaxSize(1000)));
                }
                return elements.list().ofMaxSize(5);
            }
            if (raw == Optional.class) {
                return forType(element).optional(0.5);
            }
            throw new IllegalArgumentException("no arbitrary for " + type);
        }
        Class<?> plain = (Class<?>) type;
        if (plain == String.class) {
            return text();
        }
        if (plain == int.class || plain == Integer.class) {
            return Arbitraries.integers();
        }
        if (plain == long.class || plain == Long.class) {
            return Arbitraries.longs();
        }
        if (plain == boolean.class || plain == Boolean.class) {
            return Arbitraries.of(true, false);
        }
        if (plain == double.class || plain == Double.class) {
            return Arbitraries.doubles();
        }
        if (plain.isEnum()) {
            return Arbitraries.of((Class<Enum>) plain);
        }
        if (plain.isRecord()) {
            return Arbitraries.lazy(() -> forRecord((Class<Record>) plain, Map.of()));
        }
        throw new IllegalArgumentException("no arbitrary for " + type);
    }

    /**
     * A record with the given components; every other component gets a neutral value ("", 0, false, empty list,
     * empty optional, the first enum constant, a neutral record), so samples survive components added later.
     */
    static <R extends Record> R record(final Class<R> type, final Map<String, Object> values) {
        RecordComponent[] components = type.getRecordComponents();
        List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
        for (String name : values.keySet()) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no component " + name);
            }
        }
        Object[] arguments = Arrays.stream(components)
                .map(component -> values.containsKey(component.getName()) ? values.get(component.getName())
                        : neutral(component.getType()))
                .toArray();
        return construct(type, arguments);
    }

    @SuppressWarnings("unchecked")
    private static Object neutral(final Class<?> type) {
        if (type == String.class) {
            return "";
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == double.class) {
            return 0.0;
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == Optional.class) {
            return Optional.empty();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isRecord()) {
            return record((Class<Record>) type, Map.of());
        }
        throw new IllegalArgumentException("no neutral value for " + type);
    }

    private static <R extends Record> R construct(final Class<R> type, final Object[] arguments) {
        try {
            Class<?>[] parameters = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            Constructor<R> constructor = type.getDeclaredConstructor(parameters);
            return constructor.newInstance(arguments);
        }
        catch (InvocationTargetException exception) {
            if (exception.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(exception.getCause());
        }
        catch (ReflectiveOperationException exception) {
            throw new IllegalStateException("cannot construct " + type.getSimpleName(), exception);
        }
    }

    /** A plain result of a typical image, with {@code packages} packages on one root. */
    static InspectionResult sample(final String name, final int packages) {
        return sample(name, packages, Function.identity());
    }

    /** A result whose encoded size grows with {@code padding}, so tests can give entries distinct sizes. */
    static InspectionResult padded(final String name, final int padding) {
        return sample(name, 0, os -> {
            os.put("hostname", "x".repeat(padding));
            return os;
        });
    }

    private static InspectionResult sample(final String name, final int packages,
                                           final Function<Map<String, Object>, Map<String, Object>> adjust) {
        List<InstalledPackage> installed = IntStream.range(0, packages)
                .mapToObj(i -> new InstalledPackage("package-" + i, i % 3, "1." + i, "r" + i, "x86_64")).toList();
        Map<String, Object> os = new HashMap<>();
        os.put("root", "/dev/sda1");
        os.put("type", "linux");
        os.put("distro", "debian");
        os.put("productName", "Debian GNU/Linux 12 (" + name + ")");
        os.put("version", "12");
        os.put("majorVersion", 12);
        os.put("architecture", "x86_64");
        os.put("hostname", name);
        os.put("packageFormat", "deb");
        os.put("packageManager", "apt");
        os.put("mountpoints", List.of(new Mountpoint("/", "/dev/sda1")));
        os.put("filesystems", List.of(new Filesystem("/dev/sda1", "ext4")));
        os.put("kernels", List.of("6.1.0-13-amd64"));
        os.put("packages", installed);
        return new InspectionResult(new ImageFile("images/" + name + ".qcow2", name + ".qcow2", 123_456_789L),
                Optional.of(new DiskInfo(DiskFormat.QCOW2, 10L << 30, Optional.empty())),
                "sha256-tree64m:" + "ab".repeat(32), Status.INSPECTED, Optional.empty(),
                List.of(record(OperatingSystem.class, adjust.apply(os))), new Timings(1, 2, 3, 4, 5, 6, 7),
                new CacheInfo(false, 8), "1.48.6", "0.1.0");
    }
}
