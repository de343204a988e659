package io.jenkins.plugins.guestinspect.analysis;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A build as pages link to it: number, display name and URL relative to the Jenkins root. A plain class, not a
 * record: it is persisted by XStream in the build summary.
 */
public final class BuildLink implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int number;
    private final String displayName;
    private final String url;

    /**
     * @param number      the build number
     * @param displayName the full display name ("images » main #12"), which also names the job of a reference
     *                    build from another job
     * @param url         relative to the Jenkins root, as {@code Run.getUrl()} gives it ("job/images/12/")
     */
    public BuildLink(final int number, final String displayName, final String url) {
        this.number = number;
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.url = Objects.requireNonNull(url, "url");
    }

    public int getNumber() {
        return number;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getUrl() {
        return url;
    }

    /** The build for Scripted Pipeline. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("number", number);
        map.put("displayName", displayName);
        map.put("url", url);
        return map;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof BuildLink link && number == link.number && displayName.equals(link.displayName)
                && url.equals(link.url);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, displayName, url);
    }

    @Override
    public String toString() {
        return displayName;
    }
}
