package io.github.guestinspect.diff;

import io.github.guestinspect.model.CacheInfo;
import io.github.guestinspect.model.DiskFormat;
import io.github.guestinspect.model.DiskInfo;
import io.github.guestinspect.model.Failure;
import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.InstalledPackage;
import io.github.guestinspect.model.OperatingSystem;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.model.Timings;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Small inspection results for history, diff and report tests (the cli module's tests use them too). Operating
 * systems are built by component name, so a component added to the model later gets a neutral value here.
 */
public final class Results {
    private Results() {
    }

    /** A package; {@code "2:1.5-3"} style versions are split into epoch, version and release as dpkg does. */
    public static InstalledPackage pkg(final String name, final String fullVersion, final String architecture) {
        int epoch = 0;
        String rest = fullVersion;
        int colon = rest.indexOf(':');
        if (colon > 0 && rest.substring(0, colon).chars().allMatch(Character::isDigit)) {
            epoch = Integer.parseInt(rest.substring(0, colon));
            rest = rest.substring(colon + 1);
        }
        int dash = rest.lastIndexOf('-');
        String version = dash < 0 ? rest : rest.substring(0, dash);
        String release = dash < 0 ? "" : rest.substring(dash + 1);
        return new InstalledPackage(name, epoch, version, release, architecture);
    }

    /** An apk package: {@code version} and release N of {@code -rN}. */
    public static InstalledPackage apk(final String name, final String version, final String release) {
        return new InstalledPackage(name, 0, version, release, "x86_64");
    }

    /** An operating system root with a package format ("deb", "rpm", "apk", "unknown") and packages. */
    public static OperatingSystem os(final String root, final String packageFormat,
                                     final InstalledPackage... packages) {
        Map<String, Object> values = new HashMap<>();
        values.put("root", root);
        values.put("type", "linux");
        values.put("distro", switch (packageFormat) {
            case "deb" -> "debian";
            case "rpm" -> "fedora";
            case "apk" -> "alpine";
            default -> "unknown";
        });
        values.put("productName", "Test Linux");
        values.put("version", "1");
        values.put("majorVersion", 1);
        values.put("architecture", "x86_64");
        values.put("packageFormat", packageFormat);
        values.put("packageManager", "unknown");
        values.put("packages", List.of(packages));
        return record(OperatingSystem.class, values);
    }

    /** An inspected image at {@code path} with these roots. */
    public static InspectionResult inspected(final String path, final OperatingSystem... roots) {
        return inspected(path, new Timings(0, 0, 0, 0, 0, 0, 0), false, roots);
    }

    /** An inspected image with its timings and cache hit flag. */
    public static InspectionResult inspected(final String path, final Timings timings, final boolean cacheHit,
                                             final OperatingSystem... roots) {
        return new InspectionResult(new ImageFile(path, fileName(path), 1 << 20),
                Optional.of(new DiskInfo(DiskFormat.QCOW2, 1L << 30, Optional.empty())), "sha256:test",
                roots.length == 0 ? Status.NO_OS_FOUND : Status.INSPECTED, Optional.empty(), List.of(roots),
                timings, new CacheInfo(cacheHit, cacheHit ? 3 : 1), "1.48.6", "test");
    }

    /** An image that could not be inspected. */
    public static InspectionResult failed(final String path) {
        return InspectionResult.failed(new ImageFile(path, fileName(path), -1), Optional.empty(),
                new Failure(FailureKind.CORRUPT, path + ": truncated"), new Timings(0, 4, 0, 0, 0, 0, 4), "test");
    }

    private static String fileName(final String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static <R extends Record> R record(final Class<R> type, final Map<String, Object> values) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] arguments = Arrays.stream(components).map(component -> values.containsKey(component.getName())
                ? values.get(component.getName()) : neutral(component.getType())).toArray();
        try {
            return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new)).newInstance(arguments);
        }
        catch (InvocationTargetException exception) {
            throw new IllegalStateException(exception.getCause());
        }
        catch (ReflectiveOperationException exception) {
            throw new IllegalStateException(exception);
        }
    }

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
        if (type == List.class) {
            return List.of();
        }
        if (type == Optional.class) {
            return Optional.empty();
        }
        throw new IllegalArgumentException("no neutral value for " + type);
    }
}
