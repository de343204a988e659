package io.github.guestinspect.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes as picocli's help wants them. */
final class ExitCodes {
    private ExitCodes() {
    }

    static Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            map.put(Integer.toString(code.code()), code.meaning());
        }
        return map;
    }
}
